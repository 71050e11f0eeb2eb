package org.giaoban.gateway.security;

import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A hash nobody knows the password of, made by the password encoder like every stored one ({bcrypt}, same cost):
 * comparing an unknown party's secret or password with it takes as long as comparing a known one's with theirs, so
 * the time of a refusal does not tell an unknown client id or username from a wrong secret or password.
 */
public final class DecoyPassword {

    private final PasswordEncoder passwords;
    private final String decoy;
    private final LongAdder comparisons = new LongAdder();

    public DecoyPassword(PasswordEncoder passwords) {
        this.passwords = passwords;
        this.decoy = passwords.encode(UUID.randomUUID().toString());
    }

    /** Spends one comparison on {@code offered}; always false. */
    public boolean compare(String offered) {
        comparisons.increment();
        passwords.matches(offered == null ? "" : offered, decoy);
        return false;
    }

    /** How many comparisons were spent on the decoy since the start. */
    public long comparisons() {
        return comparisons.sum();
    }
}
