package org.giaoban.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** java.net.http against the running system (./giaoban run): tokens from the gateway, JSON in and out. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Response(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        String code() {
            try {
                return JSON.readTree(body).path("code").asText(null);
            } catch (Exception e) {
                return null;
            }
        }

        Response orFail(String what) {
            if (status >= 300) {
                throw new IllegalStateException(what + " answered " + status + ": " + body);
            }
            return this;
        }
    }

    static String gateway() {
        return Settings.text("gateway", "http://localhost:8080");
    }

    static String token(String clientId, String secret) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway() + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        Response r = new Response(0, CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).body());
        String token = r.json().path("access_token").asText(null);
        if (token == null) {
            throw new IllegalStateException("no token for " + clientId + ": " + r.body());
        }
        return token;
    }

    static HttpRequest request(String method, String url, String token, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return b.build();
    }

    static Response send(String method, String url, String token, Object body) throws Exception {
        HttpResponse<String> r = CLIENT.send(request(method, url, token, body), HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), r.body());
    }

    /** Percentile (0..100) of sorted-in-place values. */
    static double percentile(double[] values, double p) {
        java.util.Arrays.sort(values);
        if (values.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * values.length) - 1;
        return values[Math.max(0, Math.min(values.length - 1, i))];
    }
}
