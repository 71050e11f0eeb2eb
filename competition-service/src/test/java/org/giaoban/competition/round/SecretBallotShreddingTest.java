package org.giaoban.competition.round;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.giaoban.competition.RoundTestSupport;
import org.giaoban.competition.round.Vocabulary.MotionState;
import org.giaoban.competition.round.Vocabulary.Vote;
import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Crypto-shredding of SECRET ballots, read straight from the event store's rows: while a SECRET motion is open its
 * ballots are in the store sealed under a key of the motion kept in {@code ballot_key}; once it is closed the tally is
 * recorded and the key is gone, so nothing in the store (events, snapshots) pairs a voter with a vote, and the round
 * and its read models rebuild from the recorded tally alone.
 */
class SecretBallotShreddingTest extends RoundTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> VOTES = List.of("APPROVE", "REJECT", "ABSTAIN");

    @Autowired
    private EventStorageEngine storage;
    @Autowired
    private Snapshotter snapshotter;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void captureLogs() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    @Test
    void aClosedSecretMotionLeavesNoWayToPairAVoterWithItsVoteAndRebuildsFromItsTally() throws Exception {
        TestCluster cluster = givenACluster(6);
        List<String> six = cluster.members();
        String round = givenAnOpenRound(cluster, "{\"voteMethod\":\"SECRET\"}");
        String stream = Round.streamId(round);
        String motion = tabled(round, "{\"kind\":\"NEXT_HOST\",\"urbanAreaId\":\"" + six.get(2) + "\"}");
        // Five approve, then the fifth delegate changes its mind; the sixth abstains.
        for (int i = 0; i < 5; i++) {
            cast(round, motion, six.get(i), "APPROVE");
        }
        cast(round, motion, six.get(4), "REJECT");
        cast(round, motion, six.get(5), "ABSTAIN");

        // While it is open: each ballot is in the store under its voter, sealed under the motion's key, kept apart.
        byte[] key = jdbc.sql("SELECT secret_key FROM ballot_key WHERE round_id = ? AND motion_id = ?").params(round, motion)
                .query(byte[].class).single();
        assertThat(key).hasSize(32);
        List<JsonNode> ballots = payloads(stream, "%SecretBallotCast");
        assertThat(ballots).extracting(b -> b.path("urbanAreaId").asText())
                .containsExactly(six.get(0), six.get(1), six.get(2), six.get(3), six.get(4), six.get(4), six.get(5));
        assertThat(ballots).extracting(b -> b.path("ballotsIn").asInt()).containsExactly(1, 2, 3, 4, 5, 5, 6);
        assertThat(ballots).allSatisfy(b -> assertThat(b.has("vote") || b.has("recordedBy")).isFalse());
        Map<String, String> lastSeals = new LinkedHashMap<>();
        ballots.forEach(b -> lastSeals.put(b.path("urbanAreaId").asText(), b.path("sealedVote").asText()));
        assertThat(new BallotBox(keyOnly(key)).open(round, motion, lastSeals)).isEqualTo(Map.of(six.get(0), Vote.APPROVE,
                six.get(1), Vote.APPROVE, six.get(2), Vote.APPROVE, six.get(3), Vote.APPROVE, six.get(4), Vote.REJECT,
                six.get(5), Vote.ABSTAIN));
        assertNoVoteIn(eventRows(stream));
        // The round's snapshot of the open motion holds seals, not votes.
        snapshot(round);
        assertNoVoteIn(snapshotRows(stream));
        // The public sees only how many ballots are in.
        awaitProcessorsCaughtUp();
        JsonNode open = http.get("/api/competition/rounds/" + round).json().path("motions").get(0);
        assertThat(open.path("ballots").asInt()).isEqualTo(6);
        assertThat(open.path("tally").isNull()).isTrue();
        assertThat(open.path("votes").isNull()).isTrue();

        // Closing records the tally (4 of 6 > 3) and destroys the key in the same transaction.
        Http.Response closed = close(round, motion);
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().path("state").asText()).isEqualTo("CARRIED");
        assertThat(jdbc.sql("SELECT count(*) FROM ballot_key WHERE round_id = ?").param(round).query(Integer.class).single()).isZero();
        JsonNode decided = payloads(stream, "%MotionDecided").get(0);
        assertThat(List.of(decided.path("approvals").asInt(), decided.path("rejections").asInt(),
                decided.path("abstentions").asInt(), decided.path("participants").asInt())).containsExactly(4, 1, 1, 6);

        // After: the raw rows name the voters, no vote, and no key left anywhere opens a seal.
        assertNoVoteIn(eventRows(stream));
        assertThatThrownBy(() -> new BallotBox(tableKeys()).open(round, motion, lastSeals))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("gone");
        for (byte[] anyKey : jdbc.sql("SELECT secret_key FROM ballot_key").query(byte[].class).list()) {
            for (JsonNode ballot : ballots) {
                assertThatThrownBy(() -> new BallotBox(keyOnly(anyKey)).open(round, motion,
                        Map.of(ballot.path("urbanAreaId").asText(), ballot.path("sealedVote").asText())))
                        .isInstanceOf(IllegalStateException.class);
            }
        }
        // A snapshot taken now holds no seal of the decided motion either.
        snapshot(round);
        List<String> snapshots = snapshotRows(stream);
        assertNoVoteIn(snapshots);
        assertThat(snapshots).allSatisfy(row -> ballots.forEach(b -> assertThat(row).doesNotContain(b.path("sealedVote").asText())));

        // Replays after shredding: every read model rebuilt through the admin endpoint gives the same tally.
        awaitProcessorsCaughtUp();
        String roundBefore = http.get("/api/competition/rounds/" + round).body();
        String hostsBefore = http.get("/api/competition/hosts?clusterId=" + cluster.id()).body();
        JsonNode tally = JSON.readTree(roundBefore).path("motions").get(0).path("tally");
        assertThat(List.of(tally.path("approvals").asInt(), tally.path("rejections").asInt(), tally.path("abstentions").asInt()))
                .containsExactly(4, 1, 1);
        rebuildEveryProjection();
        assertThat(JSON.readTree(http.get("/api/competition/rounds/" + round).body())).isEqualTo(JSON.readTree(roundBefore));
        assertThat(JSON.readTree(http.get("/api/competition/hosts?clusterId=" + cluster.id()).body()))
                .isEqualTo(JSON.readTree(hostsBefore));
        assertNoVoteIn(List.of(http.get("/api/competition/rounds/" + round).body()));

        // ... and so does the round itself, from its events alone (no snapshot, no key).
        jdbc.sql("DELETE FROM snapshot_event_entry WHERE aggregate_identifier = ?").param(stream).update();
        Round replayed = Sourcing.round(storage.readEvents(stream, 0));
        assertThat(replayed).extracting("nextHost").extracting("id").isEqualTo(six.get(2));
        assertThat(replayed).extracting("motions").extracting(motions -> ((Map<?, ?>) motions).get(motion))
                .extracting("state", "ballots", "sealed").containsExactly(MotionState.CARRIED, Map.of(), Map.of());
        Http.Response late = vote(round, motion, six.get(5), "APPROVE");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("motion-closed");
        Http.Response another = table(round, "{\"kind\":\"NEXT_HOST\",\"urbanAreaId\":\"" + six.get(3) + "\"}");
        assertThat(another.status()).isEqualTo(409);
        assertThat(another.code()).isEqualTo("next-host-already-chosen");

        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(line -> VOTES.stream().anyMatch(line::contains))
                .anyMatch(line -> line.contains("Ballot key of motion " + motion + " of " + round + " destroyed"));
    }

    @Test
    void withdrawingASecretMotionDestroysItsKeyAndItsBallotsAreNeverCounted() {
        TestCluster cluster = givenACluster(3);
        String round = givenAnOpenRound(cluster, "{\"voteMethod\":\"SECRET\"}");
        String motion = tabled(round, "{\"kind\":\"NEXT_THEME\",\"theme\":\"Đô thị thông minh\"}");
        cast(round, motion, cluster.members().get(0), "APPROVE");
        assertThat(keysOf(round)).isEqualTo(1);

        Http.Response withdrawn = coordinatorOfRound(round).post("/api/competition/rounds/" + round + "/motions/" + motion
                + "/withdrawal", "");

        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(keysOf(round)).isZero();
        assertNoVoteIn(eventRows(Round.streamId(round)));
    }

    @Test
    void aRefusedBallotMakesNoKey() {
        TestCluster cluster = givenACluster(3);
        String round = givenAnOpenRound(cluster, "{\"voteMethod\":\"SECRET\"}");
        String motion = tabled(round, "{\"kind\":\"NEXT_THEME\",\"theme\":\"Đô thị thông minh\"}");

        Http.Response showOfHands = coordinatorOfRound(round).put("/api/competition/rounds/" + round + "/motions/" + motion
                + "/ballots/" + cluster.members().get(0), "{\"vote\":\"APPROVE\"}");

        assertThat(showOfHands.status()).isEqualTo(409);
        assertThat(showOfHands.code()).isEqualTo("secret-ballot");
        assertThat(keysOf(round)).isZero();
    }

    private void cast(String round, String motion, String voter, String vote) {
        Http.Response answer = vote(round, motion, voter, vote);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("outcome").asText()).isEqualTo("RECORDED");
    }

    private int keysOf(String round) {
        return jdbc.sql("SELECT count(*) FROM ballot_key WHERE round_id = ?").param(round).query(Integer.class).single();
    }

    /** The payloads of the stream's events of one type, in their order. */
    private List<JsonNode> payloads(String stream, String payloadType) {
        return jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                        WHERE aggregate_identifier = ? AND payload_type LIKE ? ORDER BY sequence_number""")
                .params(stream, payloadType).query(String.class).list().stream().map(SecretBallotShreddingTest::json).toList();
    }

    /** Every stored event of the stream, payload and metadata, as the database holds them. */
    private List<String> eventRows(String stream) {
        return jdbc.sql("SELECT payload_type, payload, meta_data FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(stream).query((row, i) -> row.getString("payload_type") + " " + new String(row.getBytes("payload"), UTF_8)
                        + " " + new String(row.getBytes("meta_data"), UTF_8)).list();
    }

    private List<String> snapshotRows(String stream) {
        List<String> rows = jdbc.sql("SELECT payload, meta_data FROM snapshot_event_entry WHERE aggregate_identifier = ?")
                .param(stream).query((row, i) -> new String(row.getBytes("payload"), UTF_8) + " "
                        + new String(row.getBytes("meta_data"), UTF_8)).list();
        assertThat(rows).as("a snapshot of " + stream).isNotEmpty();
        return rows;
    }

    private static void assertNoVoteIn(List<String> rows) {
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row).doesNotContain("APPROVE", "REJECT", "ABSTAIN", "\"vote\""));
    }

    /** A snapshot of the round as it is now, as the snapshot trigger would take it. */
    private void snapshot(String round) {
        String stream = Round.streamId(round);
        snapshotter.scheduleSnapshot(Round.class, stream);
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshotSequence(stream) == lastSequence(stream));
    }

    private long lastSequence(String stream) {
        return jdbc.sql("SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(stream).query(Long.class).single();
    }

    private long snapshotSequence(String stream) {
        return jdbc.sql("SELECT coalesce(max(sequence_number), -1) FROM snapshot_event_entry WHERE aggregate_identifier = ?")
                .param(stream).query(Long.class).single();
    }

    private void rebuildEveryProjection() {
        Http operator = operator();
        for (String projection : List.of("rounds", "ranking", "nominations", "hosts", "themes")) {
            Http.Response started = operator.post("/api/competition/admin/projections/" + projection + "/rebuild", "");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (JsonNode projection : operator.get("/api/competition/admin/projections").json()) {
                if (projection.path("rebuilding").asBoolean() || projection.path("lag").asLong() > 0
                        || !projection.path("running").asBoolean()) {
                    return false;
                }
            }
            return true;
        });
    }

    /** The motions' keys as the service keeps them (read only). */
    private MotionKeys tableKeys() {
        return new MotionKeys() {
            @Override
            public byte[] keyOf(String roundId, String motionId) {
                throw new UnsupportedOperationException("read only");
            }

            @Override
            public Optional<byte[]> existingKey(String roundId, String motionId) {
                return jdbc.sql("SELECT secret_key FROM ballot_key WHERE round_id = ? AND motion_id = ?").params(roundId, motionId)
                        .query(byte[].class).optional();
            }

            @Override
            public void destroy(String roundId, String motionId) {
                throw new UnsupportedOperationException("read only");
            }
        };
    }

    /** One key, whatever the motion. */
    private static MotionKeys keyOnly(byte[] key) {
        return new MotionKeys() {
            @Override
            public byte[] keyOf(String roundId, String motionId) {
                return key.clone();
            }

            @Override
            public Optional<byte[]> existingKey(String roundId, String motionId) {
                return Optional.of(key.clone());
            }

            @Override
            public void destroy(String roundId, String motionId) {
                throw new UnsupportedOperationException("a test's key");
            }
        };
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
