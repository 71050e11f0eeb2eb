package org.giaoban.gateway;

import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccountsApiTest extends GatewayTestBase {

    private static final String COORDINATOR = """
            {"clientId": "%s", "secret": "coordinator-secret-1", "role": "COORDINATOR", "clusters": ["tay-bac", "viet-bac"]}""";

    @Test
    void onlyAnOperatorTokenIsLetIn() {
        assertThat(http.get("/api/accounts").status()).isEqualTo(401);
        assertThat(Tokens.withToken(http, "not.a.token", "GET", "/api/accounts", null).status()).isEqualTo(401);
        String editor = tokens.of("editor", "editor-dev-secret");
        assertThat(Tokens.withToken(http, editor, "GET", "/api/accounts", null).status()).isEqualTo(403);
        assertThat(Tokens.withToken(http, editor, "POST", "/api/accounts", COORDINATOR.formatted("by-editor")).status()).isEqualTo(403);
        assertThat(Tokens.withToken(http, operatorToken(), "GET", "/api/accounts", null).status()).isEqualTo(200);
    }

    @Test
    void creationIsIdempotentAndADifferentAccountUnderTheSameIdIsAConflict() {
        String operator = operatorToken();
        Http.Response created = Tokens.withToken(http, operator, "POST", "/api/accounts", COORDINATOR.formatted("coord-a"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.raw().headers().firstValue("Location")).hasValue("/api/accounts/coord-a");
        assertThat(created.json().path("createdBy").asText()).isEqualTo("operator");
        assertThat(created.body()).doesNotContain("secret");

        // The same account, clusters in another order: nothing to do.
        Http.Response again = Tokens.withToken(http, operator, "POST", "/api/accounts", """
                {"clientId": "coord-a", "secret": "coordinator-secret-1", "role": "COORDINATOR", "clusters": ["viet-bac", "tay-bac"]}""");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("clusters").toString()).isEqualTo("[\"tay-bac\",\"viet-bac\"]");

        for (String different : new String[]{
                """
                {"clientId": "coord-a", "secret": "another-secret-12", "role": "COORDINATOR", "clusters": ["tay-bac", "viet-bac"]}""",
                """
                {"clientId": "coord-a", "secret": "coordinator-secret-1", "role": "COORDINATOR", "clusters": ["tay-bac"]}""",
                """
                {"clientId": "coord-a", "secret": "coordinator-secret-1", "role": "EDITOR"}"""}) {
            Http.Response conflict = Tokens.withToken(http, operator, "POST", "/api/accounts", different);
            assertThat(conflict.status()).isEqualTo(409);
            assertThat(conflict.contentType()).startsWith("application/problem+json");
            assertThat(conflict.code()).isEqualTo("account-exists");
        }
        // The original secret still works: the refused requests changed nothing.
        assertThat(tokens.request("coord-a", "coordinator-secret-1").status()).isEqualTo(200);
    }

    @Test
    void theListShowsAccountsWithoutSecrets() {
        String operator = operatorToken();
        Tokens.withToken(http, operator, "POST", "/api/accounts", COORDINATOR.formatted("coord-listed"));
        Http.Response list = Tokens.withToken(http, operator, "GET", "/api/accounts", null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("\"clientId\":\"coord-listed\"", "\"clientId\":\"operator\"", "\"clientId\":\"editor\"")
                .doesNotContain("secret\"", "bcrypt", "$2");
    }

    @Test
    void coordinatorsNeedClustersAndDelegatesAnUrbanArea() {
        String operator = operatorToken();
        Http.Response coordinator = Tokens.withToken(http, operator, "POST", "/api/accounts", """
                {"clientId": "coord-none", "secret": "coordinator-secret-1", "role": "COORDINATOR"}""");
        assertThat(coordinator.status()).isEqualTo(400);
        assertThat(coordinator.code()).isEqualTo("coordinator-needs-clusters");
        Http.Response delegate = Tokens.withToken(http, operator, "POST", "/api/accounts", """
                {"clientId": "delegate-none", "secret": "delegate-secret-1", "role": "DELEGATE"}""");
        assertThat(delegate.status()).isEqualTo(400);
        assertThat(delegate.code()).isEqualTo("delegate-needs-urban-area");
        Http.Response editorWithClusters = Tokens.withToken(http, operator, "POST", "/api/accounts", """
                {"clientId": "editor-2", "secret": "editor-secret-12", "role": "EDITOR", "clusters": ["tay-bac"]}""");
        assertThat(editorWithClusters.code()).isEqualTo("clusters-not-allowed");
        Http.Response shortSecret = Tokens.withToken(http, operator, "POST", "/api/accounts", """
                {"clientId": "editor-3", "secret": "short", "role": "EDITOR"}""");
        assertThat(shortSecret.status()).isEqualTo(400);
        assertThat(shortSecret.code()).isEqualTo("invalid-input");
        Http.Response unknownRole = Tokens.withToken(http, operator, "POST", "/api/accounts", """
                {"clientId": "editor-4", "secret": "editor-secret-12", "role": "KING"}""");
        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(tokens.request("coord-none", "coordinator-secret-1").status()).isEqualTo(401);
    }

    @Test
    void aRotatedSecretReplacesTheOldOne() {
        String operator = operatorToken();
        Tokens.withToken(http, operator, "POST", "/api/accounts", COORDINATOR.formatted("coord-rotated"));

        Http.Response generated = Tokens.withToken(http, operator, "POST", "/api/accounts/coord-rotated/secret", null);
        assertThat(generated.status()).isEqualTo(200);
        String newSecret = generated.json().path("secret").asText();
        assertThat(newSecret).hasSizeGreaterThanOrEqualTo(40);
        assertThat(tokens.request("coord-rotated", "coordinator-secret-1").status()).isEqualTo(401);
        assertThat(tokens.request("coord-rotated", newSecret).status()).isEqualTo(200);

        Http.Response chosen = Tokens.withToken(http, operator, "POST", "/api/accounts/coord-rotated/secret",
                "{\"secret\": \"chosen-secret-123\"}");
        assertThat(chosen.status()).isEqualTo(200);
        assertThat(chosen.body()).doesNotContain("chosen-secret-123");
        assertThat(tokens.request("coord-rotated", newSecret).status()).isEqualTo(401);
        assertThat(tokens.request("coord-rotated", "chosen-secret-123").status()).isEqualTo(200);

        assertThat(Tokens.withToken(http, operator, "POST", "/api/accounts/nobody/secret", null).code()).isEqualTo("unknown-account");
    }

    @Test
    void aDeletedClientGetsNoMoreTokens() {
        String operator = operatorToken();
        Tokens.withToken(http, operator, "POST", "/api/accounts", COORDINATOR.formatted("coord-deleted"));
        assertThat(Tokens.withToken(http, operator, "DELETE", "/api/accounts/coord-deleted", null).status()).isEqualTo(204);
        assertThat(tokens.request("coord-deleted", "coordinator-secret-1").status()).isEqualTo(401);
        assertThat(Tokens.withToken(http, operator, "GET", "/api/accounts/coord-deleted", null).status()).isEqualTo(404);
        assertThat(Tokens.withToken(http, operator, "DELETE", "/api/accounts/coord-deleted", null).status()).isEqualTo(404);

        // The last operator stays: LastOperatorTest, in a database of its own (here other tests add operators, people
        // among them, which count as operators too).
    }
}
