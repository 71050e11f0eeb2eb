package org.giaoban.competition.round;

import static org.assertj.core.api.Assertions.assertThat;

import org.giaoban.competition.RoundTestSupport;
import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12's repros over HTTP: each was accepted and then stalled a read model or exhausted the service. Now each is
 * 400 problem+json naming the field, and nothing is stored.
 */
class BoundedInputTest extends RoundTestSupport {

    private void refused(Http.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("errors").findValuesAsText("field")).as(response.body()).contains(field);
    }

    private Http.Response plan(TestCluster cluster, String conferenceDate, String rulesJson) {
        return coordinatorOf(cluster.id()).post("/api/competition/rounds", """
                {"clusterId":"%s","year":2023,"movement":"Đô thị Xanh - Sạch - Đẹp","theme":"Đô thị xanh",
                 "hostId":"%s","leaderId":"%s","conferenceDate":"%s","rules":%s}"""
                .formatted(cluster.id(), cluster.members().get(0), cluster.members().get(1), conferenceDate, rulesJson));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"criteria\":[{\"name\":\"c\",\"maxPoints\":1e200000}]}|rules.criteria[0].maxPoints",
            "{\"criteria\":[{\"name\":\"c\",\"maxPoints\":1e999999999}]}|rules.criteria[0].maxPoints",
            "{\"criteria\":[{\"name\":\"c\",\"maxPoints\":10.001}]}|rules.criteria[0].maxPoints",
            "{\"quotas\":{\"MINISTRY_MERIT\":1e-1000000}}|rules.quotas[MINISTRY_MERIT]",
            "{\"quotas\":{\"MINISTRY_MERIT\":0}}|rules.quotas[MINISTRY_MERIT]",
            "{\"approvalThreshold\":1e-1000000}|rules.approvalThreshold",
            "{\"approvalThreshold\":0.55555}|rules.approvalThreshold"})
    void rulesOutOfRangeAreRefusedAndNothingIsPlanned(String rules, String field) {
        TestCluster cluster = givenACluster(3);
        refused(plan(cluster, "2023-09-24", rules), field);
        assertThat(storedEvents(cluster.id() + "-2023")).isZero();
        assertThat(http.get("/api/competition/rounds/" + cluster.id() + "-2023").status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"+10000000-09-24", "1899-12-31", "2101-01-01"})
    void datesOutOfRangeAreRefused(String date) {
        TestCluster cluster = givenACluster(3);
        refused(plan(cluster, date, "null"), "conferenceDate");
        assertThat(storedEvents(cluster.id() + "-2023")).isZero();

        String round = givenAnOpenRound(givenACluster(3), null);
        long before = storedEvents(round);
        refused(coordinatorOfRound(round).post("/api/competition/rounds/" + round + "/opening",
                "{\"rosterDate\":\"" + date + "\"}"), "rosterDate");
        assertThat(storedEvents(round)).isEqualTo(before);
    }

    @ParameterizedTest(name = "points {0}")
    @ValueSource(strings = {"1e999999999", "-1", "1e-1000000", "12.345", "1001"})
    void scoresOutOfRangeAreRefused(String points) {
        TestCluster cluster = givenACluster(3);
        String round = givenAnOpenRound(cluster, "{\"criteria\":[{\"name\":\"Xanh\",\"maxPoints\":1000}]}");
        long before = storedEvents(round);

        refused(coordinatorOfRound(round).post("/api/competition/rounds/" + round + "/scores",
                "{\"urbanAreaId\":\"" + cluster.members().get(0) + "\",\"criterion\":\"Xanh\",\"points\":" + points + "}"), "points");
        assertThat(storedEvents(round)).isEqualTo(before);
    }

    /** Above the criterion's own maximum but inside the edge's range: the round refuses it, naming the field too. */
    @Test
    void aScoreAboveItsCriterionsMaximumIsRefusedByTheRound() {
        TestCluster cluster = givenACluster(3);
        String round = givenAnOpenRound(cluster, "{\"criteria\":[{\"name\":\"Xanh\",\"maxPoints\":40}]}");
        long before = storedEvents(round);

        Http.Response response = coordinatorOfRound(round).post("/api/competition/rounds/" + round + "/scores",
                "{\"urbanAreaId\":\"" + cluster.members().get(0) + "\",\"criterion\":\"Xanh\",\"points\":40.5}");
        refused(response, "points");
        assertThat(response.code()).isEqualTo("points-out-of-range");
        assertThat(storedEvents(round)).isEqualTo(before);
    }
}
