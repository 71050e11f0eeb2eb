package org.giaoban.competition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.giaoban.contracts.membership.ClusterFormed;
import org.giaoban.contracts.membership.MemberAdmitted;
import org.giaoban.contracts.membership.UrbanAreaRegistered;
import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.BeforeEach;

/** Drives rounds over HTTP as a coordinator and delegates would, on clusters of its own making. */
public abstract class RoundTestSupport extends CompetitionServiceTestBase {

    protected Http http;

    @BeforeEach
    void openHttp() {
        http = new Http(port);
    }

    /** A cluster of {@code size} members admitted on 2020-01-01, known to the roster replica. */
    protected record TestCluster(String id, List<String> members) {
    }

    protected TestCluster givenACluster(int size) {
        String clusterId = MembershipFeed.uniqueId("cum");
        List<String> members = new ArrayList<>();
        membership.publish(new ClusterFormed(clusterId, "Cụm thử nghiệm " + clusterId, null, null, List.of()));
        for (int i = 1; i <= size; i++) {
            String member = clusterId + "-do-thi-" + i;
            members.add(member);
            membership.publish(new UrbanAreaRegistered(member, "Thành phố Thử " + (char) ('A' + i - 1), "CITY", "Lào Cai", null));
            membership.publish(new MemberAdmitted(member, clusterId, LocalDate.of(2020, 1, 1)));
        }
        awaitRosterCurrent();
        return new TestCluster(clusterId, List.copyOf(members));
    }

    /** Plans and opens the cluster's round of 2023, hosted by its first member and led by its second. */
    protected String givenAnOpenRound(TestCluster cluster, String rulesJson) {
        String roundId = cluster.id() + "-2023";
        Http.Response planned = http.post("/api/competition/rounds", """
                {"clusterId":"%s","year":2023,"movement":"Đô thị Xanh - Sạch - Đẹp","theme":"Đô thị xanh",
                 "hostId":"%s","leaderId":"%s","conferenceDate":"2023-09-24","rules":%s}"""
                .formatted(cluster.id(), cluster.members().get(0), cluster.members().get(1), rulesJson == null ? "null" : rulesJson));
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        Http.Response opened = http.post("/api/competition/rounds/" + roundId + "/opening", "{}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        return roundId;
    }

    protected Http.Response table(String roundId, String motionJson) {
        return http.post("/api/competition/rounds/" + roundId + "/motions", motionJson);
    }

    protected String tabled(String roundId, String motionJson) {
        Http.Response response = table(roundId, motionJson);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("motionId").asText();
    }

    protected Http.Response vote(String roundId, String motionId, String urbanAreaId, String vote) {
        return http.put("/api/competition/rounds/" + roundId + "/motions/" + motionId + "/ballots/" + urbanAreaId,
                "{\"vote\":\"" + vote + "\"}");
    }

    protected Http.Response close(String roundId, String motionId) {
        return http.post("/api/competition/rounds/" + roundId + "/motions/" + motionId + "/closing", "");
    }

    /** Every member approves, then the motion is closed; returns the outcome. */
    protected String carry(String roundId, String motionId, List<String> voters) {
        voters.forEach(voter -> assertThat(vote(roundId, motionId, voter, "APPROVE").status()).isEqualTo(200));
        return close(roundId, motionId).json().path("state").asText();
    }

    protected long storedEvents(String roundId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param("round:" + roundId).query(Long.class).single();
    }
}
