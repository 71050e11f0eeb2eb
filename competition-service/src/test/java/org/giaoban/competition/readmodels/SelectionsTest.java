package org.giaoban.competition.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.giaoban.competition.Ids;
import org.giaoban.competition.Ref;
import org.giaoban.competition.round.Vocabulary.MotionKind;
import org.giaoban.competition.round.Vocabulary.MotionState;
import org.giaoban.competition.round.Vocabulary.RecordedBy;
import org.junit.jupiter.api.Test;

/**
 * Competing candidates (rule 6): the hosts read model lists every candidate of the next-host and next-leader
 * selections with its tally and why it carried or not; the themes read model lists the proposals that lost.
 */
class SelectionsTest extends ReadModelsTestBase {

    private static final List<Ref> FIVE = List.of(HOA_BINH, HA_GIANG, YEN_BAI, NGHIA_LO, LAO_CAI);
    private static final String GREEN = "Phát triển đô thị xanh, thích ứng với biến đổi khí hậu";
    private static final String DIGITAL = "Chuyển đổi số trong quản lý đô thị";

    @Test
    void losingCandidatesAndProposalsShowWithTheirTallies() {
        Ref cluster = new Ref(uniqueClusterId("tay-bac"), NORTHWEST_NAME);
        String roundId = plan(cluster, 2019, "Chỉnh trang đô thị", HOA_BINH, HA_GIANG, LocalDate.of(2019, 10, 12), null, null, null);
        open(roundId, LocalDate.of(2019, 10, 12), FIVE);

        String yenBai = table(roundId, MotionKind.NEXT_HOST, YEN_BAI, null, null);
        String nghiaLo = table(roundId, MotionKind.NEXT_HOST, NGHIA_LO, null, null);
        String laoCai = table(roundId, MotionKind.NEXT_HOST, LAO_CAI, null, null);
        vote(roundId, yenBai, FIVE, 2, 2, 1, RecordedBy.COORDINATOR);
        assertThat(close(roundId, yenBai)).isEqualTo(MotionState.NOT_CARRIED); // 2 of 5: not more than 2.5
        vote(roundId, nghiaLo, FIVE, 4, 1, 0, RecordedBy.COORDINATOR);
        assertThat(close(roundId, nghiaLo)).isEqualTo(MotionState.CARRIED);
        vote(roundId, laoCai, FIVE, 1, 0, 0, RecordedBy.COORDINATOR);
        assertThat(close(roundId, laoCai)).isEqualTo(MotionState.NOT_CARRIED); // a host was chosen already
        decide(roundId, MotionKind.NEXT_LEADER, LAO_CAI, null, null, FIVE, 3, 1, 1, MotionState.CARRIED);

        decide(roundId, MotionKind.NEXT_THEME, null, null, DIGITAL, FIVE, 1, 3, 1, MotionState.NOT_CARRIED);
        // Lost, and nothing adopted yet: the year it was proposed for is listed with it.
        JsonNode pending = read("/api/competition/themes?clusterId=" + cluster.id() + "&year=2020").path("items").get(0);
        assertThat(pending.path("theme").isNull()).isTrue();
        assertThat(texts(pending.path("lostProposals"), "theme")).containsExactly(DIGITAL);

        decide(roundId, MotionKind.NEXT_THEME, null, null, GREEN, FIVE, 5, 0, 0, MotionState.CARRIED);
        conclude(roundId);

        JsonNode hosts = read("/api/competition/hosts?clusterId=" + cluster.id());
        assertThat(texts(hosts.path("items"), "year")).containsExactly("2020", "2019");
        JsonNode y2019 = hosts.path("items").get(1);
        JsonNode candidates = y2019.path("nextHostCandidates");
        assertThat(texts(candidates, "motionId")).containsExactly(yenBai, nghiaLo, laoCai);
        assertThat(candidates.get(0).path("candidate").path("name").asText()).isEqualTo("Thành phố Yên Bái");
        assertThat(candidates.get(0).path("approvals").asInt()).isEqualTo(2);
        assertThat(candidates.get(0).path("rejections").asInt()).isEqualTo(2);
        assertThat(candidates.get(0).path("abstentions").asInt()).isEqualTo(1);
        assertThat(candidates.get(0).path("participants").asInt()).isEqualTo(5);
        assertThat(texts(candidates, "outcome")).containsExactly("NOT_CARRIED", "CARRIED", "NOT_CARRIED");
        assertThat(texts(candidates, "reason")).containsExactly("below-threshold", "threshold-met", "already-decided");
        assertThat(candidates.get(2).path("approvals").asInt()).isEqualTo(1);
        JsonNode leaders = y2019.path("nextLeaderCandidates");
        assertThat(texts(leaders, "outcome")).containsExactly("CARRIED");
        assertThat(leaders.get(0).path("candidate").path("id").asText()).isEqualTo("lao-cai");
        // Rule 7: a NEXT_LEADER motion carried, so this year's host does not lead next year.
        assertThat(y2019.path("upcoming").path("host").path("id").asText()).isEqualTo("nghia-lo");
        assertThat(y2019.path("upcoming").path("leader").path("id").asText()).isEqualTo("lao-cai");
        assertThat(y2019.path("flagHandedOverTo").path("id").asText()).isEqualTo("nghia-lo");
        JsonNode y2020 = hosts.path("items").get(0);
        assertThat(y2020.path("roundId").asText()).isEqualTo(Ids.roundId(cluster.id(), 2020));
        assertThat(y2020.path("host").path("id").asText()).isEqualTo("nghia-lo");
        assertThat(y2020.path("leader").path("id").asText()).isEqualTo("lao-cai");

        JsonNode y2020Theme = read("/api/competition/themes?clusterId=" + cluster.id() + "&year=2020").path("items").get(0);
        assertThat(y2020Theme.path("theme").asText()).isEqualTo(GREEN);
        assertThat(y2020Theme.path("adoptedInRoundId").asText()).isEqualTo(roundId);
        JsonNode lost = y2020Theme.path("lostProposals");
        assertThat(lost).hasSize(1);
        assertThat(lost.get(0).path("theme").asText()).isEqualTo(DIGITAL);
        assertThat(lost.get(0).path("approvals").asInt()).isEqualTo(1);
        assertThat(lost.get(0).path("rejections").asInt()).isEqualTo(3);
        assertThat(lost.get(0).path("reason").asText()).isEqualTo("below-threshold");
        assertThat(lost.get(0).path("roundId").asText()).isEqualTo(roundId);

        JsonNode round = read("/api/competition/rounds/" + roundId);
        assertThat(round.path("results").path("nextLeader").path("id").asText()).isEqualTo("lao-cai");
        assertThat(texts(round.path("motions"), "state")).containsExactly("NOT_CARRIED", "CARRIED", "NOT_CARRIED", "CARRIED",
                "NOT_CARRIED", "CARRIED");
    }
}
