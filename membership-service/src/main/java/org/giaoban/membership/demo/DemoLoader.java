package org.giaoban.membership.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.giaoban.platform.demo.ApiClient;
import org.giaoban.platform.demo.Credentials;
import org.giaoban.platform.demo.GatewayCredentials;

/**
 * Loads the Northwest demo (the cluster, its members of 2023, Việt Trì's earlier membership, the 2025 reorganisation)
 * through the public HTTP API, step by step, exactly as an operator would. Every step is idempotent, so loading twice
 * is harmless, as the operator (a token from {@link Credentials}). Usage: {@code DemoLoader [gatewayUrl]} (default
 * {@code http://localhost:8080}; the operator from {@code GIAOBAN_DEMO_OPERATOR_ID} / {@code _SECRET}, by default the
 * local profile's {@code operator}).
 */
public final class DemoLoader {

    public static final String NORTHWEST = "/demo/northwest.json";

    private final ObjectMapper json = new ObjectMapper();
    private final ApiClient membership;
    private final PrintStream out;

    public DemoLoader(String baseUrl, Credentials credentials, PrintStream out) {
        this.membership = new ApiClient(baseUrl, "demo-northwest").as(credentials.tokenFor(Credentials.Account.operator()));
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args.length > 0 ? args[0] : "http://localhost:8080";
        try {
            int steps = new DemoLoader(baseUrl, GatewayCredentials.fromEnvironment(baseUrl), System.out).load(NORTHWEST);
            System.out.println("Loaded " + steps + " steps of the Northwest demo into " + baseUrl);
        } catch (DemoFailed e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /** Sends every step of a demo script in order; stops at the first refusal. Returns the number of steps. */
    public int load(String script) throws IOException, InterruptedException {
        JsonNode steps;
        try (InputStream in = DemoLoader.class.getResourceAsStream(script)) {
            if (in == null) {
                throw new DemoFailed("No demo script " + script + " on the classpath");
            }
            steps = json.readTree(in).path("steps");
        }
        int count = 0;
        for (JsonNode step : steps) {
            ApiClient.Response response = membership.send(step.path("method").asText(), step.path("path").asText(),
                    step.path("body"), "demo-northwest-" + (count + 1));
            if (response.status() >= 300) {
                throw new DemoFailed("Step " + (count + 1) + " (" + step.path("say").asText() + ") was refused with "
                        + response.status() + ": " + response.body());
            }
            count++;
            out.printf("%3d %s %s%n", response.status(), response.status() == 201 ? "recorded " : "unchanged", step.path("say").asText());
        }
        return count;
    }

    static final class DemoFailed extends RuntimeException {
        DemoFailed(String message) {
            super(message);
        }
    }
}
