package org.giaoban.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;

import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routes to stub services as the discovery list names them: two membership instances, one news instance, and a
 * competition instance that does not answer (its port is closed).
 */
class RoutingTest extends GatewayTestBase {

    static final StubService MEMBERSHIP_1 = new StubService("membership-1");
    static final StubService MEMBERSHIP_2 = new StubService("membership-2");
    static final StubService NEWS = new StubService("news");

    @DynamicPropertySource
    static void instances(DynamicPropertyRegistry registry) {
        String instances = "spring.cloud.discovery.client.simple.instances.";
        registry.add(instances + "membership[0].uri", MEMBERSHIP_1::uri);
        registry.add(instances + "membership[1].uri", MEMBERSHIP_2::uri);
        registry.add(instances + "competition[0].uri", () -> "http://127.0.0.1:" + closedPort());
        registry.add(instances + "news[0].uri", NEWS::uri);
    }

    @AfterAll
    static void stop() {
        MEMBERSHIP_1.stop();
        MEMBERSHIP_2.stop();
        NEWS.stop();
    }

    @BeforeEach
    void forget() {
        MEMBERSHIP_1.received.clear();
        MEMBERSHIP_2.received.clear();
        NEWS.received.clear();
    }

    @Test
    void relaysPathQueryBodyTokenAndCorrelationId() {
        String token = operatorToken();
        Http.Response response = http.send(HttpRequest.newBuilder(http.uri("/api/news/articles?clusterId=tay-bac&category=hoi-nghi"))
                .header("Authorization", "Bearer " + token)
                .header("X-Correlation-Id", "conference-2023")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"theme\":\"Đô thị xanh\"}")));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("{\"instance\":\"news\"}");
        assertThat(response.raw().headers().firstValue("X-Correlation-Id")).hasValue("conference-2023");
        StubService.Received received = NEWS.received.get(0);
        assertThat(NEWS.received).hasSize(1);
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.normalised()).isEqualTo("/api/news/articles?{category=hoi-nghi, clusterId=tay-bac}");
        assertThat(received.body()).isEqualTo("{\"theme\":\"Đô thị xanh\"}");
        assertThat(received.authorization()).isEqualTo("Bearer " + token);
        assertThat(received.correlationId()).isEqualTo("conference-2023");
    }

    @Test
    void encodedVietnameseQueriesArriveIntact() {
        assertThat(http.get("/api/membership/clusters?q=v%C3%B9ng%20n%C3%BAi%20T%C3%A2y%20B%E1%BA%AFc&x=a%2Bb%26c").status()).isEqualTo(201);
        StubService.Received received = MEMBERSHIP_1.received.isEmpty() ? MEMBERSHIP_2.received.get(0) : MEMBERSHIP_1.received.get(0);
        assertThat(received.normalised()).isEqualTo("/api/membership/clusters?{q=vùng núi Tây Bắc, x=a+b&c}");
    }

    @Test
    void aCorrelationIdIsCreatedWhenNoneOrAForgedOneIsOffered() {
        Http.Response none = http.get("/api/news/articles");
        String created = none.raw().headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(NEWS.received).singleElement().extracting(StubService.Received::correlationId).isEqualTo(created);

        Http.Response forged = http.send(HttpRequest.newBuilder(http.uri("/api/news/articles"))
                .header("X-Correlation-Id", "a b\tc").GET());
        String replaced = forged.raw().headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(replaced).isNotEqualTo("a b\tc").matches("[0-9a-f-]{36}");
        assertThat(NEWS.received.get(1).correlationId()).isEqualTo(replaced);
    }

    @Test
    void balancesAcrossTheInstancesOfAService() {
        for (int i = 0; i < 6; i++) {
            assertThat(http.get("/api/membership/clusters/tay-bac/members?asOf=2023-09-24").status()).isEqualTo(201);
        }
        assertThat(MEMBERSHIP_1.received).hasSize(3)
                .allSatisfy(r -> assertThat(r.pathAndQuery()).isEqualTo("/api/membership/clusters/tay-bac/members?asOf=2023-09-24"));
        assertThat(MEMBERSHIP_2.received).hasSize(3);
    }

    @Test
    void newsPagesAndTheFeedGoToTheNewsService() {
        for (String path : new String[]{"/news", "/news/hoi-nghi-sa-pa", "/api/news/feed.atom?category=hoi-nghi"}) {
            assertThat(http.get(path).status()).as(path).isEqualTo(201);
        }
        assertThat(NEWS.received).extracting(StubService.Received::pathAndQuery)
                .containsExactly("/news", "/news/hoi-nghi-sa-pa", "/api/news/feed.atom?category=hoi-nghi");
    }

    @Test
    void anInvalidTokenIsRefusedAtTheGatewayAndNothingIsRelayed() {
        Http.Response response = Tokens.withToken(http, "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "GET", "/api/membership/clusters", null);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.raw().headers().firstValue("X-Correlation-Id")).isPresent();
        assertThat(MEMBERSHIP_1.received).isEmpty();
        assertThat(MEMBERSHIP_2.received).isEmpty();
    }

    @Test
    void aServiceThatDoesNotAnswerIsABadGateway() {
        Http.Response response = http.get("/api/competition/rounds");
        assertThat(response.status()).isEqualTo(502);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("service-unavailable");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void pathsOfNoServiceAreNotRelayed() {
        assertThat(http.get("/api/elsewhere").status()).isEqualTo(404);
        assertThat(http.get("/newsroom").status()).isEqualTo(404);
    }
}
