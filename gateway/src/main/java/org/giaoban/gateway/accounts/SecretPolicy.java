package org.giaoban.gateway.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.HttpStatus;

import org.giaoban.gateway.web.Problem;

/**
 * What a client secret must be, on creation and on rotation alike (and for the first operator from the environment, and
 * the console's client secret): a secret is the only thing between a client id, which is no secret, and its tokens.
 * A person's password is held to the same rules ({@link #checkPassword}), with the codes {@code password-too-short},
 * {@code password-too-long} and {@code weak-password} on the field {@code password}.
 *
 * <ul>
 *   <li>{@value #MIN_LENGTH} characters at least ({@code secret-too-short}) and {@value #MAX_BYTES} bytes of UTF-8 at
 *       most ({@code secret-too-long}: bcrypt reads no further, and Spring Security refuses to hash more);</li>
 *   <li>not trivial ({@code weak-secret}): at least {@value #MIN_DISTINCT} different characters (so no
 *       {@code aaaaaaaaaaaa}, {@code abababababab}); not one shorter piece repeated ({@code passwordpassword}); not a run of
 *       the alphabet, the digits or a keyboard row ({@code abcdefghijkl}, {@code 123456789012}, {@code qwertyuiopas});
 *       not a well-known password with digits or signs around it ({@code password1234}, {@code Welcome2024!}); not the
 *       client id, nor the client id with fewer than {@value #MIN_DISTINCT} characters added;</li>
 *   <li>outside the local profile, not one of the demo secrets and passwords this project documents
 *       ({@code operator-dev-secret}, {@code giaoban-dev-2023} and the like).</li>
 * </ul>
 * Every refusal is a 400 problem+json naming the field ({@code secret} or {@code password}); the value is never echoed.
 */
public final class SecretPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;
    static final int MIN_DISTINCT = 6;

    /** What is checked: a client's secret or a person's password (the field and the codes of a refusal). */
    private enum Kind {
        SECRET("secret", "secret-too-short", "secret-too-long", "weak-secret", "A secret", "client id"),
        PASSWORD("password", "password-too-short", "password-too-long", "weak-password", "A password", "username");

        final String field;
        final String tooShort;
        final String tooLong;
        final String weak;
        final String noun;
        final String owner;

        Kind(String field, String tooShort, String tooLong, String weak, String noun, String owner) {
            this.field = field;
            this.tooShort = tooShort;
            this.tooLong = tooLong;
            this.weak = weak;
            this.noun = noun;
            this.owner = owner;
        }
    }

    /** Written down in README.md and API.md for the local profile: known to everyone. */
    static final Set<String> DOCUMENTED = Set.of("operator-dev-secret", "editor-dev-secret", "analyst-dev-secret",
            "coordinator-dev-secret", "delegate-dev-secret", "console-dev-secret-4tq9", "giaoban-dev-2023");
    /** Words that head every list of leaked passwords (lower case, digits and signs around them stripped). */
    private static final Set<String> WELL_KNOWN = Set.of("password", "passw0rd", "p@ssw0rd", "p@ssword", "letmein",
            "welcome", "admin", "administrator", "changeme", "change-me", "qwerty", "iloveyou", "secret", "default",
            "trustno1", "monkey", "dragon", "football", "baseball", "master", "sunshine", "princess", "login",
            "abc", "root", "toor", "test", "guest", "giaoban", "matkhau", "mat-khau", "operator", "editor", "analyst");
    private static final String[] RUNS = {"abcdefghijklmnopqrstuvwxyz", "0123456789", "qwertyuiop", "asdfghjkl",
            "zxcvbnm", "qwertyuiopasdfghjklzxcvbnm", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p"};

    private final boolean documentedSecretsAllowed;

    /** @param documentedSecretsAllowed true in the local profile only, where the demo clients use them */
    public SecretPolicy(boolean documentedSecretsAllowed) {
        this.documentedSecretsAllowed = documentedSecretsAllowed;
    }

    /** Refuses {@code secret} for {@code clientId} unless it meets the policy. */
    public void check(String clientId, String secret) {
        check(Kind.SECRET, clientId, secret);
    }

    /** Refuses {@code password} for the person {@code username} unless it meets the policy. */
    public void checkPassword(String username, String password) {
        check(Kind.PASSWORD, username, password);
    }

    private void check(Kind kind, String name, String secret) {
        if (secret == null || secret.length() < MIN_LENGTH) {
            throw refused(kind, kind.tooShort, kind.noun + " has at least " + MIN_LENGTH + " characters.");
        }
        if (secret.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw refused(kind, kind.tooLong, kind.noun + " has at most " + MAX_BYTES + " bytes (UTF-8).");
        }
        String weakness = weakness(name, secret);
        if (weakness != null) {
            throw refused(kind, kind.weak, "This " + kind.field + " is too easy to guess: "
                    + weakness.replace("client id", kind.owner) + ".");
        }
    }

    /** Why {@code secret} is too easy to guess, or null. */
    String weakness(String clientId, String secret) {
        String lower = secret.toLowerCase(Locale.ROOT);
        if (lower.codePoints().distinct().count() < MIN_DISTINCT) {
            return "it has fewer than " + MIN_DISTINCT + " different characters";
        }
        if (repeated(lower)) {
            return "it is a shorter piece repeated";
        }
        for (String run : RUNS) {
            String runs = run.repeat(3);
            if (runs.contains(lower) || new StringBuilder(runs).reverse().toString().contains(lower)) {
                return "it is a run of letters, digits or keys";
            }
        }
        String core = lower.replaceAll("^[^a-z]+|[^a-z]+$", "");
        if (WELL_KNOWN.contains(core) || WELL_KNOWN.contains(lower)) {
            return "it is a well-known password";
        }
        if (!documentedSecretsAllowed && DOCUMENTED.contains(lower)) {
            return "it is a demo secret or password written in the documentation";
        }
        if (clientId != null && !clientId.isEmpty()) {
            String id = clientId.toLowerCase(Locale.ROOT);
            if (lower.contains(id) && lower.length() - id.length() < MIN_DISTINCT) {
                return "it is the client id, or nearly";
            }
        }
        return null;
    }

    /** The whole secret is one shorter piece written two or more times. */
    private static boolean repeated(String secret) {
        int n = secret.length();
        for (int unit = 1; unit <= n / 2; unit++) {
            if (n % unit == 0 && secret.substring(0, unit).repeat(n / unit).equals(secret)) {
                return true;
            }
        }
        return false;
    }

    private static Problem refused(Kind kind, String code, String detail) {
        return new Problem(HttpStatus.BAD_REQUEST, code, detail, kind.field);
    }
}
