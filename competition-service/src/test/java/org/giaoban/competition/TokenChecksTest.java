package org.giaoban.competition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;

import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.security.ForgedTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The negative token suite at the competition service: every forged token, though it claims OPERATOR, is refused with
 * 401 (problem+json, {@code WWW-Authenticate}) on a command an operator may send and on a public read, and stores
 * nothing. The same claims properly signed are accepted.
 */
class TokenChecksTest extends RoundTestSupport {

    private static final ForgedTokens FORGER = ForgedTokens.ofTestIssuer();
    private static final Map<String, String> FORGED = FORGER.all();

    static Stream<String> forgeries() {
        return FORGED.keySet().stream();
    }

    @ParameterizedTest(name = "{0}: 401 on planning a round")
    @MethodSource("forgeries")
    void aForgedTokenPlansNothing(String forgery) {
        TestCluster cluster = givenACluster(2);
        awaitProcessorsCaughtUp();
        long before = storedEvents();

        Http.Response response = http.as(FORGED.get(forgery)).post("/api/competition/rounds", plan(cluster));

        assertRefused(response);
        assertThat(storedEvents()).as("nothing stored").isEqualTo(before);
        assertThat(http.get("/api/competition/rounds/" + cluster.id() + "-2023").status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}: 401 on reading a round, though anyone may read it without a token")
    @MethodSource("forgeries")
    void aForgedTokenReadsNothingPublic(String forgery) {
        String round = givenAnOpenRound(givenACluster(2), null);
        awaitProcessorsCaughtUp();
        long before = storedEvents();

        assertThat(http.get("/api/competition/rounds/" + round).status()).as("without a token").isEqualTo(200);
        assertRefused(http.as(FORGED.get(forgery)).get("/api/competition/rounds/" + round));
        assertRefused(http.as(FORGED.get(forgery)).get("/api/competition/rounds"));
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void theSameClaimsProperlySignedAreAnOperatorsAndPlanTheRound() {
        TestCluster cluster = givenACluster(2);
        String valid = FORGER.valid();

        Http.Response planned = http.as(valid).post("/api/competition/rounds", plan(cluster));

        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        assertThat(http.as(valid).get("/api/competition/rounds").status()).isEqualTo(200);
        assertThat(storedEvents(cluster.id() + "-2023")).isEqualTo(1);
    }

    private static void assertRefused(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("invalid-token");
        assertThat(response.raw().headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(header -> assertThat(header).startsWith("Bearer").contains("invalid_token"));
    }

    private static String plan(TestCluster cluster) {
        return """
                {"clusterId":"%s","year":2023,"movement":"m","theme":"t","hostId":"%s","leaderId":"%s"}"""
                .formatted(cluster.id(), cluster.members().get(0), cluster.members().get(1));
    }
}
