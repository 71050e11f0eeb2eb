package org.giaoban.gateway;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One pattern for account ids, checked on creation: letters, digits, '-', '_' and '.', but no leading '.' (so never
 * '.' or '..', which no URL path can carry). Accounts created with such ids before the check can still be read, given
 * a new secret and deleted, through the query-parameter forms of those routes.
 */
class AccountIdTest extends GatewayTestBase {

    private static final String SECRET = "account-id-secret-1";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RegisteredClientRepository clients;
    @Autowired
    PasswordEncoder passwords;

    @ParameterizedTest
    @ValueSource(strings = {".", "..", ".x", "...", "a b", "a/b", "a%2Fb", "tên-việt", ""})
    void anIdOutsideThePatternIsRefusedNamingTheFieldAndNothingIsStored(String clientId) {
        String operator = operatorToken();
        Http.Response refused = Tokens.withToken(http, operator, "POST", "/api/accounts",
                "{\"clientId\": \"" + clientId + "\", \"secret\": \"" + SECRET + "\", \"role\": \"EDITOR\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.code()).isEqualTo("invalid-input");
        assertThat(refused.json().path("errors").findValuesAsText("field")).contains("clientId");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM oauth2_registered_client WHERE client_id = ?", Integer.class, clientId))
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "a.b", "a..b", "x.", "_x", "-x", "Sa_Pa-2.delegate"})
    void anIdWithinThePatternIsAccepted(String id) {
        Http.Response created = Tokens.withToken(http, operatorToken(), "POST", "/api/accounts",
                "{\"clientId\": \"" + id + "\", \"secret\": \"" + SECRET + "\", \"role\": \"EDITOR\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(tokens.request(id, SECRET).status()).isEqualTo(200);
    }

    @Test
    void accountsWithIdsNoPathCanCarryAreReadRotatedAndDeletedByQueryParameter() {
        for (String bad : new String[]{".", "..", ".x"}) {
            storeAsBefore(bad);
        }
        String operator = operatorToken();
        for (String bad : new String[]{".", "..", ".x"}) {
            String query = "?clientId=" + bad;
            String token = tokens.of(bad, SECRET);
            assertThat(http.as(token).get("/api/accounts").status()).as("an editor's token, valid").isEqualTo(403);

            Http.Response read = Tokens.withToken(http, operator, "GET", "/api/accounts" + query, null);
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            assertThat(read.json().path("clientId").asText()).isEqualTo(bad);

            Http.Response rotated = Tokens.withToken(http, operator, "POST", "/api/accounts/secret" + query, null);
            assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
            String newSecret = rotated.json().path("secret").asText();
            assertThat(tokens.request(bad, SECRET).status()).isEqualTo(401);
            assertThat(tokens.request(bad, newSecret).status()).isEqualTo(200);
            // The token issued before the rotation is revoked with it.
            assertThat(http.as(token).get("/api/accounts").status()).isEqualTo(401);

            assertThat(Tokens.withToken(http, operator, "DELETE", "/api/accounts" + query, null).status()).isEqualTo(204);
            assertThat(tokens.request(bad, newSecret).status()).isEqualTo(401);
            assertThat(Tokens.withToken(http, operator, "GET", "/api/accounts" + query, null).status()).isEqualTo(404);
        }
    }

    @Test
    void aDeleteWithoutAnIdDeletesNothing() {
        String operator = operatorToken();
        int before = jdbc.queryForObject("SELECT count(*) FROM account", Integer.class);
        Http.Response refused = Tokens.withToken(http, operator, "DELETE", "/api/accounts", null);
        assertThat(refused.status()).isBetween(400, 405);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account", Integer.class)).isEqualTo(before);
    }

    /** As the accounts API stored it before ids were checked. */
    private void storeAsBefore(String clientId) {
        clients.save(RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientName(clientId)
                .clientSecret(passwords.encode(SECRET))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .build());
        jdbc.update("INSERT INTO account (client_id, role, created_at, created_by) VALUES (?, 'EDITOR', ?, 'operator')",
                clientId, Timestamp.from(Instant.now()));
    }
}
