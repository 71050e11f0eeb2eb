package org.giaoban.platform.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Tokens from the gateway, as a client gets them: {@code client_credentials} at {@code /oauth2/token}. The operator's
 * credentials are given; every other account the demo needs is created by the operator through the accounts API
 * with a fresh random secret (an account left by an earlier run gets a new secret), so no secret is written down.
 */
public final class GatewayCredentials implements Credentials {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gatewayUrl;
    private final String operatorId;
    private final String operatorSecret;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public GatewayCredentials(String gatewayUrl, String operatorId, String operatorSecret) {
        this.gatewayUrl = gatewayUrl.replaceAll("/+$", "");
        this.operatorId = operatorId;
        this.operatorSecret = operatorSecret;
    }

    /**
     * The gateway at {@code gatewayUrl}, the operator from {@code GIAOBAN_DEMO_OPERATOR_ID} / {@code _SECRET}, by
     * default the local profile's documented {@code operator} client.
     */
    public static GatewayCredentials fromEnvironment(String gatewayUrl) {
        String id = System.getenv().getOrDefault("GIAOBAN_DEMO_OPERATOR_ID", "operator");
        String secret = System.getenv().getOrDefault("GIAOBAN_DEMO_OPERATOR_SECRET", "operator-dev-secret");
        return new GatewayCredentials(gatewayUrl, id, secret);
    }

    @Override
    public String tokenFor(Account account) {
        if ("OPERATOR".equals(account.role()) && "operator".equals(account.clientId())) {
            return tokens.computeIfAbsent(operatorId, id -> token(id, operatorSecret));
        }
        return tokens.computeIfAbsent(account.clientId(), id -> token(id, ensure(account)));
    }

    /** Creates the account with a new secret, or gives the existing one a new secret; answers the secret. */
    private String ensure(Account account) {
        String secret = newSecret();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", account.clientId());
        body.put("secret", secret);
        body.put("role", account.role());
        if (!account.clusters().isEmpty()) {
            body.put("clusters", account.clusters());
        }
        if (account.urbanAreaId() != null) {
            body.put("urbanAreaId", account.urbanAreaId());
        }
        String operator = tokenFor(Account.operator());
        HttpResponse<String> created = send(json("/api/accounts", operator, body));
        if (created.statusCode() == 409) {
            HttpResponse<String> rotated = send(json("/api/accounts/" + account.clientId() + "/secret", operator, Map.of("secret", secret)));
            check(rotated, "rotating the secret of " + account.clientId());
        } else {
            check(created, "creating the account " + account.clientId());
        }
        return secret;
    }

    private String token(String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        check(response, "getting a token for " + clientId);
        try {
            return JSON.readTree(response.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder json(String path, String token, Object body) {
        try {
            return HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("the gateway at " + gatewayUrl + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void check(HttpResponse<String> response, String what) {
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(what + " was refused with " + response.statusCode() + ": " + response.body());
        }
    }

    private static String newSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
