package org.giaoban.platform.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the demo loaders speak: JSON over HTTP to a service's public API, as an operator, coordinator or editor would,
 * every request under one correlation id so that the demo's records can be traced.
 */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String correlationId;
    private final String token;

    public ApiClient(String baseUrl, String correlationId) {
        this(baseUrl, correlationId, null);
    }

    private ApiClient(String baseUrl, String correlationId, String token) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.correlationId = correlationId;
        this.token = token;
    }

    /** The same client acting with {@code bearerToken} (null: anonymously). */
    public ApiClient as(String bearerToken) {
        return new ApiClient(baseUrl, correlationId, bearerToken);
    }

    /** An answer: its status and body, and its JSON on demand. */
    public record Response(String method, String path, int status, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + path + " did not answer JSON: " + body, e);
            }
        }

        /** The problem+json {@code code} of a refusal, or "" for an answer that is not one. */
        public String code() {
            return status >= 400 ? json().path("code").asText() : "";
        }

        /** This answer if it succeeded; otherwise an {@link IllegalStateException} naming the request and the refusal. */
        public Response orFail() {
            if (status >= 300) {
                throw new IllegalStateException(method + " " + path + " was refused with " + status + ": " + body);
            }
            return this;
        }
    }

    public Response get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    /** Sends {@code body} (any object Jackson writes, or null for none) as JSON. */
    public Response send(String method, String path, Object body) throws IOException, InterruptedException {
        return send(method, path, body, correlationId);
    }

    /** The same under a correlation id of its own, e.g. one per step of a demo script. */
    public Response send(String method, String path, Object body, String correlationId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("X-Correlation-Id", correlationId);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            request.method(method, "GET".equals(method) ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(""));
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(method, path, response.statusCode(), response.body());
    }
}
