package org.giaoban.competition.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.giaoban.competition.RoundTestSupport;
import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * A round with more events than the snapshot threshold is loaded from its latest snapshot and the events after it;
 * what it decides then is what its events alone would decide: ballots cast and changed before the snapshot count once,
 * a motion decided before it stays closed, scores are known.
 */
class SnapshottedRoundTest extends RoundTestSupport {

    private static final String RULES = "{\"criteria\":[{\"name\":\"Xanh\",\"maxPoints\":40}]}";

    @Autowired
    private EventStore eventStore;
    @Autowired
    private EventStorageEngine storage;
    @Autowired
    private Snapshotter snapshotter;
    @Value("${giaoban.snapshots.round-threshold}")
    private int threshold;

    @Test
    void aRoundPastTheThresholdIsSnapshottedAndStillKnowsWhatCameBefore() {
        TestCluster cluster = givenACluster(6);
        List<String> members = cluster.members();
        String round = givenAnOpenRound(cluster, RULES);

        // Before the snapshot: scores, a theme that did not carry (3 of 6, one delegate changed its mind), and the next
        // host voted on by all, two delegates changing their minds.
        for (int i = 0; i < 5; i++) {
            assertThat(score(round, members.get(i), 20 + i).status()).isEqualTo(201);
        }
        String theme = tabled(round, "{\"kind\":\"NEXT_THEME\",\"theme\":\"Đô thị thông minh\"}");
        votes(round, theme, members, "APPROVE", "APPROVE", "APPROVE", "REJECT", "ABSTAIN", "APPROVE");
        voted(round, theme, members.get(5), "REJECT", "RECORDED");
        assertThat(close(round, theme).json().path("state").asText()).isEqualTo("NOT_CARRIED");
        String host = tabled(round, "{\"kind\":\"NEXT_HOST\",\"urbanAreaId\":\"" + members.get(2) + "\"}");
        votes(round, host, members, "APPROVE", "APPROVE", "APPROVE", "APPROVE", "APPROVE", "APPROVE");
        voted(round, host, members.get(0), "REJECT", "RECORDED");
        voted(round, host, members.get(1), "ABSTAIN", "RECORDED");
        long before = lastSequence(round);

        // The last member's score, changed back and forth, until a snapshot covers all of the above.
        for (int i = 0; snapshotSequence(round) < before; i++) {
            assertThat(i).as("no snapshot of %s after %d events", round, storedEvents(round)).isLessThan(3 * threshold);
            assertThat(score(round, members.get(5), 10 + i % 2).status()).isEqualTo(201);
        }
        assertThat(storedEvents(round)).isGreaterThan(threshold);
        assertThat(jdbc.sql("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?").param(Round.streamId(round))
                .query(Long.class).single()).as("older snapshots are replaced").isEqualTo(1);
        DomainEventMessage<?> loadedFrom = eventStore.readEvents(Round.streamId(round)).peek();
        assertThat(loadedFrom.getPayloadType()).isEqualTo(Round.class);
        assertThat(loadedFrom.getSequenceNumber()).isEqualTo(snapshotSequence(round));

        // After it: what the snapshot holds decides.
        Http.Response sameScore = score(round, members.get(0), 20);
        assertThat(sameScore.status()).isEqualTo(200);
        assertThat(sameScore.json().path("outcome").asText()).isEqualTo("UNCHANGED");
        voted(round, host, members.get(0), "REJECT", "UNCHANGED");
        voted(round, host, members.get(1), "APPROVE", "RECORDED");
        Http.Response onDecided = vote(round, theme, members.get(3), "APPROVE");
        assertThat(onDecided.status()).isEqualTo(409);
        assertThat(onDecided.code()).isEqualTo("motion-closed");
        Http.Response sameCandidate = table(round, "{\"kind\":\"NEXT_HOST\",\"urbanAreaId\":\"" + members.get(2) + "\"}");
        assertThat(sameCandidate.status()).isEqualTo(409);
        assertThat(sameCandidate.code()).isEqualTo("duplicate-motion");
        Http.Response thisYearsHost = table(round, "{\"kind\":\"NEXT_HOST\",\"urbanAreaId\":\"" + members.get(0) + "\"}");
        assertThat(thisYearsHost.status()).isEqualTo(409);
        assertThat(thisYearsHost.code()).isEqualTo("host-repeats");
        assertThat(close(round, host).json().path("state").asText()).isEqualTo("CARRIED");

        // The tallies the round decided with are those of the ballots as the read model has them from the events.
        awaitProcessorsCaughtUp();
        Map<String, JsonNode> motions = new HashMap<>();
        http.get("/api/competition/rounds/" + round).json().path("motions").forEach(m -> motions.put(m.path("motionId").asText(), m));
        assertTally(motions.get(theme), "NOT_CARRIED", 3, 2, 1);
        assertTally(motions.get(host), "CARRIED", 5, 1, 0);
    }

