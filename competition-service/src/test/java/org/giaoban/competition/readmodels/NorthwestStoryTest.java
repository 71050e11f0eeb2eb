package org.giaoban.competition.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.giaoban.competition.Ids;
import org.giaoban.competition.Ref;
import org.giaoban.competition.round.RoundCommands.ForwardNomination;
import org.giaoban.competition.round.RoundCommands.RecordAwardDecision;
import org.giaoban.competition.round.Vocabulary.Award;
import org.giaoban.competition.round.Vocabulary.Decision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The 2023 Northwest conference (Sa Pa, 24 September 2023) as the public reads it: the round, its nominations, the
 * hosts and the themes; then the proposals go their way to the awarding bodies. Told once, read in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NorthwestStoryTest extends ReadModelsTestBase {

    private Ref cluster;
    private String round2023;
    private String round2024;

    @BeforeAll
    void theConferenceOf2023() {
        cluster = new Ref(uniqueClusterId("tay-bac"), NORTHWEST_NAME);
        round2023 = northwestConference2023(cluster);
        round2024 = Ids.roundId(cluster.id(), 2024);
    }

    @Test
    @Order(1)
    void theRoundOf2023IsConcludedWithItsMotionsAndResults() {
        JsonNode round = read("/api/competition/rounds/" + round2023);

        assertThat(round.path("id").asText()).isEqualTo(round2023);
        assertThat(round.path("state").asText()).isEqualTo("CONCLUDED");
        JsonNode plan = round.path("plan");
        assertThat(plan.path("cluster").path("id").asText()).isEqualTo(cluster.id());
        assertThat(plan.path("cluster").path("name").asText()).isEqualTo(NORTHWEST_NAME);
        assertThat(plan.path("year").asInt()).isEqualTo(2023);
        assertThat(plan.path("movement").asText()).isEqualTo(MOVEMENT);
        assertThat(plan.path("theme").asText()).isEqualTo(THEME_2023);
        assertThat(plan.path("host").path("id").asText()).isEqualTo("sa-pa");
        assertThat(plan.path("host").path("name").asText()).isEqualTo("Thị xã Sa Pa");
        assertThat(plan.path("leader").path("id").asText()).isEqualTo("tuyen-quang");
        assertThat(plan.path("conferenceDate").asText()).isEqualTo("2023-09-24");
        assertThat(plan.path("venue").asText()).isEqualTo("Thị xã Sa Pa");
        assertThat(plan.path("workshopTopic").asText()).isEqualTo(WORKSHOP_2023);
        assertThat(plan.path("rules").path("legalBasis").asText()).isEqualTo(LEGAL_BASIS_2023);
        assertThat(plan.path("rules").path("voteMethod").asText()).isEqualTo("OPEN");
        assertThat(plan.path("rules").path("approvalThreshold").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(round.path("rosterDate").asText()).isEqualTo(rosterDayOf(round.path("id").asText()).toString());

        // Participants in Vietnamese order: "Thành phố" before "Thị xã", Đ (after D) before H.
        assertThat(texts(round.path("participants"), "name")).containsExactly("Thành phố Điện Biên Phủ", "Thành phố Hà Giang",
                "Thành phố Hòa Bình", "Thành phố Lai Châu", "Thành phố Lào Cai", "Thành phố Sơn La", "Thành phố Tuyên Quang",
                "Thành phố Yên Bái", "Thị xã Mường Lay", "Thị xã Nghĩa Lộ", "Thị xã Sa Pa");

        JsonNode motions = round.path("motions");
        assertThat(texts(motions, "kind")).containsExactly("NOMINATION", "NOMINATION", "NOMINATION", "NOMINATION", "NOMINATION",
                "NEXT_HOST", "NEXT_THEME");
        List<String> candidates = new ArrayList<>();
        motions.forEach(m -> candidates.add(m.path("candidate").path("id").asText(null)));
        assertThat(candidates).containsExactly("lai-chau", "tuyen-quang", "ha-giang", "hoa-binh", "sa-pa", "lai-chau", null);
        assertThat(texts(motions, "award")).containsExactly("MINISTRY_MERIT", "MINISTRY_MERIT", "ASSOCIATION_COMMENDATION",
                "ASSOCIATION_COMMENDATION", "ASSOCIATION_COMMENDATION", null, null);
        assertThat(texts(motions, "state")).containsOnly("CARRIED");
        assertThat(texts(motions, "outcome")).containsOnly("CARRIED");
        assertThat(texts(motions, "reason")).containsOnly("threshold-met");
        assertThat(motions.get(6).path("theme").asText()).isEqualTo(THEME_2024);
        JsonNode first = motions.get(0);
        assertThat(first.path("motionId").asText()).isEqualTo("m1");
        assertThat(first.path("ballots").asInt()).isEqualTo(11);
        assertThat(first.path("tally").path("approvals").asInt()).isEqualTo(9);
        assertThat(first.path("tally").path("rejections").asInt()).isEqualTo(1);
        assertThat(first.path("tally").path("abstentions").asInt()).isEqualTo(1);
        assertThat(motions.get(4).path("tally").path("approvals").asInt()).isEqualTo(7);

        JsonNode results = round.path("results");
        assertThat(results.path("nextHost").path("id").asText()).isEqualTo("lai-chau");
        assertThat(results.path("nextLeader").path("id").asText()).as("rule 7: this year's host leads next year").isEqualTo("sa-pa");
        assertThat(results.path("nextTheme").asText()).isEqualTo(THEME_2024);
        assertThat(results.path("flagHandedOverTo").path("id").asText()).isEqualTo("lai-chau");
        assertThat(results.path("flagHandedOverTo").path("name").asText()).isEqualTo("Thành phố Lai Châu");
        assertThat(results.path("nextRoundId").asText()).isEqualTo(round2024);
        List<String> nominations = new ArrayList<>();
        results.path("nominations").forEach(n -> nominations.add(n.path("urbanArea").path("id").asText() + ":" + n.path("award").asText()));
        assertThat(nominations).containsExactly("lai-chau:MINISTRY_MERIT", "tuyen-quang:MINISTRY_MERIT",
                "ha-giang:ASSOCIATION_COMMENDATION", "hoa-binh:ASSOCIATION_COMMENDATION", "sa-pa:ASSOCIATION_COMMENDATION");
    }

    @Test
    @Order(2)
    void theConclusionPlannedTheRoundOf2024WithLaiChauHostingAndSaPaLeading() {
        JsonNode round = read("/api/competition/rounds/" + round2024);

        assertThat(round.path("state").asText()).isEqualTo("PLANNED");
        assertThat(round.path("plan").path("year").asInt()).isEqualTo(2024);
        assertThat(round.path("plan").path("host").path("id").asText()).isEqualTo("lai-chau");
        assertThat(round.path("plan").path("leader").path("id").asText()).isEqualTo("sa-pa");
        assertThat(round.path("plan").path("theme").asText()).isEqualTo(THEME_2024);
        assertThat(round.path("plan").path("movement").asText()).isEqualTo(MOVEMENT);
        assertThat(round.path("plan").path("rules").path("legalBasis").asText()).as("a copy of this year's rules")
                .isEqualTo(LEGAL_BASIS_2023);
        assertThat(round.path("plan").path("conferenceDate").isNull()).isTrue();
        assertThat(round.path("participants")).isEmpty();
        assertThat(round.path("motions")).isEmpty();
        assertThat(round.path("results").path("nextHost").isNull()).isTrue();
        assertThat(round.path("results").path("nominations")).isEmpty();

        JsonNode list = read("/api/competition/rounds?clusterId=" + cluster.id());
        assertThat(list.path("total").asInt()).isEqualTo(2);
        assertThat(texts(list.path("items"), "id")).containsExactly(round2024, round2023);
        assertThat(texts(list.path("items"), "state")).containsExactly("PLANNED", "CONCLUDED");
        assertThat(texts(read("/api/competition/rounds?clusterId=" + cluster.id() + "&state=CONCLUDED").path("items"), "id"))
                .containsExactly(round2023);
        assertThat(texts(read("/api/competition/rounds?clusterId=" + cluster.id() + "&year=2024").path("items"), "id"))
                .containsExactly(round2024);
    }

    @Test
    @Order(3)
    void twoBangKhenAndThreeGiayKhenAreProposed() {
        JsonNode page = read("/api/competition/nominations?clusterId=" + cluster.id());

        assertThat(page.path("total").asInt()).isEqualTo(5);
        JsonNode items = page.path("items");
        // By award (Bằng khen first), then the member's name in Vietnamese order.
        List<String> lines = new ArrayList<>();
        items.forEach(n -> lines.add(n.path("award").asText() + " " + n.path("urbanArea").path("name").asText()));
        assertThat(lines).containsExactly("MINISTRY_MERIT Thành phố Lai Châu", "MINISTRY_MERIT Thành phố Tuyên Quang",
                "ASSOCIATION_COMMENDATION Thành phố Hà Giang", "ASSOCIATION_COMMENDATION Thành phố Hòa Bình",
                "ASSOCIATION_COMMENDATION Thị xã Sa Pa");
        for (JsonNode nomination : items) {
            assertThat(nomination.path("roundId").asText()).isEqualTo(round2023);
            assertThat(nomination.path("cluster").path("name").asText()).isEqualTo(NORTHWEST_NAME);
            assertThat(nomination.path("year").asInt()).isEqualTo(2023);
            assertThat(nomination.path("participants").asInt()).isEqualTo(11);
            assertThat(nomination.path("status").asText()).isEqualTo("PROPOSED");
            assertThat(nomination.path("proposedAt").asText()).isNotBlank();
            assertThat(nomination.path("forwardedReference").isNull()).isTrue();
        }
        assertThat(texts(items, "approvals")).containsExactly("9", "8", "10", "11", "7");

        assertThat(read("/api/competition/nominations?clusterId=" + cluster.id() + "&award=MINISTRY_MERIT").path("total").asInt())
                .isEqualTo(2);
        assertThat(read("/api/competition/nominations?clusterId=" + cluster.id() + "&urbanAreaId=sa-pa&year=2023")
                .path("items").get(0).path("award").asText()).isEqualTo("ASSOCIATION_COMMENDATION");
        assertThat(read("/api/competition/nominations?clusterId=" + cluster.id() + "&year=2024").path("total").asInt()).isZero();
    }

    @Test
    @Order(4)
    void hostsShowTheFlagPassingFromSaPaToLaiChau() {
        JsonNode page = read("/api/competition/hosts?clusterId=" + cluster.id());

        assertThat(texts(page.path("items"), "year")).containsExactly("2024", "2023");
        JsonNode y2024 = page.path("items").get(0);
        assertThat(y2024.path("roundId").asText()).isEqualTo(round2024);
        assertThat(y2024.path("host").path("id").asText()).isEqualTo("lai-chau");
        assertThat(y2024.path("leader").path("id").asText()).isEqualTo("sa-pa");
        assertThat(y2024.path("concluded").asBoolean()).isFalse();
        assertThat(y2024.path("flagHandedOverTo").isNull()).isTrue();
        assertThat(y2024.path("upcoming").path("year").asInt()).isEqualTo(2025);
        assertThat(y2024.path("upcoming").path("host").isNull()).isTrue();

        JsonNode y2023 = page.path("items").get(1);
        assertThat(y2023.path("cluster").path("name").asText()).isEqualTo(NORTHWEST_NAME);
        assertThat(y2023.path("host").path("id").asText()).isEqualTo("sa-pa");
        assertThat(y2023.path("leader").path("id").asText()).isEqualTo("tuyen-quang");
        assertThat(y2023.path("concluded").asBoolean()).isTrue();
        assertThat(y2023.path("flagHandedOverTo").path("id").asText()).isEqualTo("lai-chau");
        assertThat(y2023.path("upcoming").path("year").asInt()).isEqualTo(2024);
        assertThat(y2023.path("upcoming").path("host").path("id").asText()).isEqualTo("lai-chau");
        assertThat(y2023.path("upcoming").path("leader").path("id").asText()).isEqualTo("sa-pa");
        JsonNode candidates = y2023.path("nextHostCandidates");
        assertThat(candidates).hasSize(1);
        assertThat(candidates.get(0).path("candidate").path("id").asText()).isEqualTo("lai-chau");
        assertThat(candidates.get(0).path("approvals").asInt()).isEqualTo(10);
        assertThat(candidates.get(0).path("abstentions").asInt()).isEqualTo(1);
        assertThat(candidates.get(0).path("participants").asInt()).isEqualTo(11);
        assertThat(candidates.get(0).path("outcome").asText()).isEqualTo("CARRIED");
        assertThat(y2023.path("nextLeaderCandidates")).isEmpty();
    }

    @Test
    @Order(5)
    void themesShowThe2024ThemeAdoptedAtTheConferenceOf2023() {
        JsonNode page = read("/api/competition/themes?clusterId=" + cluster.id());

        assertThat(texts(page.path("items"), "year")).containsExactly("2024", "2023");
        JsonNode y2024 = page.path("items").get(0);
        assertThat(y2024.path("theme").asText()).isEqualTo(THEME_2024);
        assertThat(y2024.path("adoptedTheme").asText()).isEqualTo(THEME_2024);
        assertThat(y2024.path("adoptedInRoundId").asText()).isEqualTo(round2023);
        assertThat(y2024.path("roundId").asText()).isEqualTo(round2024);
        assertThat(y2024.path("lostProposals")).isEmpty();
        JsonNode y2023 = page.path("items").get(1);
        assertThat(y2023.path("theme").asText()).isEqualTo(THEME_2023);
        assertThat(y2023.path("adoptedInRoundId").isNull()).isTrue();

        JsonNode only2024 = read("/api/competition/themes?clusterId=" + cluster.id() + "&year=2024");
        assertThat(texts(only2024.path("items"), "theme")).containsExactly(THEME_2024);
    }

    @Test
    @Order(6)
    void forwardingAndTheAwardingBodysDecisionMoveANominationsStatus() {
        commands.sendAndWait(new ForwardNomination(round2023, "lai-chau", "Tờ trình số 15/TTr-CĐTTB"));
        JsonNode forwarded = only("&urbanAreaId=lai-chau");
        assertThat(forwarded.path("status").asText()).isEqualTo("FORWARDED");
        assertThat(forwarded.path("forwardedReference").asText()).isEqualTo("Tờ trình số 15/TTr-CĐTTB");
        assertThat(forwarded.path("forwardedAt").asText()).isNotBlank();

        commands.sendAndWait(new RecordAwardDecision(round2023, "lai-chau", Award.MINISTRY_MERIT, Decision.AWARDED,
                "Quyết định số 1234/QĐ-BXD"));
        JsonNode awarded = only("&urbanAreaId=lai-chau");
        assertThat(awarded.path("status").asText()).isEqualTo("AWARDED");
        assertThat(awarded.path("forwardedReference").asText()).isEqualTo("Tờ trình số 15/TTr-CĐTTB");
        assertThat(awarded.path("decisionReference").asText()).isEqualTo("Quyết định số 1234/QĐ-BXD");

        commands.sendAndWait(new ForwardNomination(round2023, "ha-giang", "Công văn số 7/CĐTTB"));
        commands.sendAndWait(new RecordAwardDecision(round2023, "ha-giang", Award.ASSOCIATION_COMMENDATION, Decision.DECLINED,
                "Văn bản số 42/HHĐTVN"));
        assertThat(only("&status=DECLINED").path("urbanArea").path("id").asText()).isEqualTo("ha-giang");
        assertThat(only("&status=AWARDED").path("urbanArea").path("id").asText()).isEqualTo("lai-chau");
        assertThat(texts(read("/api/competition/nominations?clusterId=" + cluster.id() + "&status=PROPOSED").path("items"), "urbanArea"))
                .hasSize(3);
    }

    private JsonNode only(String filter) {
        JsonNode page = read("/api/competition/nominations?clusterId=" + cluster.id() + filter);
        assertThat(page.path("total").asInt()).as(filter).isEqualTo(1);
        return page.path("items").get(0);
    }
}
