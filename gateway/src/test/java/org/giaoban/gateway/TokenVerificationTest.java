package org.giaoban.gateway;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.giaoban.gateway.security.TokenProperties;
import org.giaoban.platform.security.CachingJwtDecoder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a proxied request with a token costs the gateway in token checks: its token is verified once, though both the
 * rate limit and the security chain read it (one shared decoder that remembers verified tokens), and not at all at the
 * client's next request.
 */
class TokenVerificationTest extends EdgeTestBase {

    @Autowired
    JwtDecoder decoder;
    @Autowired
    JwtEncoder encoder;
    @Autowired
    TokenProperties tokenProperties;

    @Test
    void aRequestsTokenIsVerifiedOnceForTheRateLimitAndTheSecurityChainAndNotAgainAtTheNextRequest() {
        assertThat(decoder).isInstanceOf(CachingJwtDecoder.class);
        CachingJwtDecoder shared = (CachingJwtDecoder) decoder;
        String token = token("verified-once-" + UUID.randomUUID());
        long verifications = shared.verifications();
        long hits = shared.hits();

        assertThat(http.as(token).get("/api/membership/clusters").status()).isEqualTo(201);
        // Two readers of the token (the rate limit, then the security chain), one signature check.
        assertThat(shared.verifications() - verifications).isEqualTo(1);
        assertThat(shared.hits() - hits).isEqualTo(1);

        assertThat(http.as(token).get("/api/membership/clusters").status()).isEqualTo(201);
        assertThat(shared.verifications() - verifications).isEqualTo(1);
        assertThat(shared.hits() - hits).isEqualTo(3);
        assertThat(MEMBERSHIP.received).hasSize(2)
                .allSatisfy(received -> assertThat(received.authorization()).isEqualTo("Bearer " + token));
    }

    private String token(String subject) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(tokenProperties.issuer())
                .audience(List.of(tokenProperties.audience()))
                .subject(subject)
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plusSeconds(600))
                .claim("roles", List.of("OPERATOR"))
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims)).getTokenValue();
    }
}
