package org.giaoban.gateway;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only the OAuth2 endpoints Giao Ban uses answer: the token endpoint (client_credentials) and the JWKS. Authorization,
 * device, revocation, introspection and OpenID Connect endpoints are switched off (404, never 500 nor a lie such as an
 * "active": false for a valid token), and the metadata advertises what works and nothing else.
 */
class OAuth2EndpointsTest extends GatewayTestBase {

    @Test
    void endpointsGiaoBanDoesNotUseAreNotThere() {
        String basic = "Basic " + Base64.getEncoder().encodeToString("operator:operator-dev-secret".getBytes(StandardCharsets.UTF_8));
        String token = operatorToken();
        List<Http.Response> answers = new ArrayList<>();
        answers.add(http.get("/oauth2/authorize?response_type=code&client_id=operator&redirect_uri=https://example.org/cb&scope=openid"));
        answers.add(form(basic, "/oauth2/authorize", "response_type=code&client_id=operator"));
        answers.add(form(basic, "/oauth2/revoke", "token=" + token));
        answers.add(form(basic, "/oauth2/introspect", "token=" + token));
        answers.add(form(basic, "/oauth2/device_authorization", "client_id=operator"));
        answers.add(http.get("/oauth2/device_verification?user_code=ABCD-EFGH"));
        answers.add(form(basic, "/oauth2/par", "response_type=code&client_id=operator"));
        answers.add(http.get("/.well-known/openid-configuration"));
        answers.add(http.get("/userinfo"));
        answers.add(form(basic, "/connect/register", "{}"));
        answers.forEach(answer -> {
            assertThat(answer.status()).as(answer.raw().request().uri() + ": " + answer.body()).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        });
        // The token revoke was asked to end still works: nothing claimed it was revoked.
        assertThat(http.as(token).get("/api/accounts").status()).isEqualTo(200);
    }

    @Test
    void theMetadataAdvertisesTheTokenEndpointAndTheKeysOnly() {
        Http.Response metadata = http.get("/.well-known/oauth-authorization-server");
        assertThat(metadata.status()).isEqualTo(200);
        List<String> members = new ArrayList<>();
        metadata.json().fieldNames().forEachRemaining(members::add);
        assertThat(members).containsExactlyInAnyOrder("issuer", "token_endpoint", "token_endpoint_auth_methods_supported",
                "jwks_uri", "grant_types_supported", "response_types_supported");
        assertThat(metadata.json().path("issuer").asText()).isEqualTo("http://localhost:8080");
        assertThat(metadata.json().path("token_endpoint").asText()).isEqualTo("http://localhost:8080/oauth2/token");
        assertThat(metadata.json().path("jwks_uri").asText()).isEqualTo("http://localhost:8080/oauth2/jwks");
        assertThat(metadata.json().path("grant_types_supported").toString()).isEqualTo("[\"client_credentials\"]");
        assertThat(metadata.json().path("token_endpoint_auth_methods_supported").toString()).isEqualTo("[\"client_secret_basic\"]");
        assertThat(metadata.json().path("response_types_supported").toString()).isEqualTo("[]");

        // What it advertises works.
        assertThat(tokens.request("operator", "operator-dev-secret").status()).isEqualTo(200);
        assertThat(http.get("/oauth2/jwks").status()).isEqualTo(200);
    }

    @Test
    void theTokenEndpointGrantsClientCredentialsOnly() {
        String basic = "Basic " + Base64.getEncoder().encodeToString("operator:operator-dev-secret".getBytes(StandardCharsets.UTF_8));
        for (String grant : new String[]{"authorization_code&code=x&redirect_uri=https://example.org/cb", "refresh_token&refresh_token=x",
                "urn:ietf:params:oauth:grant-type:device_code&device_code=x", "password&username=a&password=b"}) {
            Http.Response refused = form(basic, "/oauth2/token", "grant_type=" + grant);
            assertThat(refused.status()).as(grant + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.body()).doesNotContain("access_token");
        }
    }

    private Http.Response form(String authorization, String path, String body) {
        return http.send(HttpRequest.newBuilder(http.uri(path))
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
