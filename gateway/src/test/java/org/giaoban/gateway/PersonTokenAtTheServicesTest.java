package org.giaoban.gateway;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.giaoban.platform.security.CachingJwtDecoder;
import org.giaoban.platform.security.RevocationList;
import org.giaoban.platform.security.TokenChecks;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A person's access token is taken by the services unchanged: checked as every service checks tokens (the platform's
 * {@link TokenChecks} with the gateway's JWKS and its revocation list, read over HTTP), it passes with the person's
 * role; once the person is disabled, the list the services read refuses it. Their ID token is no access token: its
 * audience is the console's.
 */
class PersonTokenAtTheServicesTest extends GatewayTestBase {

    @Test
    void aServiceTakesAPersonsTokenAndDropsItOnceTheyAreDisabled() throws Exception {
        assertThat(Tokens.withToken(http, operatorToken(), "POST", "/api/users", """
                {"username": "dai-bieu-sa-pa", "displayName": "Đại biểu Sa Pa", "password": "phieu-bau-tay-bac-5",
                 "role": "DELEGATE", "urbanAreaId": "sa-pa"}""").status()).isEqualTo(201);
        Browser browser = new Browser(port);
        Browser.Authorization authorization = Browser.Authorization.fresh();
        var tokens = browser.exchange(browser.code(authorization, "dai-bieu-sa-pa", "phieu-bau-tay-bac-5"), authorization.verifier()).json();

        String gateway = "http://localhost:" + port;
        try (RevocationList revocations = new RevocationList("gateway", RevocationList.remote(URI.create(gateway + "/oauth2/revocations"),
                new ObjectMapper()), Duration.ofHours(1), Duration.ofHours(2), RevocationList.DEFAULT_RETRY_INTERVAL,
                Clock.systemUTC()).start()) {
            NimbusJwtDecoder keys = NimbusJwtDecoder.withJwkSetUri(gateway + "/oauth2/jwks").build();
            keys.setClaimSetConverter(TokenChecks.claimSetConverter());
            // As a service's decoder is made (ResourceServerConfiguration): issuer, audience, times, revocation.
            JwtDecoder service = CachingJwtDecoder.of(keys, TokenChecks.validator("http://localhost:8080", "giaoban",
                    TokenChecks.DEFAULT_CLOCK_SKEW, revocations), 10, Duration.ZERO);

            Jwt access = service.decode(tokens.path("access_token").asText());
            JwtAuthenticationToken caller = (JwtAuthenticationToken) TokenChecks.authentication().convert(access);
            assertThat(caller.getName()).isEqualTo("dai-bieu-sa-pa");
            assertThat(caller.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_DELEGATE");
            assertThat(access.getClaimAsString("urban_area")).isEqualTo("sa-pa");
            assertThat(access.getClaimAsString("name")).isEqualTo("Đại biểu Sa Pa");

            assertThatThrownBy(() -> service.decode(tokens.path("id_token").asText())).isInstanceOf(JwtValidationException.class);

            assertThat(Tokens.withToken(http, operatorToken(), "POST", "/api/users/dai-bieu-sa-pa/disable", null).status()).isEqualTo(200);
            assertThat(revocations.refresh()).isTrue();
            assertThatThrownBy(() -> service.decode(tokens.path("access_token").asText())).isInstanceOf(JwtException.class)
                    .hasMessageContaining("revoked");
        }
    }
}
