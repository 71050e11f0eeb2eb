package org.giaoban.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.giaoban.testsupport.security.ForgedTokens;
import org.giaoban.testsupport.security.TestIssuer;
import org.giaoban.testsupport.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The verified-token cache over the services' real verifier (a NimbusJwtDecoder reading the {@link TestIssuer}'s JWKS
 * over HTTP, with {@link TokenChecks}), counting how often that verifier is asked.
 */
class CachingJwtDecoderTest {

    private static final Duration SKEW = TokenChecks.DEFAULT_CLOCK_SKEW;

    private final SettableClock clock = new SettableClock(Instant.now());
    private final OAuth2TokenValidator<Jwt> checks = TokenChecks.validator(TestIssuer.ISSUER, TestIssuer.AUDIENCE, SKEW, clock);
    private final NimbusJwtDecoder nimbus = verifier(checks);
    private final AtomicInteger verifications = new AtomicInteger();
    private final JwtDecoder counting = token -> {
        verifications.incrementAndGet();
        return nimbus.decode(token);
    };

    private CachingJwtDecoder cache(int maxEntries, Duration lifetime) {
        return new CachingJwtDecoder(counting, checks, maxEntries, lifetime, clock);
    }

    private CachingJwtDecoder cache() {
        return cache(CachingJwtDecoder.DEFAULT_MAX_ENTRIES, CachingJwtDecoder.DEFAULT_LIFETIME);
    }

    @Test
    void theSameTokenAgainIsNotVerifiedAgain() {
        CachingJwtDecoder decoder = cache();
        String token = TestTokens.operator("alice");

        Jwt first = decoder.decode(token);
        Jwt second = decoder.decode(token);
        Jwt third = decoder.decode(token);

        assertThat(verifications).hasValue(1);
        assertThat(decoder.verifications()).isEqualTo(1);
        assertThat(decoder.hits()).isEqualTo(2);
        assertThat(second).isSameAs(first);
        assertThat(third.getSubject()).isEqualTo("alice");
        assertThat(third.getClaimAsStringList(TokenChecks.ROLES)).containsExactly("OPERATOR");
        // Another token of the same client is another key.
        decoder.decode(TestTokens.operator("alice"));
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRememberedTokenPastItsExpiryAndTheSkewIsRefusedAsTheVerifierRefusesIt() {
        CachingJwtDecoder decoder = cache();
        String token = TestIssuer.get().sign(TestIssuer.claims("short-lived", "OPERATOR")
                .expirationTime(Date.from(clock.instant().plusSeconds(10))).build());
        Instant expiresAt = decoder.decode(token).getExpiresAt();

        clock.set(expiresAt.plus(SKEW).minusSeconds(1));
        assertThat(decoder.decode(token).getSubject()).isEqualTo("short-lived");
        assertThat(verifications).hasValue(1);

        clock.set(expiresAt.plus(SKEW).plusSeconds(1));
        Throwable fromCache = catchThrowable(() -> decoder.decode(token));
        Throwable fromVerifier = catchThrowable(() -> nimbus.decode(token));
        assertThat(verifications).as("refused from memory, without the verifier").hasValue(1);
        assertThat(fromCache).isInstanceOf(JwtValidationException.class).isInstanceOf(BadJwtException.class)
                .hasMessageContaining("Jwt expired at")
                .hasMessage(fromVerifier.getMessage());
        assertThat(fromVerifier).isExactlyInstanceOf(fromCache.getClass());
        assertThat(((JwtValidationException) fromCache).getErrors())
                .usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(((JwtValidationException) fromVerifier).getErrors());

        // Forgotten when refused: presented again, it is verified (and refused) again.
        assertThat(decoder.size()).isZero();
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class);
        assertThat(verifications).hasValue(2);
        assertThat(decoder.size()).isZero();
    }

