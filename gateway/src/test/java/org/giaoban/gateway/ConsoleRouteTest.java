package org.giaoban.gateway;

import java.net.http.HttpRequest;

import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console behind the gateway at /console/**: paths and queries relayed unchanged, with X-Forwarded-Host, -Proto
 * and -Port as the gateway received the request, so that the console builds its redirect URIs on the gateway's
 * address — and never on one the caller made up.
 */
class ConsoleRouteTest extends GatewayTestBase {

    static final StubService CONSOLE = new StubService("console");

    @DynamicPropertySource
    static void instances(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.console[0].uri", CONSOLE::uri);
    }

    @AfterAll
    static void stop() {
        CONSOLE.stop();
    }

    @Test
    void theConsoleIsRelayedUnchangedWithTheGatewaysAddress() {
        Http.Response answer = http.send(HttpRequest.newBuilder(http.uri("/console/login/oauth2/code/giaoban?code=abc&state=x%20y"))
                .header("X-Forwarded-Host", "evil.example.org")
                .header("X-Forwarded-Proto", "https")
                .header("Forwarded", "host=evil.example.org;proto=https")
                .GET());
        assertThat(answer.status()).isEqualTo(201);
        StubService.Received received = CONSOLE.received.get(CONSOLE.received.size() - 1);
        assertThat(received.normalised()).isEqualTo("/console/login/oauth2/code/giaoban?{code=abc, state=x y}");
        assertThat(received.header("X-Forwarded-Host")).isEqualTo("localhost:" + port);
        assertThat(received.header("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(received.header("X-Forwarded-Port")).isEqualTo(Integer.toString(port));
        assertThat(received.header("X-Forwarded-Prefix")).isNull();
        assertThat(received.header("Forwarded")).doesNotContain("evil");
        assertThat(received.header("X-Forwarded-For")).contains("127.0.0.1");

        assertThat(http.get("/console").status()).isEqualTo(201);
        assertThat(CONSOLE.received.get(CONSOLE.received.size() - 1).pathAndQuery()).isEqualTo("/console");
    }
}
