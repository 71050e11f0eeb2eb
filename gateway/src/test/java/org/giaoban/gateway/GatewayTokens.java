package org.giaoban.gateway;

import java.time.Instant;
import java.util.List;

import org.giaoban.gateway.security.TokenProperties;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/** Tokens signed with the gateway's own key, as its token endpoint would issue them, for any subject. */
final class GatewayTokens {

    private GatewayTokens() {
    }

    static String operator(JwtEncoder encoder, TokenProperties tokens, String subject) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(tokens.issuer())
                .audience(List.of(tokens.audience()))
                .subject(subject)
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plusSeconds(600))
                .claim("roles", List.of("OPERATOR"))
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims)).getTokenValue();
    }
}
