package org.giaoban.competition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.giaoban.contracts.membership.ClusterFormed;
import org.giaoban.contracts.membership.MemberAdmitted;
import org.giaoban.contracts.membership.UrbanAreaRegistered;
import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.security.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Drives rounds over HTTP as a coordinator and delegates would, on clusters of its own making: the coordinator of the
 * round's cluster plans, opens, tables and closes; each member's delegate casts its own ballot.
 */
public abstract class RoundTestSupport extends CompetitionServiceTestBase {

    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private EventStore eventStore;

    /** Without a token. */
    protected Http http;

    @BeforeEach
    void openHttp() {
        http = new Http(port);
    }

    /** As the coordinator of {@code clusterId} (subject {@code coordinator-<clusterId>}). */
    protected Http coordinatorOf(String clusterId) {
        return http.as(TestTokens.coordinator(clusterId));
    }

    /** As the coordinator of the round's cluster. */
    protected Http coordinatorOfRound(String roundId) {
        return coordinatorOf(Ids.clusterOf(roundId));
    }

    /** As the delegate of {@code urbanAreaId} (subject {@code delegate-<urbanAreaId>}). */
    protected Http delegateOf(String urbanAreaId) {
        return http.as(TestTokens.delegate(urbanAreaId));
    }

    protected Http operator() {
        return http.as(TestTokens.operator());
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
        Http.Response planned = coordinatorOf(cluster.id()).post("/api/competition/rounds", """
                {"clusterId":"%s","year":2023,"movement":"Đô thị Xanh - Sạch - Đẹp","theme":"Đô thị xanh",
                 "hostId":"%s","leaderId":"%s","conferenceDate":"2023-09-24","rules":%s}"""
                .formatted(cluster.id(), cluster.members().get(0), cluster.members().get(1), rulesJson == null ? "null" : rulesJson));
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        Http.Response opened = coordinatorOf(cluster.id()).post("/api/competition/rounds/" + roundId + "/opening", "{}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        return roundId;
    }

    protected Http.Response table(String roundId, String motionJson) {
        return coordinatorOfRound(roundId).post("/api/competition/rounds/" + roundId + "/motions", motionJson);
    }

    protected String tabled(String roundId, String motionJson) {
        Http.Response response = table(roundId, motionJson);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("motionId").asText();
    }

    /** The delegate of {@code urbanAreaId} casts its ballot. */
    protected Http.Response vote(String roundId, String motionId, String urbanAreaId, String vote) {
        return delegateOf(urbanAreaId).put("/api/competition/rounds/" + roundId + "/motions/" + motionId + "/ballots/" + urbanAreaId,
                "{\"vote\":\"" + vote + "\"}");
    }

    protected Http.Response close(String roundId, String motionId) {
        return coordinatorOfRound(roundId).post("/api/competition/rounds/" + roundId + "/motions/" + motionId + "/closing", "");
    }

    /** Every member approves, then the motion is closed; returns the outcome. */
    protected String carry(String roundId, String motionId, List<String> voters) {
        voters.forEach(voter -> assertThat(vote(roundId, motionId, voter, "APPROVE").status()).isEqualTo(200));
        return close(roundId, motionId).json().path("state").asText();
    }

    /** Every event stored so far, of every aggregate. */
    protected long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }

    /**
     * Every event processor (read models, the next-round planner, the publisher) has handled everything stored so far,
     * so that what it does in reply is stored too.
     */
    protected void awaitProcessorsCaughtUp() {
        long head = eventStore.createHeadToken().position().orElse(-1);
        await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                .until(() -> processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::isRunning)
                .allMatch(processor -> processor.processingStatus().values().stream()
                        .allMatch(status -> status.getCurrentPosition().orElse(-1) >= head)));
    }

    protected long storedEvents(String roundId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param("round:" + roundId).query(Long.class).single();
    }
}
