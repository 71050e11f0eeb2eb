package org.giaoban.gateway;

import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The secret policy on creation and on rotation: a trivial secret is a 400 naming the field, and changes nothing. */
class SecretPolicyApiTest extends GatewayTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTrivialSecretIsRefusedOnCreation() {
        String operator = operatorToken();
        for (String secret : new String[]{"aaaaaaaaaaaa", "123456789012", "password1234", "weak-client-1", "weak-client-12"}) {
            Http.Response refused = Tokens.withToken(http, operator, "POST", "/api/accounts",
                    "{\"clientId\": \"weak-client-1\", \"secret\": \"" + secret + "\", \"role\": \"EDITOR\"}");
            assertThat(refused.status()).as(secret + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.code()).isEqualTo("weak-secret");
            assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactly("secret");
            assertThat(refused.body()).doesNotContain(secret);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account WHERE client_id = 'weak-client-1'", Integer.class)).isZero();
    }

    @Test
    void aTrivialSecretIsRefusedOnRotationAndTheOldOneKeepsWorking() {
        String operator = operatorToken();
        assertThat(Tokens.withToken(http, operator, "POST", "/api/accounts",
                "{\"clientId\": \"weak-rotation\", \"secret\": \"rotation-secret-1\", \"role\": \"EDITOR\"}").status()).isEqualTo(201);
        String token = tokens.of("weak-rotation", "rotation-secret-1");
        for (String secret : new String[]{"aaaaaaaaaaaa", "abcdefghijkl", "short", "weak-rotation"}) {
            Http.Response refused = Tokens.withToken(http, operator, "POST", "/api/accounts/weak-rotation/secret",
                    "{\"secret\": \"" + secret + "\"}");
            assertThat(refused.status()).as(secret).isEqualTo(400);
            assertThat(refused.code()).isIn("weak-secret", "secret-too-short");
            assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactly("secret");
        }
        assertThat(tokens.request("weak-rotation", "rotation-secret-1").status()).isEqualTo(200);
        assertThat(http.as(token).get("/api/accounts").status()).as("not revoked: nothing changed").isEqualTo(403);
    }

    @Test
    void inTheLocalProfileTheDocumentedExamplesWork() {
        // README's "Tokens" section creates these accounts against ./giaoban run.
        Http.Response coordinator = Tokens.withToken(http, operatorToken(), "POST", "/api/accounts", """
                {"clientId":"coordinator-tay-bac","secret":"coordinator-dev-secret","role":"COORDINATOR","clusters":["tay-bac"]}""");
        assertThat(coordinator.status()).as(coordinator.body()).isIn(200, 201);
        assertThat(tokens.request("coordinator-tay-bac", "coordinator-dev-secret").status()).isEqualTo(200);
    }
}
