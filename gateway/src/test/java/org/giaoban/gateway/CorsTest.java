package org.giaoban.gateway;

import java.net.http.HttpRequest;
import java.util.List;

import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Browser calls: giaoban.gateway.cors.allowed-origins names https://giaoban.example.org here. */
class CorsTest extends EdgeTestBase {

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredAtTheGateway() {
        Http.Response response = preflight(ALLOWED_ORIGIN, "POST", "authorization, content-type, x-correlation-id");
        assertThat(response.status()).isEqualTo(200);
        assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
        assertThat(header(response, "Access-Control-Allow-Methods")).contains("POST");
        assertThat(header(response, "Access-Control-Allow-Headers").toLowerCase())
                .contains("authorization", "content-type", "x-correlation-id");
        assertThat(header(response, "Access-Control-Max-Age")).isEqualTo("3600");
        assertThat(response.raw().headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        assertThat(relayed()).isEmpty();
    }

    @Test
    void aPreflightFromAForeignOriginIsRefused() {
        Http.Response response = preflight("https://evil.example.com", "POST", "authorization");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("origin-not-allowed");
        assertThat(response.raw().headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(relayed()).isEmpty();
    }

    @Test
    void aMethodOrHeaderNotAllowedIsRefused() {
        assertThat(preflight(ALLOWED_ORIGIN, "TRACE", "authorization").status()).isEqualTo(403);
        assertThat(preflight(ALLOWED_ORIGIN, "GET", "x-secret-header").status()).isEqualTo(403);
    }

    @Test
    void responsesToAnAllowedOriginExposeTheUsefulHeaders() {
        Http.Response response = http.send(HttpRequest.newBuilder(http.uri("/api/news/articles"))
                .header("Origin", ALLOWED_ORIGIN).GET());
        assertThat(response.status()).isEqualTo(201);
        assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
        assertThat(List.of(header(response, "Access-Control-Expose-Headers").split(",\\s*")))
                .contains("X-Correlation-Id", "Retry-After", "Location");
        // Refusals are readable by the page too.
        Http.Response refused = http.send(HttpRequest.newBuilder(http.uri("/api/accounts")).header("Origin", ALLOWED_ORIGIN).GET());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(header(refused, "Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
    }

    @Test
    void aCallFromAForeignOriginGetsNoCorsHeaders() {
        Http.Response response = http.send(HttpRequest.newBuilder(http.uri("/api/news/articles"))
                .header("Origin", "https://evil.example.com").GET());
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.raw().headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(relayed()).isEmpty();
    }

    private Http.Response preflight(String origin, String method, String headers) {
        return http.send(HttpRequest.newBuilder(http.uri("/api/news/articles"))
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", headers)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    private static String header(Http.Response response, String name) {
        return response.raw().headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name));
    }
}
