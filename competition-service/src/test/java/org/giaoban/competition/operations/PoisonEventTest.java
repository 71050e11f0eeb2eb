package org.giaoban.competition.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.giaoban.competition.RoundTestSupport;
import org.giaoban.competition.round.RoundEvents;
import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.PoisonEvents;
import org.giaoban.testsupport.ProjectionAdmin;
import org.giaoban.testsupport.security.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Issue 12: one event a read model cannot apply once stalled every round of its segment, for ever, and a rebuild hit
 * it again. Events are planted straight into the store, as no command can record them any more: a payload that does
 * not fit its type, for each type a projection of rounds reads, and a well-formed plan whose criterion is worth
 * 1e200000 points (PostgreSQL holds no such number). Each projection parks what it cannot apply and goes on: another
 * round keeps updating in every read model, the parked events show in the admin view, the metrics and the log, a
 * rebuild finishes, and an operator can retry or drop them.
 */
@ExtendWith(OutputCaptureExtension.class)
class PoisonEventTest extends RoundTestSupport {

    private static final List<String> PROJECTIONS = List.of("rounds", "ranking", "nominations", "hosts", "themes");
    private static final String UNREADABLE = "round:poison-unreadable-2023";
    private static final String UNSTORABLE = "round:poison-unstorable-2023";
    private static final String BLOCKED = "round:poison-blocked-2023";

    @Autowired
    private DataSource dataSource;
    @Autowired
    private MeterRegistry metrics;

    /**
     * The poison stays in the store (a later rebuild parks it again, and gives the same rows as live processing did);
     * what is parked is dropped, so that other tests of the shared context find no parked events.
     */
    @AfterEach
    void dropWhatIsParked() {
        admin().dropEverywhere(List.of(UNREADABLE, UNSTORABLE, BLOCKED));
    }

