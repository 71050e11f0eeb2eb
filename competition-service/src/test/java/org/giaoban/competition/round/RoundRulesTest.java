package org.giaoban.competition.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.giaoban.competition.RoundTestSupport;
import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.Test;

/** Each rule of DOMAIN.md broken over HTTP: a problem+json with its code, and nothing stored. */
class RoundRulesTest extends RoundTestSupport {

    private void refused(String roundId, Http.Response response, int status, String code, long eventsBefore) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo(code);
        assertThat(storedEvents(roundId)).isEqualTo(eventsBefore);
    }

    @Test
    void aThirdMinistryMeritAmongElevenParticipantsExceedsTheQuota() {
        TestCluster cluster = givenACluster(11);
        String round = givenAnOpenRound(cluster, null);
        tabled(round, "{\"kind\":\"NOMINATION\",\"urbanAreaId\":\"" + cluster.members().get(2) + "\",\"award\":\"MINISTRY_MERIT\"}");
        tabled(round, "{\"kind\":\"NOMINATION\",\"urbanAreaId\":\"" + cluster.members().get(3) + "\",\"award\":\"MINISTRY_MERIT\"}");
        long before = storedEvents(round);

        refused(round, table(round, "{\"kind\":\"NOMINATION\",\"urbanAreaId\":\"" + cluster.members().get(4)
                + "\",\"award\":\"MINISTRY_MERIT\"}"), 409, "award-quota-exceeded", before);
    }

    @Test
    void aSecondAwardForOneMember() {
        TestCluster cluster = givenACluster(11);
        String round = givenAnOpenRound(cluster, null);
        String nominee = cluster.members().get(2);
        String first = tabled(round, "{\"kind\":\"NOMINATION\",\"urbanAreaId\":\"" + nominee + "\",\"award\":\"MINISTRY_MERIT\"}");
        assertThat(carry(round, first, cluster.members())).isEqualTo("CARRIED");
        long before = storedEvents(round);

        refused(round, table(round, "{\"kind\":\"NOMINATION\",\"urbanAreaId\":\"" + nominee
                + "\",\"award\":\"ASSOCIATION_COMMENDATION\"}"), 409, "second-award-in-round", before);
    }

    @Test
    void aNonParticipantAsNomineeOrVoter() {
        TestCluster cluster = givenACluster(5);
        TestCluster elsewhere = givenACluster(3);
        String round = givenAnOpenRound(cluster, null);
        long before = storedEvents(round);

        refused(round, table(round, "{\"kind\":\"NOMINATION\",\"urbanAreaId\":\"" + elsewhere.members().get(0)
                + "\",\"award\":\"ASSOCIATION_COMMENDATION\"}"), 409, "nominee-not-a-participant", before);
        String motion = tabled(round, "{\"kind\":\"NEXT_THEME\",\"theme\":\"Đô thị thông minh\"}");
        refused(round, vote(round, motion, elsewhere.members().get(0), "APPROVE"), 409, "voter-not-a-participant", before + 1);
    }

    @Test
    void aBallotOnAClosedMotion() {
        TestCluster cluster = givenACluster(3);
        String round = givenAnOpenRound(cluster, null);
        String motion = tabled(round, "{\"kind\":\"NEXT_THEME\",\"theme\":\"Đô thị thông minh\"}");
        assertThat(carry(round, motion, cluster.members())).isEqualTo("CARRIED");
        long before = storedEvents(round);

        refused(round, vote(round, motion, cluster.members().get(0), "REJECT"), 409, "motion-closed", before);
    }

    @Test
    void concludingWithoutNextHostOrNextTheme() {
        TestCluster cluster = givenACluster(3);
        String round = givenAnOpenRound(cluster, null);
        long before = storedEvents(round);
        refused(round, coordinatorOfRound(round).post("/api/competition/rounds/" + round + "/conclusion", ""), 409, "conclusion-needs-next-host", before);

        String host = tabled(round, "{\"kind\":\"NEXT_HOST\",\"urbanAreaId\":\"" + cluster.members().get(2) + "\"}");
        assertThat(carry(round, host, cluster.members())).isEqualTo("CARRIED");
        before = storedEvents(round);
        refused(round, coordinatorOfRound(round).post("/api/competition/rounds/" + round + "/conclusion", ""), 409, "conclusion-needs-next-theme", before);
    }

    @Test
    void concludingWithAnOpenMotion() {
        TestCluster cluster = givenACluster(3);
        String round = givenAnOpenRound(cluster, null);
        carry(round, tabled(round, "{\"kind\":\"NEXT_HOST\",\"urbanAreaId\":\"" + cluster.members().get(2) + "\"}"), cluster.members());
        carry(round, tabled(round, "{\"kind\":\"NEXT_THEME\",\"theme\":\"Đô thị thông minh\"}"), cluster.members());
        tabled(round, "{\"kind\":\"NEXT_LEADER\",\"urbanAreaId\":\"" + cluster.members().get(1) + "\"}");
        long before = storedEvents(round);

        refused(round, coordinatorOfRound(round).post("/api/competition/rounds/" + round + "/conclusion", ""), 409, "motions-still-open", before);
    }

    @Test
    void thisYearsHostAsNextHostUnderDefaultRules() {
        TestCluster cluster = givenACluster(3);
        String round = givenAnOpenRound(cluster, null);
        long before = storedEvents(round);

        refused(round, table(round, "{\"kind\":\"NEXT_HOST\",\"urbanAreaId\":\"" + cluster.members().get(0) + "\"}"),
                409, "host-repeats", before);
    }

    @Test
    void aSecondNextHostAfterOneCarried() {
        TestCluster cluster = givenACluster(4);
        String round = givenAnOpenRound(cluster, null);
        String first = tabled(round, "{\"kind\":\"NEXT_HOST\",\"urbanAreaId\":\"" + cluster.members().get(2) + "\"}");
        String competing = tabled(round, "{\"kind\":\"NEXT_HOST\",\"urbanAreaId\":\"" + cluster.members().get(3) + "\"}");
        assertThat(carry(round, first, cluster.members())).isEqualTo("CARRIED");
        long before = storedEvents(round);

        refused(round, table(round, "{\"kind\":\"NEXT_HOST\",\"urbanAreaId\":\"" + cluster.members().get(1) + "\"}"),
                409, "next-host-already-chosen", before);
        assertThat(carry(round, competing, cluster.members())).as("already decided").isEqualTo("NOT_CARRIED");
    }

    @Test
    void motionsAndBallotsNeedAnOpenRound() {
        TestCluster cluster = givenACluster(3);
        String round = cluster.id() + "-2023";
        coordinatorOf(cluster.id()).post("/api/competition/rounds", """
                {"clusterId":"%s","year":2023,"movement":"m","theme":"t","hostId":"%s","leaderId":"%s"}"""
                .formatted(cluster.id(), cluster.members().get(0), cluster.members().get(1)));
        long before = storedEvents(round);

        refused(round, table(round, "{\"kind\":\"NEXT_THEME\",\"theme\":\"x\"}"), 409, "round-not-open", before);
        refused(round, coordinatorOfRound(round).post("/api/competition/rounds/" + round + "/opening", "{}"), 400, "roster-date-required", before);
    }

    @Test
    void badInputIsRefusedWithACode() {
        TestCluster cluster = givenACluster(3);
        String round = givenAnOpenRound(cluster, null);
        long before = storedEvents(round);

        refused(round, table(round, "{\"kind\":\"NOMINATION\",\"urbanAreaId\":\"" + cluster.members().get(1) + "\",\"award\":\"GOLD\"}"),
                400, "invalid-type", before);
        refused(round, table(round, "{\"kind\":\"NEXT_THEME\",\"theme\":\"   \"}"), 400, "invalid-theme", before);
        refused(round, table(round, "{\"kind\":"), 400, "malformed-json", before);
        refused(round, coordinatorOfRound(round).post("/api/competition/rounds/" + round + "/motions/m9/closing", ""), 404, "unknown-motion", before);
        assertThat(coordinatorOf("nowhere").post("/api/competition/rounds/nowhere-2023/conclusion", "").code()).isEqualTo("unknown-round");
        assertThat(operator().post("/api/competition/rounds", """
                {"clusterId":"nowhere","year":2023,"movement":"m","theme":"t","hostId":"a","leaderId":"b"}""").code())
                .isEqualTo("unknown-cluster");
        assertThat(List.of(coordinatorOf(cluster.id()).post("/api/competition/rounds", """
                {"clusterId":"%s","year":2023,"movement":"m","theme":"t","hostId":"%s","leaderId":"%s"}"""
                .formatted(cluster.id(), "tuyen-quang", cluster.members().get(1))).code())).containsAnyOf("host-not-a-member", "unknown-urban-area");
    }
}
