package org.giaoban.gateway.people;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import org.giaoban.gateway.accounts.Accounts;
import org.giaoban.gateway.security.DecoyPassword;

/**
 * Checks a person's username and password at the sign-in page. A wrong password and an unknown username get the same
 * refusal after the same bcrypt work (an unknown one is compared with a {@link DecoyPassword}). Wrong passwords in a
 * row lock the username ({@link PeopleProperties}): stored for people, in memory (bounded) for usernames nobody has, by
 * the same rule ({@link People.Lockout}), so that a lock does not tell whether a username exists either. While locked
 * no password is compared, the right one is refused too. A disabled person is told so only with the right password.
 *
 * <p>Not an {@link AuthenticationProvider} bean (Spring Security would make it every chain's fallback): the sign-in
 * chain wraps it ({@link #provider()}).
 */
@Component
class PasswordSignIn {

    private static final int MAX_REMEMBERED = 100_000;
    private static final int MAX_USERNAME = 200;

    private final People people;
    private final PasswordEncoder passwords;
    private final PeopleProperties settings;
    private final Clock clock;
    private final DecoyPassword decoy;
    private final Cache<String, People.Lockout> unknownUsernames;

    PasswordSignIn(People people, PasswordEncoder passwords, PeopleProperties settings, Clock clock) {
        this.people = people;
        this.passwords = passwords;
        this.settings = settings;
        this.clock = clock;
        this.decoy = new DecoyPassword(passwords);
        this.unknownUsernames = Caffeine.newBuilder().maximumSize(MAX_REMEMBERED)
                .expireAfterWrite(settings.lockDuration().multipliedBy(4)).build();
    }

    /** The person signed in (principal: the username; authorities: ROLE_ and the role), or a {@link SignInRefused}. */
    Authentication authenticate(String typedUsername, String password) {
        String username = typedUsername == null ? "" : typedUsername.strip();
        if (username.length() > MAX_USERNAME) {
            username = username.substring(0, MAX_USERNAME);
        }
        Instant now = clock.instant();
        Optional<People.Stored> found = username.matches(Accounts.CLIENT_ID) ? people.stored(username) : Optional.empty();
        if (found.isEmpty()) {
            return refuseUnknown(username, password, now);
        }
        People.Stored person = found.get();
        if (person.lockedUntil() != null && person.lockedUntil().isAfter(now)) {
            throw SignInRefused.locked(username, person.lockedUntil(), false);
        }
        if (!passwords.matches(password == null ? "" : password, person.passwordHash())) {
            Optional<Instant> locked = people.recordFailure(username);
            throw locked.isPresent() ? SignInRefused.locked(username, locked.get(), true) : SignInRefused.badCredentials(username);
        }
        if (!person.person().enabled()) {
            throw SignInRefused.disabled(username);
        }
        people.recordSuccess(username);
        return UsernamePasswordAuthenticationToken.authenticated(username, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + person.person().role().name())));
    }

    /** For the sign-in chain's authentication manager. */
    AuthenticationProvider provider() {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                UsernamePasswordAuthenticationToken signedIn = (UsernamePasswordAuthenticationToken) PasswordSignIn.this.authenticate(
                        authentication.getName(), authentication.getCredentials() == null ? null : authentication.getCredentials().toString());
                signedIn.setDetails(authentication.getDetails());
                return signedIn;
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }

    private Authentication refuseUnknown(String username, String password, Instant now) {
        People.Lockout known = unknownUsernames.getIfPresent(username);
        if (known != null && known.lockedAt(now)) {
            throw SignInRefused.locked(username, known.lockedUntil(), false);
        }
        decoy.compare(password);
        People.Lockout next = unknownUsernames.asMap().compute(username,
                (key, before) -> (before == null ? People.Lockout.NONE : before).failed(now, settings));
        throw next.lockedAt(now) ? SignInRefused.locked(username, next.lockedUntil(), true) : SignInRefused.badCredentials(username);
    }
}
