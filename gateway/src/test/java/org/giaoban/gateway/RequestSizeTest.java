package org.giaoban.gateway;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bodies above giaoban.gateway.max-request-size (1 KB here) are refused before anything is relayed. */
class RequestSizeTest extends EdgeTestBase {

    static final int LIMIT = 1024;

    @Test
    void aDeclaredLengthAboveTheLimitIs413() {
        Http.Response response = http.send(post("/api/news/articles", HttpRequest.BodyPublishers.ofString(json(LIMIT + 1))));
        assertTooLarge(response);
        assertThat(relayed()).isEmpty();
    }

    @Test
    void aChunkedBodyAboveTheLimitIs413AndNothingIsRelayed() {
        Http.Response response = http.send(post("/api/news/articles", chunked(json(4 * LIMIT))));
        assertTooLarge(response);
        assertThat(relayed()).isEmpty();
    }

    @Test
    void bodiesUpToTheLimitArriveWhole() {
        String exact = json(LIMIT);
        assertThat(http.send(post("/api/news/articles", HttpRequest.BodyPublishers.ofString(exact))).status()).isEqualTo(201);
        String chunked = json(LIMIT - 100);
        assertThat(http.send(post("/api/membership/clusters", chunked(chunked))).status()).isEqualTo(201);

        assertThat(NEWS.received).singleElement().extracting(StubService.Received::body).isEqualTo(exact);
        assertThat(MEMBERSHIP.received).singleElement().extracting(StubService.Received::body).isEqualTo(chunked);
    }

    @Test
    void theGatewaysOwnEndpointsAreLimitedToo() {
        assertTooLarge(http.as(operatorToken()).post("/api/accounts", json(2 * LIMIT)));
        assertTooLarge(http.send(HttpRequest.newBuilder(http.uri("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(chunked("grant_type=client_credentials&x=" + "a".repeat(2 * LIMIT)))));
    }

    private HttpRequest.Builder post(String path, HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(http.uri(path)).header("Content-Type", "application/json").POST(body);
    }

    /** A body of unknown length: sent chunked. */
    private static HttpRequest.BodyPublisher chunked(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
    }

    /** A JSON body of exactly {@code bytes} bytes (Vietnamese letters are two or three bytes each). */
    private static String json(int bytes) {
        String prefix = "{\"title\":\"Đô thị xanh ";
        String suffix = "\"}";
        int fill = bytes - prefix.getBytes(StandardCharsets.UTF_8).length - suffix.length();
        String body = prefix + "a".repeat(fill) + suffix;
        assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(bytes);
        return body;
    }

    private static void assertTooLarge(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("payload-too-large");
        assertThat(response.raw().headers().firstValue("X-Correlation-Id")).isPresent();
    }
}
