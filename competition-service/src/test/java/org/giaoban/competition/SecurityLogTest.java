package org.giaoban.competition;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;

import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.SecurityLogLines;
import org.giaoban.testsupport.security.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Refusals decided inside a handler (who may plan a cluster's round, who may read a ranking before the round is
 * concluded) are security log lines too, like those of the routes' rules.
 */
class SecurityLogTest extends RoundTestSupport {

    @Test
    void refusalsOfTheHandlersAreLogged() {
        TestCluster cluster = givenACluster(2);
        String plan = """
                {"clusterId":"%s","year":2023,"movement":"Đô thị Xanh - Sạch - Đẹp","theme":"Đô thị xanh",
                 "hostId":"%s","leaderId":"%s","conferenceDate":"2023-09-24"}"""
                .formatted(cluster.id(), cluster.members().get(0), cluster.members().get(1));
        String roundId = cluster.id() + "-2023";
        try (SecurityLogLines log = SecurityLogLines.capture()) {
            Http.Response elsewhere = send(TestTokens.coordinatorNamed("coordinator-elsewhere", "another-cluster"),
                    "POST", "/api/competition/rounds", plan, "comp-403-plan");
            assertThat(elsewhere.status()).isEqualTo(403);
            assertThat(send(TestTokens.coordinator(cluster.id()), "POST", "/api/competition/rounds", plan, "comp-plan").status())
                    .isEqualTo(201);
            awaitProcessorsCaughtUp();
            assertThat(send(null, "GET", "/api/competition/rounds/" + roundId + "/ranking", null, "comp-401-ranking").status())
                    .isEqualTo(401);
            assertThat(send(TestTokens.editor(), "GET", "/api/competition/rounds/" + roundId + "/ranking", null, "comp-403-ranking")
                    .status()).isEqualTo(403);

            assertThat(log.of("access-denied")).anySatisfy(line -> assertThat(line).contains("status=403",
                    "actor=coordinator-elsewhere", "path=/api/competition/rounds", "correlationId=comp-403-plan"));
            assertThat(log.of("access-denied")).anySatisfy(line -> assertThat(line).contains("actor=editor",
                    "correlationId=comp-403-ranking"));
            assertThat(log.of("authentication-failed")).anySatisfy(line -> assertThat(line).contains("status=401",
                    "path=/api/competition/rounds/" + roundId + "/ranking", "correlationId=comp-401-ranking"));
            assertThat(log.lines()).noneMatch(line -> line.contains("comp-plan"));
        }
    }

    private Http.Response send(String token, String method, String path, String json, String correlationId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(path)).header("X-Correlation-Id", correlationId);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(request);
    }
}
