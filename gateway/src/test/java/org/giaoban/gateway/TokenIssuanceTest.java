package org.giaoban.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class TokenIssuanceTest extends GatewayTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eachDemoClientGetsAnRs256TokenWithItsRoleAudienceAndIssuer() {
        Map<String, String> roles = Map.of("operator", "OPERATOR", "editor", "EDITOR", "analyst", "ANALYST");
        roles.forEach((client, role) -> {
            Http.Response response = tokens.request(client, client + "-dev-secret");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().path("token_type").asText()).isEqualTo("Bearer");
            assertThat(response.json().path("expires_in").asLong()).isBetween(3590L, 3600L);

            JWTClaimsSet claims = tokens.verified(response.json().path("access_token").asText());
            assertThat(claims.getSubject()).isEqualTo(client);
            assertThat(claims.getClaim("roles")).isEqualTo(List.of(role));
            assertThat(claims.getAudience()).containsExactly("giaoban");
            assertThat(claims.getIssuer()).isEqualTo("http://localhost:8080");
            assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                    .isEqualTo(Duration.ofHours(1));
            assertThat(claims.getClaims()).doesNotContainKeys("clusters", "urban_area");
        });
    }

    @Test
    void coordinatorsAndDelegatesCarryTheirScope() {
        String operator = operatorToken();
        assertThat(Tokens.withToken(http, operator, "POST", "/api/accounts", """
                {"clientId": "coord-tay-bac", "secret": "coordinator-secret-1", "role": "COORDINATOR",
                 "clusters": ["tay-bac", "viet-bac"]}""").status()).isEqualTo(201);
        assertThat(Tokens.withToken(http, operator, "POST", "/api/accounts", """
                {"clientId": "delegate-sa-pa", "secret": "delegate-secret-1", "role": "DELEGATE", "urbanAreaId": "sa-pa"}""")
                .status()).isEqualTo(201);

        JWTClaimsSet coordinator = tokens.verified(tokens.of("coord-tay-bac", "coordinator-secret-1"));
        assertThat(coordinator.getClaim("roles")).isEqualTo(List.of("COORDINATOR"));
        assertThat(coordinator.getClaim("clusters")).isEqualTo(List.of("tay-bac", "viet-bac"));
        JWTClaimsSet delegate = tokens.verified(tokens.of("delegate-sa-pa", "delegate-secret-1"));
        assertThat(delegate.getClaim("roles")).isEqualTo(List.of("DELEGATE"));
        assertThat(delegate.getClaim("urban_area")).isEqualTo("sa-pa");
    }

    @Test
    void aWrongSecretOrAnUnknownClientGetsNoToken() {
        assertThat(tokens.request("operator", "not-the-secret").status()).isEqualTo(401);
        assertThat(tokens.request("nobody", "operator-dev-secret").status()).isEqualTo(401);
        assertThat(http.post("/oauth2/token", "").status()).isEqualTo(401);
    }

    @Test
    void secretsAreStoredAsBcryptHashes() {
        List<String> stored = jdbc.queryForList("SELECT client_secret FROM oauth2_registered_client", String.class);
        assertThat(stored).isNotEmpty().allSatisfy(secret -> assertThat(secret).startsWith("{bcrypt}$2"));
    }

    @Test
    void theJwksPublishesOnlyPublicRs256Keys() {
        Http.Response jwks = http.get("/oauth2/jwks");
        assertThat(jwks.status()).isEqualTo(200);
        jwks.json().path("keys").forEach(key -> {
            assertThat(key.path("kty").asText()).isEqualTo("RSA");
            assertThat(key.path("alg").asText()).isEqualTo("RS256");
            assertThat(key.has("d")).isFalse();
        });
    }
}