    @Test
    void anEventAProjectionCannotApplyIsParkedAndEverythingElseGoesOn(CapturedOutput log) {
        // Every type a projection of rounds reads, unreadable: each projection fails at the first one it handles.
        long sequence = 0;
        for (Class<?> type : List.of(RoundEvents.RoundPlanned.class, RoundEvents.RoundOpened.class, RoundEvents.ScoreRecorded.class,
                RoundEvents.MotionTabled.class, RoundEvents.MotionDecided.class, RoundEvents.NominationProposed.class,
                RoundEvents.NextHostSelected.class, RoundEvents.NextThemeAdopted.class, RoundEvents.RoundConcluded.class)) {
            PoisonEvents.plant(dataSource, UNREADABLE, sequence++, type.getName(), "{\"roundId\":{\"not\":\"a round id\"},\"year\":\"MMXXIII\"}");
        }
        PoisonEvents.plant(dataSource, UNSTORABLE, 0, RoundEvents.RoundPlanned.class.getName(), """
                {"roundId":"poison-unstorable-2023","cluster":{"id":"poison-unstorable","name":"Cụm"},"year":2023,
                 "movement":"Xanh","theme":"Xanh","host":{"id":"a","name":"A"},"leader":{"id":"b","name":"B"},
                 "conferenceDate":"2023-09-24","rules":{"voteMethod":"OPEN","approvalThreshold":0.5,"quotas":{},
                 "hostMayRepeat":false,"criteria":[{"name":"c","maxPoints":1e200000}]}}""");

        // Meanwhile a healthy round runs, and reaches every read model of rounds.
        TestCluster cluster = givenACluster(5);
        String round = givenAnOpenRound(cluster, "{\"criteria\":[{\"name\":\"Xanh\",\"maxPoints\":40}]}");
        assertThat(coordinatorOfRound(round).post("/api/competition/rounds/" + round + "/scores",
                "{\"urbanAreaId\":\"" + cluster.members().get(2) + "\",\"criterion\":\"Xanh\",\"points\":35.5}").status()).isEqualTo(201);
        String nomination = tabled(round, "{\"kind\":\"NOMINATION\",\"urbanAreaId\":\"" + cluster.members().get(2)
                + "\",\"award\":\"ASSOCIATION_COMMENDATION\"}");
        assertThat(carry(round, nomination, cluster.members())).isEqualTo("CARRIED");
        String host = tabled(round, "{\"kind\":\"NEXT_HOST\",\"urbanAreaId\":\"" + cluster.members().get(3) + "\"}");
        assertThat(carry(round, host, cluster.members())).isEqualTo("CARRIED");
        String theme = tabled(round, "{\"kind\":\"NEXT_THEME\",\"theme\":\"Đô thị thông minh\"}");
        assertThat(carry(round, theme, cluster.members())).isEqualTo("CARRIED");
        assertThat(coordinatorOfRound(round).post("/api/competition/rounds/" + round + "/conclusion", "").status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> healthyRoundIsInEveryReadModel(cluster, round));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String projection : PROJECTIONS) {
                assertThat(parkedSequences(projection)).as(projection).contains(UNREADABLE);
            }
            assertThat(parkedSequences("rounds")).contains(UNSTORABLE);
            assertThat(parkedSequences("ranking")).contains(UNSTORABLE);
            // The relay cannot read them either, and publishes everything else.
            assertThat(parkedSequences("integration-publisher")).contains(UNREADABLE);
        });
        JsonNode rounds = admin().status("rounds");
        assertThat(rounds.path("state").asText()).isEqualTo("running");
        JsonNode parked = parkedSequence(rounds, UNSTORABLE);
        assertThat(parked.path("eventType").asText()).isEqualTo(RoundEvents.RoundPlanned.class.getName());
        assertThat(parked.path("cause").asText()).isNotBlank();
        // The first event that failed holds back the later ones of its round that the projection reads.
        assertThat(parkedSequence(rounds, UNREADABLE).path("events").asLong()).isGreaterThan(1);
        assertThat(metrics.get("giaoban.processor.parked").tag("processor", "rounds").gauge().value()).isGreaterThanOrEqualTo(2);
        assertThat(log.getAll()).contains("Parked event").contains(UNSTORABLE);

        // A rebuild replays the poison too, parks it again, and finishes.
        String before = http.get("/api/competition/rounds/" + round).body();
        admin().rebuild(PROJECTIONS);
        for (String projection : PROJECTIONS) {
            assertThat(parkedSequences(projection)).as(projection).contains(UNREADABLE);
        }
        assertThat(http.get("/api/competition/rounds/" + round).body()).isEqualTo(before);
        healthyRoundIsInEveryReadModel(cluster, round);

        // The operator retries (the cause is still there: it stays parked), then drops it.
        Http.Response retried = admin().retry("rounds", UNSTORABLE);
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.json().path("handled").asBoolean()).isFalse();
        assertThat(parkedSequences("rounds")).contains(UNSTORABLE);
        assertThat(admin().drop("rounds", UNSTORABLE).status()).isEqualTo(204);
        assertThat(parkedSequences("rounds")).doesNotContain(UNSTORABLE).contains(UNREADABLE);
        assertThat(admin().drop("rounds", UNSTORABLE).code())
                .isEqualTo("unknown-parked-sequence");
    }

    /**
     * A parked event that can be handled once its cause is gone leaves the queue on retry: here a stray row in the
     * ranking (a read model repaired by hand, say) refuses the round's plan until the operator removes it.
     */
    @Test
    void aRetryAfterTheCauseIsGoneHandlesTheParkedEvents() {
        jdbc.sql("INSERT INTO ranking_round (round_id, cluster_id, year, state, criteria) VALUES (?, 'stray', 2023, 'PLANNED', '[]')")
                .param("poison-blocked-2023").update();
        PoisonEvents.plant(dataSource, BLOCKED, 0, RoundEvents.RoundPlanned.class.getName(), """
                {"roundId":"poison-blocked-2023","cluster":{"id":"poison-blocked","name":"Cụm"},"year":2023,
                 "movement":"Xanh","theme":"Xanh","host":{"id":"a","name":"A"},"leader":{"id":"b","name":"B"},
                 "rules":{"voteMethod":"OPEN","approvalThreshold":0.5,"quotas":{},"hostMayRepeat":false,
                          "criteria":[{"name":"c","maxPoints":40}]}}""");
        await().atMost(Duration.ofSeconds(60)).until(() -> parkedSequences("ranking").contains(BLOCKED));
        Http.Response stillBlocked = admin().retry("ranking", BLOCKED);
        assertThat(stillBlocked.json().path("handled").asBoolean()).as(stillBlocked.body()).isFalse();

        jdbc.sql("DELETE FROM ranking_round WHERE round_id = 'poison-blocked-2023'").update();
        Http.Response retried = admin().retry("ranking", BLOCKED);

        assertThat(retried.json().path("handled").asBoolean()).as(retried.body()).isTrue();
        assertThat(parkedSequences("ranking")).doesNotContain(BLOCKED);
        assertThat(jdbc.sql("SELECT cluster_id FROM ranking_round WHERE round_id = 'poison-blocked-2023'").query(String.class).single())
                .isEqualTo("poison-blocked");
    }

    private void healthyRoundIsInEveryReadModel(TestCluster cluster, String round) {
        JsonNode view = http.get("/api/competition/rounds/" + round).json();
        assertThat(view.path("state").asText()).isEqualTo("CONCLUDED");
        JsonNode ranking = http.get("/api/competition/rounds/" + round + "/ranking").json();
        assertThat(ranking.path("participants").get(0).path("urbanArea").path("id").asText()).isEqualTo(cluster.members().get(2));
        assertThat(http.get("/api/competition/nominations?clusterId=" + cluster.id()).json().findValuesAsText("status"))
                .containsExactly("PROPOSED");
        assertThat(http.get("/api/competition/hosts?clusterId=" + cluster.id()).body()).contains(cluster.members().get(3));
        assertThat(http.get("/api/competition/themes?clusterId=" + cluster.id()).body()).contains("Đô thị thông minh");
    }

    private List<String> parkedSequences(String projection) {
        return admin().parkedSequences(projection);
    }

    private static JsonNode parkedSequence(JsonNode status, String sequence) {
        for (JsonNode parked : status.path("parkedSequences")) {
            if (parked.path("sequence").asText().equals(sequence)) {
                return parked;
            }
        }
        throw new AssertionError(sequence + " is not parked: " + status);
    }

    private ProjectionAdmin admin() {
        return new ProjectionAdmin(http.as(TestTokens.operator()), "/api/competition");
    }
}
