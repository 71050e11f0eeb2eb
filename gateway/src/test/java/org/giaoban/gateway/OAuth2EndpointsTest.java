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
 * Only the OAuth2 endpoints Giao Ban uses answer: the token endpoint, the JWKS, and for the console the authorization
 * endpoint and OpenID Connect's logout (PeopleSignInTest). Device, pushed authorization, revocation, introspection,
 * user info and client registration endpoints are switched off (404, never 500 nor a lie such as an "active": false for
 * a valid token), and the metadata documents advertise what works and nothing else.
 */
class OAuth2EndpointsTest extends GatewayTestBase {

    @Test
    void endpointsGiaoBanDoesNotUseAreNotThere() {
        String basic = "Basic " + Base64.getEncoder().encodeToString("operator:operator-dev-secret".getBytes(StandardCharsets.UTF_8));
        String token = operatorToken();
        List<Http.Response> answers = new ArrayList<>();
        answers.add(form(basic, "/oauth2/revoke", "token=" + token));
        answers.add(form(basic, "/oauth2/introspect", "token=" + token));
        answers.add(form(basic, "/oauth2/device_authorization", "client_id=operator"));
        answers.add(http.get("/oauth2/device_verification?user_code=ABCD-EFGH"));
        answers.add(form(basic, "/oauth2/par", "response_type=code&client_id=operator"));
        answers.add(http.get("/userinfo"));
        answers.add(http.as(token).get("/userinfo"));
        answers.add(form(basic, "/connect/register", "{}"));
        answers.forEach(answer -> {
            assertThat(answer.status()).as(answer.raw().request().uri() + ": " + answer.body()).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        });
        // The token revoke was asked to end still works: nothing claimed it was revoked.
        assertThat(http.as(token).get("/api/accounts").status()).isEqualTo(200);

        // The authorization endpoint is the console's only: a machine client is refused there, never sent on to the
        // address it names, nor answered with a 500 when it names none.
        for (Http.Response refused : List.of(
                http.get("/oauth2/authorize?response_type=code&client_id=operator&redirect_uri=https://example.org/cb&scope=openid"),
                form(basic, "/oauth2/authorize", "response_type=code&client_id=operator"))) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("unauthorized-client");
            assertThat(refused.raw().headers().firstValue("Location")).isEmpty();
        }
    }

    @Test
    void theMetadataAdvertisesWhatWorksOnly() {
        Http.Response metadata = http.get("/.well-known/oauth-authorization-server");
        assertThat(metadata.status()).isEqualTo(200);
        List<String> members = new ArrayList<>();
        metadata.json().fieldNames().forEachRemaining(members::add);
        assertThat(members).containsExactlyInAnyOrder("issuer", "authorization_endpoint", "token_endpoint",
                "token_endpoint_auth_methods_supported", "jwks_uri", "grant_types_supported", "response_types_supported",
                "code_challenge_methods_supported", "scopes_supported");
        assertThat(metadata.json().path("issuer").asText()).isEqualTo("http://localhost:8080");
        assertThat(metadata.json().path("authorization_endpoint").asText()).isEqualTo("http://localhost:8080/oauth2/authorize");
        assertThat(metadata.json().path("token_endpoint").asText()).isEqualTo("http://localhost:8080/oauth2/token");
        assertThat(metadata.json().path("jwks_uri").asText()).isEqualTo("http://localhost:8080/oauth2/jwks");
        assertThat(metadata.json().path("grant_types_supported").toString())
                .isEqualTo("[\"authorization_code\",\"refresh_token\",\"client_credentials\"]");
        assertThat(metadata.json().path("token_endpoint_auth_methods_supported").toString()).isEqualTo("[\"client_secret_basic\"]");
        assertThat(metadata.json().path("response_types_supported").toString()).isEqualTo("[\"code\"]");
        assertThat(metadata.json().path("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");

        Http.Response openId = http.get("/.well-known/openid-configuration");
        assertThat(openId.status()).isEqualTo(200);
        List<String> openIdMembers = new ArrayList<>();
        openId.json().fieldNames().forEachRemaining(openIdMembers::add);
        assertThat(openIdMembers).containsAll(members).contains("end_session_endpoint", "subject_types_supported",
                "id_token_signing_alg_values_supported", "claims_supported")
                .doesNotContain("userinfo_endpoint", "revocation_endpoint", "introspection_endpoint",
                        "registration_endpoint", "device_authorization_endpoint", "pushed_authorization_request_endpoint");
        assertThat(openId.json().path("end_session_endpoint").asText()).isEqualTo("http://localhost:8080/connect/logout");
        assertThat(openId.json().path("id_token_signing_alg_values_supported").toString()).isEqualTo("[\"RS256\"]");
        assertThat(openId.json().path("scopes_supported").toString()).isEqualTo("[\"openid\",\"profile\"]");

        // What they advertise works (the code flow and the logout: PeopleSignInTest).
        assertThat(tokens.request("operator", "operator-dev-secret").status()).isEqualTo(200);
        assertThat(http.get("/oauth2/jwks").status()).isEqualTo(200);
        assertThat(new Browser(port).get(Browser.Authorization.fresh().path(true)).status()).isEqualTo(302);
    }

    @Test
    void theTokenEndpointGrantsMachineClientsClientCredentialsOnly() {
        String basic = "Basic " + Base64.getEncoder().encodeToString("operator:operator-dev-secret".getBytes(StandardCharsets.UTF_8));
        for (String grant : new String[]{"authorization_code&code=x&redirect_uri=https://example.org/cb", "refresh_token&refresh_token=x",
                "urn:ietf:params:oauth:grant-type:device_code&device_code=x", "password&username=vanphong&password=giaoban-dev-2023"}) {
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
