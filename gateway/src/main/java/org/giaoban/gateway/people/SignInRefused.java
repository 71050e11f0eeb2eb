package org.giaoban.gateway.people;

import java.time.Instant;

import org.springframework.security.core.AuthenticationException;

/**
 * A refused sign-in and why, for the page's Vietnamese message and the security log. A wrong password and an unknown
 * username are the same refusal.
 */
final class SignInRefused extends AuthenticationException {

    enum Reason {
        BAD_CREDENTIALS("bad-credentials"), LOCKED("locked"), DISABLED("disabled");

        final String code;

        Reason(String code) {
            this.code = code;
        }
    }

    private final Reason reason;
    private final String username;
    private final Instant lockedUntil;
    private final boolean lockStarted;

    private SignInRefused(Reason reason, String username, Instant lockedUntil, boolean lockStarted) {
        super("Sign-in refused: " + reason.code);
        this.reason = reason;
        this.username = username;
        this.lockedUntil = lockedUntil;
        this.lockStarted = lockStarted;
    }

    static SignInRefused badCredentials(String username) {
        return new SignInRefused(Reason.BAD_CREDENTIALS, username, null, false);
    }

    /** @param started this very failure locked the username */
    static SignInRefused locked(String username, Instant until, boolean started) {
        return new SignInRefused(Reason.LOCKED, username, until, started);
    }

    static SignInRefused disabled(String username) {
        return new SignInRefused(Reason.DISABLED, username, null, false);
    }

    Reason reason() {
        return reason;
    }

    /** As typed (trimmed): it may be nobody's. */
    String username() {
        return username;
    }

    Instant lockedUntil() {
        return lockedUntil;
    }

    boolean lockStarted() {
        return lockStarted;
    }
}
