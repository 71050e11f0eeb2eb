package org.giaoban.systemtest.harness;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.giaoban.testsupport.Http;

/** The system's only public door: tokens ({@code POST /oauth2/token}) and an {@link Http} client bound to its port. */
public final class Gateway {

    /** The local profile's demo clients. */
    public static final String OPERATOR = "operator";
    public static final String OPERATOR_SECRET = "operator-dev-secret";
    public static final String EDITOR = "editor";
    public static final String EDITOR_SECRET = "editor-dev-secret";
    public static final String ANALYST = "analyst";
    public static final String ANALYST_SECRET = "analyst-dev-secret";

    private final int port;

    Gateway(int port) {
        this.port = port;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** Anonymous requests through the gateway; {@code http().as(token)} for a caller with a token. */
    public Http http() {
        return new Http(port);
    }

    /** Requests through the gateway with {@code token}. */
    public Http http(String token) {
        return http().as(token);
    }

    /** The raw answer of the token endpoint to a client-credentials request. */
    public Http.Response tokenResponse(String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return http().send(HttpRequest.newBuilder(http().uri("/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
    }

    /** An access token for a client (client-credentials grant, HTTP Basic); fails unless the gateway issues one. */
    public String token(String clientId, String secret) {
        Http.Response response = tokenResponse(clientId, secret);
        if (response.status() != 200) {
            throw new AssertionError("The gateway issued no token to " + clientId + ": " + response.status() + " "
                    + response.body());
        }
        return response.json().path("access_token").asText();
    }

    public String operatorToken() {
        return token(OPERATOR, OPERATOR_SECRET);
    }

    public String editorToken() {
        return token(EDITOR, EDITOR_SECRET);
    }

    public String analystToken() {
        return token(ANALYST, ANALYST_SECRET);
    }
}
