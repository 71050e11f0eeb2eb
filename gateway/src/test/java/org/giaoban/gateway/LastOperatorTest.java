package org.giaoban.gateway;

import org.giaoban.gateway.security.TokenProperties;
import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone must always be able to administer Giao Ban: the last enabled operator, machine client or person, can be
 * neither disabled nor removed. (A context of its own, with a database of its own: it removes the demo operator.)
 */
@TestPropertySource(properties = "giaoban.people.max-failed-attempts=5")
class LastOperatorTest extends GatewayTestBase {

    @Autowired
    JwtEncoder encoder;
    @Autowired
    TokenProperties tokenSettings;

    @Test
    void theLastEnabledOperatorPersonOrClientStays() {
        // Not one of the operators below, so that no revocation of theirs ends it.
        String admin = GatewayTokens.operator(encoder, tokenSettings, "operator-of-the-test");

        // Two operators: the demo client and the demo person. Either may go while the other stays.
        assertThat(Tokens.withToken(http, admin, "POST", "/api/users/vanphong/disable", null).status()).isEqualTo(200);
        Http.Response lastClient = Tokens.withToken(http, admin, "DELETE", "/api/accounts/operator", null);
        assertThat(lastClient.status()).isEqualTo(409);
        assertThat(lastClient.code()).isEqualTo("last-operator");

        assertThat(Tokens.withToken(http, admin, "POST", "/api/users/vanphong/enable", null).status()).isEqualTo(200);
        assertThat(Tokens.withToken(http, admin, "DELETE", "/api/accounts/operator", null).status()).isEqualTo(204);

        Http.Response lastPerson = Tokens.withToken(http, admin, "POST", "/api/users/vanphong/disable", null);
        assertThat(lastPerson.status()).isEqualTo(409);
        assertThat(lastPerson.code()).isEqualTo("last-operator");
        Http.Response removed = Tokens.withToken(http, admin, "DELETE", "/api/users/vanphong", null);
        assertThat(removed.code()).isEqualTo("last-operator");
        assertThat(Tokens.withToken(http, admin, "GET", "/api/users/vanphong", null).json().path("enabled").asBoolean()).isTrue();

        // The person operator signs in and administers alone.
        Browser browser = new Browser(port);
        Browser.Authorization authorization = Browser.Authorization.fresh();
        String token = browser.exchange(browser.code(authorization, "vanphong", "giaoban-dev-2023"), authorization.verifier())
                .json().path("access_token").asText();
        assertThat(Tokens.withToken(http, token, "POST", "/api/accounts",
                "{\"clientId\": \"new-operator\", \"secret\": \"new-operator-secret-1\", \"role\": \"OPERATOR\"}").status())
                .isEqualTo(201);
        // Now there are two again.
        assertThat(Tokens.withToken(http, admin, "POST", "/api/users/vanphong/disable", null).status()).isEqualTo(200);
    }
}