    @Test
    void forgedTokensAreRefusedEveryTimeAndNeverRemembered() {
        // The forgeries' times are real ones: checked against the system clock.
        OAuth2TokenValidator<Jwt> realTime = TokenChecks.validator(TestIssuer.ISSUER, TestIssuer.AUDIENCE, SKEW);
        NimbusJwtDecoder verifier = verifier(realTime);
        AtomicInteger asked = new AtomicInteger();
        CachingJwtDecoder decoder = new CachingJwtDecoder(token -> {
            asked.incrementAndGet();
            return verifier.decode(token);
        }, realTime, 100, Duration.ofMinutes(1), Clock.systemUTC());

        Map<String, String> forged = ForgedTokens.ofTestIssuer().all();
        assertThat(forged).hasSize(10);
        forged.forEach((name, token) -> {
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThatThrownBy(() -> decoder.decode(token)).as(name).isInstanceOf(BadJwtException.class);
            }
        });
        assertThat(asked).hasValue(3 * forged.size());
        assertThat(decoder.size()).isZero();
        assertThat(decoder.hits()).isZero();

        // The control: the same claims properly signed are remembered.
        String valid = ForgedTokens.ofTestIssuer().valid();
        decoder.decode(valid);
        decoder.decode(valid);
        assertThat(asked).hasValue(3 * forged.size() + 1);
        assertThat(decoder.size()).isEqualTo(1);
    }

    @Test
    void distinctTokensBeyondTheBoundDoNotGrowTheCacheBeyondIt() {
        CachingJwtDecoder decoder = cache(50, CachingJwtDecoder.DEFAULT_LIFETIME);
        String last = null;
        for (int i = 0; i < 180; i++) {
            last = TestTokens.operator("client-" + i);
            decoder.decode(last);
            assertThat(decoder.size()).as("after %d tokens", i + 1).isBetween(1, 50);
        }
        assertThat(verifications).hasValue(180);
        // The newest is remembered.
        decoder.decode(last);
        assertThat(verifications).hasValue(180);
    }

    @Test
    void outlivedEntriesGoFirstWhenTheCacheIsFull() {
        CachingJwtDecoder decoder = cache(10, Duration.ofSeconds(60));
        String kept = null;
        for (int i = 0; i < 10; i++) {
            if (i == 9) {
                clock.advance(Duration.ofSeconds(59));
            }
            String token = TestTokens.operator("client-" + i);
            decoder.decode(token);
            kept = token;
        }
        assertThat(decoder.size()).isEqualTo(10);
        // Nine entries are now 61 s old, one 2 s old: a new token makes room by dropping the nine.
        clock.advance(Duration.ofSeconds(2));
        decoder.decode(TestTokens.operator("newcomer"));
        assertThat(decoder.size()).isEqualTo(2);
        int before = verifications.get();
        decoder.decode(kept);
        assertThat(verifications).hasValue(before);
    }

    @Test
    void anEntryOlderThanItsLifetimeIsVerifiedAgain() {
        CachingJwtDecoder decoder = cache(100, Duration.ofSeconds(60));
        String token = TestTokens.operator("bob");
        decoder.decode(token);

        clock.advance(Duration.ofSeconds(59));
        decoder.decode(token);
        assertThat(verifications).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        decoder.decode(token);
        assertThat(verifications).as("60 s after its verification").hasValue(2);
        // And remembered anew from then on.
        decoder.decode(token);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aClockGoneBackIsNoReasonToTrustAnEntryLonger() {
        CachingJwtDecoder decoder = cache(100, Duration.ofSeconds(60));
        String token = TestTokens.operator("carol");
        decoder.decode(token);
        clock.advance(Duration.ofSeconds(-5));
        decoder.decode(token);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void forgetAllAndAZeroLifetimeMeanEveryUseIsVerified() {
        CachingJwtDecoder decoder = cache();
        String token = TestTokens.operator("dave");
        decoder.decode(token);
        decoder.forgetAll();
        decoder.decode(token);
        assertThat(verifications).hasValue(2);

        CachingJwtDecoder off = cache(100, Duration.ZERO);
        off.decode(token);
        off.decode(token);
        assertThat(verifications).hasValue(4);
        assertThat(off.size()).isZero();
    }

    private static NimbusJwtDecoder verifier(OAuth2TokenValidator<Jwt> checks) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(TestIssuer.get().jwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(checks);
        decoder.setClaimSetConverter(TokenChecks.claimSetConverter());
        return decoder;
    }

    /** A clock the test moves. */
    private static final class SettableClock extends Clock {

        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
