package org.giaoban.competition.readmodels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.giaoban.competition.Ref;
import org.giaoban.competition.round.RoundCommands.ForwardNomination;
import org.giaoban.competition.round.RoundCommands.RecordAwardDecision;
import org.giaoban.competition.round.Rules;
import org.giaoban.competition.round.Rules.Criterion;
import org.giaoban.competition.round.Vocabulary.Award;
import org.giaoban.competition.round.Vocabulary.Decision;
import org.giaoban.competition.round.Vocabulary.MotionKind;
import org.giaoban.competition.round.Vocabulary.MotionState;
import org.giaoban.competition.round.Vocabulary.RecordedBy;
import org.giaoban.competition.round.Vocabulary.VoteMethod;
import org.junit.jupiter.api.Test;
import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.security.TestTokens;

/**
 * Each read model of rounds, reset and replayed from the event store through the admin endpoint, gives exactly the
 * rows that live processing gave.
 */
class ProjectionRebuildTest extends ReadModelsTestBase {

    private static final List<String> PROJECTIONS = List.of("rounds", "ranking", "nominations", "hosts", "themes");
    private static final List<String> TABLES = List.of("round_view", "round_motion", "round_ballot", "ranking_round",
            "ranking_participant", "ranking_score", "nomination", "host_year", "host_candidate", "theme_year",
            "theme_lost_proposal");

    @Test
    void rebuildingEveryProjectionGivesIdenticalRows() {
        everyKindOfFact();
        awaitProjectionsCaughtUp();
        Map<String, List<String>> live = snapshot();
        live.forEach((table, rows) -> assertThat(rows).as(table + " has rows to rebuild").isNotEmpty());

        for (String projection : PROJECTIONS) {
            Http.Response started = operator().post("/api/competition/admin/projections/" + projection + "/rebuild", "");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
        }
        awaitRebuilt();

        assertThat(snapshot()).isEqualTo(live);
    }

    @Test
    void theAdminEndpointListsEveryReadModel() {
        JsonNode projections = operator().get("/api/competition/admin/projections").json();

        assertThat(projections.findValuesAsText("name")).containsAll(PROJECTIONS);
    }

    /** A concluded round with its proposals decided, and a SECRET round still open with scores and ballots in. */
    private void everyKindOfFact() {
        Ref northwest = new Ref(uniqueClusterId("tay-bac"), NORTHWEST_NAME);
        String concluded = northwestConference2023(northwest);
        commands.sendAndWait(new ForwardNomination(concluded, "tuyen-quang", "Tờ trình số 15/TTr-CĐTTB"));
        commands.sendAndWait(new RecordAwardDecision(concluded, "tuyen-quang", Award.MINISTRY_MERIT, Decision.AWARDED,
                "Quyết định số 1234/QĐ-BXD"));
        commands.sendAndWait(new ForwardNomination(concluded, "sa-pa", "Tờ trình số 16/TTr-CĐTTB"));

        Ref other = new Ref(uniqueClusterId("tay-bac-kin"), NORTHWEST_NAME);
        List<Ref> six = List.of(LAO_CAI, SON_LA, YEN_BAI, NGHIA_LO, LAI_CHAU, DIEN_BIEN_PHU);
        Rules secret = new Rules(null, VoteMethod.SECRET, new BigDecimal("0.7"), null, false,
                List.of(new Criterion("Cảnh quan đô thị", new BigDecimal("50"))));
        String open = plan(other, 2024, THEME_2024, LAO_CAI, SON_LA, LocalDate.of(2024, 10, 5), null, null, secret);
        open(open, LocalDate.of(2024, 10, 5), six);
        score(open, SON_LA, "Cảnh quan đô thị", "40");
        score(open, SON_LA, "Cảnh quan đô thị", "42.5");
        score(open, YEN_BAI, "Cảnh quan đô thị", "42.5");
        String losing = table(open, MotionKind.NEXT_HOST, YEN_BAI, null, null);
        vote(open, losing, six, 2, 3, 1, RecordedBy.DELEGATE);
        assertThat(close(open, losing)).isEqualTo(MotionState.NOT_CARRIED);
        String lostTheme = table(open, MotionKind.NEXT_THEME, null, null, "Chuyển đổi số trong quản lý đô thị");
        vote(open, lostTheme, six, 1, 5, 0, RecordedBy.DELEGATE);
        assertThat(close(open, lostTheme)).isEqualTo(MotionState.NOT_CARRIED);
        String pending = table(open, MotionKind.NOMINATION, NGHIA_LO, Award.ASSOCIATION_COMMENDATION, null);
        vote(open, pending, six, 3, 1, 0, RecordedBy.DELEGATE);
    }

    /** The admin endpoints are an operator's. */
    private Http operator() {
        return http.as(TestTokens.operator());
    }

    /** Done, as the admin endpoint reports it: every projection running, none rebuilding, no lag. */
    private void awaitRebuilt() {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode projections = operator().get("/api/competition/admin/projections").json();
            for (JsonNode projection : projections) {
                if (projection.path("rebuilding").asBoolean() || projection.path("lag").asLong() > 0
                        || !projection.path("running").asBoolean()) {
                    return false;
                }
            }
            return true;
        });
    }

    /** Every row of every table, in a stable order (rows as text, sorted). */
    private Map<String, List<String>> snapshot() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : TABLES) {
            tables.put(table, jdbc.sql("SELECT * FROM " + table).query().listOfRows().stream()
                    .map(Object::toString).sorted().toList());
        }
        return tables;
    }
}