    @Test
    void theSnapshotOfARoundIsTheRoundItsEventsGive() {
        TestCluster cluster = givenACluster(6);
        List<String> m = cluster.members();
        String round = givenAnOpenRound(cluster, RULES);
        String stream = Round.streamId(round);
        for (int i = 0; i < 6; i++) {
            assertThat(score(round, m.get(i), 30 + i).status()).isEqualTo(201);
        }
        assertThat(carry(round, tabled(round, nomination(m.get(3), "MINISTRY_MERIT")), m)).isEqualTo("CARRIED");
        String withdrawn = tabled(round, nomination(m.get(4), "ASSOCIATION_COMMENDATION"));
        assertThat(coordinatorOfRound(round).post("/api/competition/rounds/" + round + "/motions/" + withdrawn + "/withdrawal", "")
                .status()).isEqualTo(200);
        assertThat(carry(round, tabled(round, nomination(m.get(5), "ASSOCIATION_COMMENDATION")), m)).isEqualTo("CARRIED");
        assertThat(carry(round, tabled(round, candidate("NEXT_HOST", m.get(2))), m)).isEqualTo("CARRIED");
        assertThat(carry(round, tabled(round, candidate("NEXT_LEADER", m.get(4))), m.subList(0, 2))).isEqualTo("NOT_CARRIED");
        assertThat(carry(round, tabled(round, candidate("NEXT_LEADER", m.get(3))), m)).isEqualTo("CARRIED");
        String theme = tabled(round, "{\"kind\":\"NEXT_THEME\",\"theme\":\"Đô thị xanh, thông minh\"}");
        voted(round, theme, m.get(0), "REJECT", "RECORDED");
        assertThat(carry(round, theme, m)).isEqualTo("CARRIED");
        assertThat(coordinatorOfRound(round).post("/api/competition/rounds/" + round + "/conclusion", "").status()).isEqualTo(200);
        assertThat(operator().post(nominationOf(round, m.get(3), "forwarding"), "{\"reference\":\"Tờ trình số 15/TTr-CĐT\"}")
                .status()).isEqualTo(200);
        assertThat(operator().post(nominationOf(round, m.get(3), "decision"),
                "{\"award\":\"MINISTRY_MERIT\",\"decision\":\"AWARDED\",\"reference\":\"Quyết định số 1234/QĐ-BXD\"}").status()).isEqualTo(200);
        assertThat(operator().post(nominationOf(round, m.get(5), "forwarding"), "{\"reference\":\"Công văn số 7/CĐT\"}")
                .status()).isEqualTo(200);

        // A snapshot of the whole round, by the service's snapshotter, as the trigger takes them.
        snapshotter.scheduleSnapshot(Round.class, stream);
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshotSequence(round) == lastSequence(round));

        Round fromEvents = Sourcing.round(storage.readEvents(stream, 0));
        assertThat(fromEvents).hasNoNullFieldsOrProperties();
        Round fromSnapshot = Sourcing.round(eventStore.readEvents(stream));
        assertThat(fromSnapshot).usingRecursiveComparison().isEqualTo(fromEvents);

        // A snapshot of another revision of Round is ignored: the round is rebuilt from its events and decides as before.
        jdbc.sql("UPDATE snapshot_event_entry SET payload_revision = '0' WHERE aggregate_identifier = ?").param(stream).update();
        assertThat(eventStore.readEvents(stream).peek().getPayloadType()).isEqualTo(RoundEvents.RoundPlanned.class);
        Http.Response again = operator().post(nominationOf(round, m.get(5), "forwarding"), "{\"reference\":\"Công văn số 7/CĐT\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("outcome").asText()).isEqualTo("UNCHANGED");
    }

    private Http.Response score(String round, String urbanAreaId, int points) {
        return coordinatorOfRound(round).post("/api/competition/rounds/" + round + "/scores",
                "{\"urbanAreaId\":\"" + urbanAreaId + "\",\"criterion\":\"Xanh\",\"points\":" + points + "}");
    }

    /** Each member, in order, casts its vote. */
    private void votes(String round, String motion, List<String> members, String... votes) {
        for (int i = 0; i < votes.length; i++) {
            voted(round, motion, members.get(i), votes[i], "RECORDED");
        }
    }

    private void voted(String round, String motion, String member, String vote, String outcome) {
        Http.Response response = vote(round, motion, member, vote);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("outcome").asText()).as("%s %s on %s", member, vote, motion).isEqualTo(outcome);
    }

    private static String nomination(String urbanAreaId, String award) {
        return "{\"kind\":\"NOMINATION\",\"urbanAreaId\":\"" + urbanAreaId + "\",\"award\":\"" + award + "\"}";
    }

    private static String candidate(String kind, String urbanAreaId) {
        return "{\"kind\":\"" + kind + "\",\"urbanAreaId\":\"" + urbanAreaId + "\"}";
    }

    private static String nominationOf(String round, String urbanAreaId, String step) {
        return "/api/competition/nominations/" + round + "/" + urbanAreaId + "/" + step;
    }

    /** The decided tally of a motion, and the same numbers counted from its ballots in the read model. */
    private static void assertTally(JsonNode motion, String outcome, int approvals, int rejections, int abstentions) {
        assertThat(motion.path("outcome").asText()).isEqualTo(outcome);
        assertThat(List.of(motion.path("tally").path("approvals").asInt(), motion.path("tally").path("rejections").asInt(),
                motion.path("tally").path("abstentions").asInt())).as("decided tally").containsExactly(approvals, rejections, abstentions);
        Map<String, Integer> counted = new HashMap<>();
        motion.path("votes").forEach(ballot -> counted.merge(ballot.path("vote").asText(), 1, Integer::sum));
        assertThat(motion.path("ballots").asInt()).isEqualTo(6);
        assertThat(List.of(counted.getOrDefault("APPROVE", 0), counted.getOrDefault("REJECT", 0), counted.getOrDefault("ABSTAIN", 0)))
                .as("ballots in the read model").containsExactly(approvals, rejections, abstentions);
    }

    /** The sequence of the round's latest event. */
    private long lastSequence(String round) {
        return jdbc.sql("SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(Round.streamId(round)).query(Long.class).single();
    }

    /** The sequence of the round's latest snapshot, -1 without one. */
    private long snapshotSequence(String round) {
        return jdbc.sql("SELECT coalesce(max(sequence_number), -1) FROM snapshot_event_entry WHERE aggregate_identifier = ?")
                .param(Round.streamId(round)).query(Long.class).single();
    }
}
