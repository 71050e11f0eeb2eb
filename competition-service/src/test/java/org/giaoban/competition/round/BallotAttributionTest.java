package org.giaoban.competition.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.giaoban.testsupport.TopicReader.header;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.giaoban.competition.RoundTestSupport;
import org.giaoban.contracts.Topics;
import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

/**
 * Who a ballot is recorded as comes from the caller's token, not from what the request says: the delegate's as
 * DELEGATE, the coordinator's show of hands as COORDINATOR; and the client that acted (the token's subject) is the
 * actor of the stored event and the {@code ce_actor} of the published one.
 */
class BallotAttributionTest extends RoundTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDelegateVotesAsDelegateAndTheCoordinatorRecordsTheShowOfHandsAsCoordinatorWhateverTheBodyClaims() throws Exception {
        TestCluster cluster = givenACluster(3);
        String round = givenAnOpenRound(cluster, null);
        String motion = tabled(round, "{\"kind\":\"NEXT_THEME\",\"theme\":\"Đô thị thông minh\"}");
        String delegate = cluster.members().get(0);
        String shownHands = cluster.members().get(1);

        Http.Response byDelegate = delegateOf(delegate).put(ballot(round, motion, delegate), "{\"vote\":\"APPROVE\",\"recordedBy\":\"COORDINATOR\"}");
        Http.Response byCoordinator = coordinatorOfRound(round).put(ballot(round, motion, shownHands), "{\"vote\":\"REJECT\",\"recordedBy\":\"DELEGATE\"}");

        assertThat(byDelegate.status()).as(byDelegate.body()).isEqualTo(200);
        assertThat(byCoordinator.status()).as(byCoordinator.body()).isEqualTo(200);
        awaitProcessorsCaughtUp();
        Map<String, String> recordedBy = new HashMap<>();
        http.get("/api/competition/rounds/" + round).json().path("motions").get(0).path("votes")
                .forEach(vote -> recordedBy.put(vote.path("urbanAreaId").asText(), vote.path("recordedBy").asText()));
        assertThat(recordedBy).containsExactlyInAnyOrderEntriesOf(Map.of(delegate, "DELEGATE", shownHands, "COORDINATOR"));

        assertThat(actorOfBallot(round, delegate)).isEqualTo("delegate-" + delegate);
        assertThat(actorOfBallot(round, shownHands)).isEqualTo("coordinator-" + cluster.id());

        try (TopicReader topic = new TopicReader(Topics.COMPETITION)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> ballotsOf(topic.poll(), round, motion).size() == 2);
            Map<String, ConsumerRecord<String, byte[]>> published = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : ballotsOf(topic.poll(), round, motion)) {
                published.put(JSON.readTree(TopicReader.value(record)).path("urbanAreaId").asText(), record);
            }
            assertThat(header(published.get(delegate), "ce_actor")).isEqualTo("delegate-" + delegate);
            assertThat(JSON.readTree(TopicReader.value(published.get(delegate))).path("recordedBy").asText()).isEqualTo("DELEGATE");
            assertThat(header(published.get(shownHands), "ce_actor")).isEqualTo("coordinator-" + cluster.id());
            assertThat(JSON.readTree(TopicReader.value(published.get(shownHands))).path("recordedBy").asText()).isEqualTo("COORDINATOR");
        }
    }

    @Test
    void inASecretRoundTheDelegatesBallotIsStoredAsItsOwnSealedAndNeverPublished() throws Exception {
        TestCluster cluster = givenACluster(3);
        String round = givenAnOpenRound(cluster, "{\"voteMethod\":\"SECRET\"}");
        String motion = tabled(round, "{\"kind\":\"NEXT_THEME\",\"theme\":\"Đô thị thông minh\"}");
        String delegate = cluster.members().get(2);

        Http.Response cast = delegateOf(delegate).put(ballot(round, motion, delegate), "{\"vote\":\"APPROVE\",\"recordedBy\":\"COORDINATOR\"}");

        assertThat(cast.status()).as(cast.body()).isEqualTo(200);
        assertThat(actorOfBallot(round, delegate)).isEqualTo("delegate-" + delegate);
        JsonNode payload = JSON.readTree(stored(round, "payload"));
        assertThat(payload.path("urbanAreaId").asText()).isEqualTo(delegate);
        assertThat(payload.has("vote")).as("the vote is sealed, not stored").isFalse();
        assertThat(payload.path("sealedVote").asText()).isNotBlank().doesNotContain("APPROVE");
        assertThat(close(round, motion).status()).isEqualTo(200);
        try (TopicReader topic = new TopicReader(Topics.COMPETITION)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.poll().stream()
                    .anyMatch(r -> round.equals(r.key()) && header(r, "ce_type").endsWith("MotionDecided.v1")));
            assertThat(ballotsOf(topic.poll(), round, motion)).isEmpty();
        }
    }

    private static String ballot(String round, String motion, String urbanArea) {
        return "/api/competition/rounds/" + round + "/motions/" + motion + "/ballots/" + urbanArea;
    }

    /** The {@code actor} in the metadata of the stored BallotCast of {@code urbanArea}. */
    private String actorOfBallot(String round, String urbanArea) throws Exception {
        return jdbc.sql("""
                        SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry
                        WHERE aggregate_identifier = ? AND payload_type LIKE '%BallotCast' AND convert_from(payload, 'UTF8') LIKE ?""")
                .params("round:" + round, "%\"urbanAreaId\":\"" + urbanArea + "\"%").query(String.class).list().stream()
                .map(metadata -> {
                    try {
                        return JSON.readTree(metadata).path("actor").asText();
                    } catch (Exception e) {
                        throw new IllegalStateException("metadata is not JSON: " + metadata, e);
                    }
                })
                .reduce((first, second) -> {
                    throw new AssertionError("one ballot expected of " + urbanArea);
                })
                .orElseThrow(() -> new AssertionError("no ballot stored of " + urbanArea));
    }

    /** The payload (or another column) of the round's only stored ballot. */
    private String stored(String round, String column) {
        return jdbc.sql("SELECT convert_from(" + column + ", 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ?"
                        + " AND payload_type LIKE '%BallotCast'")
                .param("round:" + round).query(String.class).single();
    }

    /** The published ballots on one motion of one round (motion ids are only unique within their round). */
    private static List<ConsumerRecord<String, byte[]>> ballotsOf(List<ConsumerRecord<String, byte[]>> records, String round, String motion) {
        return records.stream().filter(r -> round.equals(r.key()) && header(r, "ce_type").endsWith("BallotCast.v1"))
                .filter(r -> TopicReader.value(r).contains("\"motionId\":\"" + motion + "\"")).toList();
    }
}
