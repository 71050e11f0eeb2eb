package org.giaoban.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * A {@link JwtDecoder} that remembers the tokens it has verified, so that a client presenting the same token again
 * (every request of its hour, and twice in the gateway: rate limit and security chain) does not pay for parsing and
 * an RS256 signature check each time. The key is the exact token string, the value the decoded {@link Jwt}.
 *
 * <ul>
 *   <li>On every use of a remembered token the claim checks ({@link TokenChecks#validator}: expiry and not-before with
 *       the clock skew, issuer, audience) are made again, and a failure is refused exactly as the verifier refuses it
 *       (a {@link JwtValidationException} with the same message, which the resource server answers with 401
 *       {@code invalid_token}); the refused token is forgotten.</li>
 *   <li>Only what verified is remembered: a forged, tampered, expired or otherwise refused token is verified (and
 *       refused) every time it is presented, so a flood of forgeries cannot fill the cache.</li>
 *   <li>At most {@code maxEntries} tokens are remembered: when full, the entries past their lifetime are dropped, then
 *       if need be arbitrary others, a tenth of the capacity at a time (one pass over the map every
 *       {@code maxEntries / 10} new tokens). A flood of distinct valid tokens costs their verification, as without the
 *       cache, and never more memory than the bound.</li>
 *   <li>An entry is used for at most {@code lifetime} after its verification; then the token is verified again.</li>
 * </ul>
 *
 * <p><b>The trade-off.</b> A key withdrawn from the JWKS (a rotation with a short retention, a key removed by hand) is
 * still accepted, for tokens already seen, until their entries reach the lifetime (60 s by default): the signature of a
 * remembered token is not checked again against the current keys. New tokens of a withdrawn key are refused at once.
 * The services' decoder already trusts the JWKS it fetched for up to five minutes (Nimbus's JWK set cache), so there
 * the window does not grow; the gateway, which holds the keys itself, also forgets everything at once when it sees a
 * key leave ({@link #forgetAll()}). A lifetime of zero turns the cache off: every use is verified.
 */
public final class CachingJwtDecoder implements JwtDecoder {

    public static final int DEFAULT_MAX_ENTRIES = 10_000;
    public static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);
    /** NimbusJwtDecoder's own wording, so that a refusal from the cache reads as the verifier's would. */
    private static final String VALIDATION_MESSAGE = "An error occurred while attempting to decode the Jwt: %s";

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> checks;
    private final int maxEntries;
    private final long lifetimeMillis;
    private final Clock clock;
    private final ConcurrentHashMap<String, Verified> verified;
    private final Object eviction = new Object();
    private final LongAdder verifications = new LongAdder();
    private final LongAdder hits = new LongAdder();

    private record Verified(Jwt jwt, long atMillis) {
    }

    /**
     * @param verifier   checks the signature, then {@code checks}
     * @param checks     the claim checks the verifier makes, made again on every use of a remembered token
     * @param maxEntries how many tokens are remembered at most
     * @param lifetime   how long after its verification a token is taken as verified; zero: never
     * @param clock      for the lifetime (the checks have their own clock)
     */
    public CachingJwtDecoder(JwtDecoder verifier, OAuth2TokenValidator<Jwt> checks, int maxEntries, Duration lifetime,
                             Clock clock) {
        if (maxEntries < 1 || lifetime.isNegative()) {
            throw new IllegalArgumentException("maxEntries must be positive and lifetime not negative");
        }
        this.verifier = verifier;
        this.checks = checks;
        this.maxEntries = maxEntries;
        this.lifetimeMillis = lifetime.toMillis();
        this.clock = clock;
        this.verified = new ConcurrentHashMap<>(Math.min(maxEntries, 1024));
    }

    /**
     * {@code verifier} made to validate with {@code checks}, so that the two cannot differ, and to keep a missing
     * {@code iat} missing ({@link TokenChecks#claimSetConverter()}); the system clock.
     */
    public static CachingJwtDecoder of(NimbusJwtDecoder verifier, OAuth2TokenValidator<Jwt> checks, int maxEntries,
                                       Duration lifetime) {
        verifier.setJwtValidator(checks);
        verifier.setClaimSetConverter(TokenChecks.claimSetConverter());
        return new CachingJwtDecoder(verifier, checks, maxEntries, lifetime, Clock.systemUTC());
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        if (token == null || lifetimeMillis == 0) {
            return verify(token);
        }
        long now = clock.millis();
        Verified known = verified.get(token);
        if (known != null) {
            long age = now - known.atMillis();
            if (age >= 0 && age < lifetimeMillis) {
                hits.increment();
                return checked(token, known);
            }
            verified.remove(token, known);
        }
        Jwt jwt = verify(token);
        remember(token, new Verified(jwt, now));
        return jwt;
    }

    /** Forgets every token: each is verified again at its next use. */
    public void forgetAll() {
        verified.clear();
    }

    /** How many tokens are remembered now. */
    public int size() {
        return verified.size();
    }

    /** How many times the verifier was asked (signature and all), since the start. */
    public long verifications() {
        return verifications.sum();
    }

    /** How many decodes were answered from memory (the claim checks made again), since the start. */
    public long hits() {
        return hits.sum();
    }

    private Jwt verify(String token) {
        verifications.increment();
        return verifier.decode(token);
    }

    private Jwt checked(String token, Verified known) {
        OAuth2TokenValidatorResult result = checks.validate(known.jwt());
        if (result.hasErrors()) {
            verified.remove(token, known);
            Collection<OAuth2Error> errors = result.getErrors();
            throw new JwtValidationException(message(errors), errors);
        }
        return known.jwt();
    }

    private void remember(String token, Verified entry) {
        if (verified.size() >= maxEntries) {
            synchronized (eviction) {
                if (verified.size() >= maxEntries) {
                    evict(entry.atMillis());
                }
            }
        }
        verified.put(token, entry);
    }

    /** Down to nine tenths of the capacity (at least one free place): the outlived entries first, then any. */
    private void evict(long now) {
        verified.values().removeIf(entry -> now - entry.atMillis() >= lifetimeMillis || now < entry.atMillis());
        int target = maxEntries - Math.max(1, maxEntries / 10);
        for (Iterator<String> tokens = verified.keySet().iterator(); tokens.hasNext() && verified.size() > target; ) {
            tokens.next();
            tokens.remove();
        }
    }

    private static String message(Collection<OAuth2Error> errors) {
        for (OAuth2Error error : errors) {
            if (error.getDescription() != null && !error.getDescription().isEmpty()) {
                return String.format(VALIDATION_MESSAGE, error.getDescription());
            }
        }
        return "Unable to validate Jwt";
    }
}
