package org.giaoban.gateway;

import java.util.Map;

import org.giaoban.gateway.security.TokenProperties;
import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.security.ForgedTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * The negative token suite at the gateway: tokens forged with its real signing key, issuer and audience, each wrong
 * in one way, are refused on a routed path (nothing reaches the service) and on the gateway's own API; the correct
 * one passes. And the shape of the gateway's own 401 and 403.
 */
class ForgedTokenTest extends EdgeTestBase {

    @Autowired
    TokenProperties tokenProperties;

    ForgedTokens forged() {
        return new ForgedTokens(activeSigningKey(), tokenProperties.issuer(), tokenProperties.audience());
    }

    @Test
    void everyForgedTokenIsRefusedWith401AndNothingIsRelayed() {
        Map<String, String> all = forged().all();
        assertThat(all).hasSize(10);
        assertSoftly(softly -> all.forEach((name, token) -> {
            for (String path : new String[]{"/api/membership/clusters", "/api/news/articles", "/news", "/api/accounts"}) {
                Http.Response response = http.as(token).get(path);
                softly.assertThat(response.status()).as("%s on %s", name, path).isEqualTo(401);
                softly.assertThat(response.contentType()).as("%s on %s", name, path).startsWith("application/problem+json");
                softly.assertThat(response.code()).as("%s on %s", name, path).isEqualTo("invalid-token");
                softly.assertThat(response.raw().headers().firstValue("WWW-Authenticate")).as("%s on %s", name, path)
                        .hasValueSatisfying(header -> assertThat(header).startsWith("Bearer").contains("invalid_token"));
                softly.assertThat(response.raw().headers().firstValue("X-Correlation-Id")).as("%s on %s", name, path).isPresent();
            }
        }));
        assertThat(relayed()).isEmpty();
    }

    @Test
    void theSameTokenProperlyMadeIsAccepted() {
        String valid = forged().valid();
        assertThat(http.as(valid).get("/api/membership/clusters").status()).isEqualTo(201);
        assertThat(MEMBERSHIP.received).singleElement()
                .extracting(StubService.Received::authorization).isEqualTo("Bearer " + valid);
        Http.Response accounts = http.as(valid).get("/api/accounts");
        assertThat(accounts.status()).as(accounts.body()).isEqualTo(200);
    }

    @Test
    void withoutATokenTheGatewaysOwnApiAnswers401Unauthenticated() {
        Http.Response response = http.get("/api/accounts");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("unauthenticated");
        assertThat(response.json().path("type").asText()).isEqualTo("https://giaoban.org/problems/unauthenticated");
        assertThat(response.json().path("status").asInt()).isEqualTo(401);
        assertThat(response.json().path("title").asText()).isNotBlank();
        assertThat(response.json().path("detail").asText()).isNotBlank();
        assertThat(response.raw().headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void aTokenWithoutTheRoleAnswers403Forbidden() {
        String editor = tokens.of("editor", "editor-dev-secret");
        for (String path : new String[]{"/api/accounts", "/api/keys/rotation", "/actuator/prometheus"}) {
            Http.Response response = path.equals("/api/keys/rotation") ? http.as(editor).post(path, "") : http.as(editor).get(path);
            assertThat(response.status()).as(path).isEqualTo(403);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
            assertThat(response.code()).as(path).isEqualTo("forbidden");
            assertThat(response.raw().headers().firstValue("WWW-Authenticate")).as(path)
                    .hasValueSatisfying(header -> assertThat(header).startsWith("Bearer").contains("insufficient_scope"));
        }
    }

    @Test
    void routedRequestsWithoutATokenStillPass() {
        assertThat(http.get("/api/competition/rounds").status()).isEqualTo(201);
        assertThat(COMPETITION.received).singleElement().extracting(StubService.Received::authorization).isNull();
    }
}
