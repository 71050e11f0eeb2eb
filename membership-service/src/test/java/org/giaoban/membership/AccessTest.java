package org.giaoban.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.security.Caller;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The role matrix of the gateway issue for membership (API.md): every route × every caller. Reads need any valid
 * token; every record is the operator's. A refused request answers 401 without a token and 403 with one, as
 * problem+json, and stores nothing.
 */
class AccessTest extends MembershipServiceTestBase {

    private static final Set<Caller> ANY_TOKEN = EnumSet.complementOf(EnumSet.of(Caller.NO_TOKEN));
    private static final Set<Caller> OPERATOR = EnumSet.of(Caller.OPERATOR);

    /**
     * A route: how to call it on a fresh cluster {c}, a fresh urban area {ua} (its member since 2020) and another one
     * {ua}-b (in no cluster). Nothing touches the Northwest cluster that the other tests read.
     */
    record Route(String method, String path, String body, int success, Set<Caller> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final Route[] ROUTES = {
            new Route("GET", "/api/membership/clusters", null, 200, ANY_TOKEN),
            new Route("GET", "/api/membership/clusters/tay-bac", null, 200, ANY_TOKEN),
            new Route("GET", "/api/membership/clusters/{c}/members?asOf=2023-09-24", null, 200, ANY_TOKEN),
            new Route("GET", "/api/membership/urban-areas/{ua}", null, 200, ANY_TOKEN),
            new Route("GET", "/api/membership/urban-areas/{ua}/history", null, 200, ANY_TOKEN),
            new Route("POST", "/api/membership/clusters", "{\"id\":\"{c}-new\",\"name\":\"Cụm thử {c}\"}", 201, OPERATOR),
            new Route("PUT", "/api/membership/clusters/{c}", "{\"name\":\"Cụm đổi tên {c}\"}", 200, OPERATOR),
            new Route("POST", "/api/membership/urban-areas",
                    "{\"id\":\"{ua}-2\",\"name\":\"Phường {ua}\",\"kind\":\"WARD\",\"province\":\"Lào Cai\"}", 201, OPERATOR),
            new Route("POST", "/api/membership/urban-areas/{ua}-b/admission",
                    "{\"clusterId\":\"{c}\",\"effectiveFrom\":\"2021-01-01\"}", 201, OPERATOR),
            new Route("POST", "/api/membership/urban-areas/{ua}/withdrawal",
                    "{\"effectiveFrom\":\"2024-01-01\",\"reason\":\"thử\"}", 201, OPERATOR),
            new Route("POST", "/api/membership/urban-areas/{ua}/reorganisations",
                    "{\"effectiveFrom\":\"2024-01-01\",\"urbanClass\":\"III\",\"note\":\"thử\"}", 201, OPERATOR),
            new Route("POST", "/api/membership/urban-areas/{ua}/retractions", "{\"eventId\":\"{admission}\",\"note\":\"thử\"}", 201, OPERATOR),
            new Route("GET", "/api/membership/admin/projections", null, 200, OPERATOR),
            new Route("GET", "/api/membership/admin/dead-letters", null, 200, OPERATOR),
    };

    static Stream<Arguments> matrix() {
        return Stream.of(ROUTES).flatMap(route -> Stream.of(Caller.values()).map(caller -> Arguments.of(route, caller)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void answersAsApiMdSays(Route route, Caller caller) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String ua = "ua-" + suffix;
        String cluster = "c-" + suffix;
        assertThat(http.post("/api/membership/clusters", "{\"id\":\"" + cluster + "\",\"name\":\"Cụm " + cluster + "\"}").status()).isEqualTo(201);
        assertThat(http.post("/api/membership/urban-areas",
                "{\"id\":\"" + ua + "\",\"name\":\"Thị xã " + ua + "\",\"kind\":\"TOWN\",\"province\":\"Lào Cai\"}").status()).isEqualTo(201);
        assertThat(http.post("/api/membership/urban-areas",
                "{\"id\":\"" + ua + "-b\",\"name\":\"Xã " + ua + "\",\"kind\":\"COMMUNE\",\"province\":\"Lào Cai\"}").status()).isEqualTo(201);
        assertThat(http.post("/api/membership/urban-areas/" + ua + "/admission",
                "{\"clusterId\":\"" + cluster + "\",\"effectiveFrom\":\"2020-01-01\"}").status()).isEqualTo(201);
        String admission = await().atMost(Duration.ofSeconds(10)).until(() -> admissionOf(ua), id -> id != null);
        long before = storedEvents();

        String path = route.path().replace("{ua}", ua).replace("{c}", cluster);
        String body = route.body() == null ? null
                : route.body().replace("{ua}", ua).replace("{c}", cluster).replace("{admission}", admission);
        Http as = http.as(caller.token("tay-bac", ua));
        Http.Response response = switch (route.method()) {
            case "GET" -> as.get(path);
            case "PUT" -> as.put(path, body);
            default -> as.post(path, body);
        };

        if (route.allowed().contains(caller)) {
            assertThat(response.status()).as(response.body()).isEqualTo(route.success());
        } else {
            int refusal = caller == Caller.NO_TOKEN ? 401 : 403;
            assertThat(response.status()).as(response.body()).isEqualTo(refusal);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.code()).isEqualTo(refusal == 401 ? "unauthenticated" : "forbidden");
            assertThat(storedEvents()).as("a refused request stores nothing").isEqualTo(before);
        }
    }

    private String admissionOf(String ua) {
        for (var change : http.get("/api/membership/urban-areas/" + ua + "/history").json().path("changes")) {
            if (change.path("change").asText().equals("ADMITTED")) {
                return change.path("eventId").asText();
            }
        }
        return null;
    }
}
