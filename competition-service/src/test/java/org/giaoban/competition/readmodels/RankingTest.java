package org.giaoban.competition.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.giaoban.competition.Ref;
import org.giaoban.competition.round.Rules;
import org.giaoban.competition.round.Rules.Criterion;
import org.junit.jupiter.api.Test;
import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.security.TestTokens;

/**
 * Rule 11 over HTTP: the latest score per participant and criterion counts; the highest total ranks first; equal totals
 * share a rank (standard competition ranking, 1, 2, 2, 4) and are listed in Vietnamese alphabetical order of names.
 */
class RankingTest extends ReadModelsTestBase {

    private static final String LANDSCAPE = "Cảnh quan đô thị";
    private static final String SANITATION = "Vệ sinh môi trường";

    @Test
    void equalTotalsShareARankAndAreListedInVietnameseOrder() {
        Ref cluster = new Ref(uniqueClusterId("tay-bac-diem"), NORTHWEST_NAME);
        Rules rules = new Rules(null, null, null, null, false,
                List.of(new Criterion(LANDSCAPE, new BigDecimal("50")), new Criterion(SANITATION, new BigDecimal("50"))));
        List<Ref> six = List.of(LAO_CAI, SON_LA, NGHIA_LO, DIEN_BIEN_PHU, HOA_BINH, MUONG_LAY);
        String roundId = plan(cluster, 2022, "Đô thị văn minh", LAO_CAI, SON_LA, LocalDate.of(2022, 11, 3), null, null, rules);
        open(roundId, LocalDate.of(2022, 11, 3), six);

        score(roundId, LAO_CAI, LANDSCAPE, "45");
        score(roundId, LAO_CAI, SANITATION, "40");
        score(roundId, SON_LA, LANDSCAPE, "40");
        score(roundId, SON_LA, SANITATION, "35");
        score(roundId, NGHIA_LO, LANDSCAPE, "35");
        score(roundId, NGHIA_LO, SANITATION, "40");
        score(roundId, DIEN_BIEN_PHU, LANDSCAPE, "37.5");
        score(roundId, DIEN_BIEN_PHU, SANITATION, "37.5");
        score(roundId, HOA_BINH, LANDSCAPE, "30");
        score(roundId, HOA_BINH, SANITATION, "30");
        score(roundId, HOA_BINH, LANDSCAPE, "45"); // replaces the 30 of a moment ago
        score(roundId, MUONG_LAY, LANDSCAPE, "40"); // sanitation not scored

        // Before the round is concluded its ranking is its coordinators', operators' and analysts'.
        JsonNode ranking = read(http.as(TestTokens.coordinator(cluster.id())), "/api/competition/rounds/" + roundId + "/ranking");

        assertThat(ranking.path("roundId").asText()).isEqualTo(roundId);
        assertThat(ranking.path("state").asText()).isEqualTo("OPEN");
        assertThat(texts(ranking.path("criteria"), "name")).containsExactly(LANDSCAPE, SANITATION);
        JsonNode lines = ranking.path("participants");
        List<String> table = new ArrayList<>();
        lines.forEach(line -> table.add(line.path("rank").asInt() + " " + line.path("urbanArea").path("name").asText() + " "
                + line.path("total").decimalValue().stripTrailingZeros().toPlainString()));
        // Four at 75: Vietnamese order puts Đ before H and "Thành phố" before "Thị xã" (neither code points nor ids would).
        assertThat(table).containsExactly(
                "1 Thành phố Lào Cai 85",
                "2 Thành phố Điện Biên Phủ 75",
                "2 Thành phố Hòa Bình 75",
                "2 Thành phố Sơn La 75",
                "2 Thị xã Nghĩa Lộ 75",
                "6 Thị xã Mường Lay 40");
        JsonNode hoaBinh = lines.get(2);
        assertThat(texts(hoaBinh.path("scores"), "criterion")).containsExactly(LANDSCAPE, SANITATION);
        assertThat(hoaBinh.path("scores").get(0).path("points").decimalValue()).isEqualByComparingTo("45");
        JsonNode muongLay = lines.get(5);
        assertThat(muongLay.path("scores").get(1).path("points").isNull()).isTrue();
    }

    @Test
    void anUnknownRoundHasNoRanking() {
        Http.Response response = http.get("/api/competition/rounds/no-such-cluster-1999/ranking");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("unknown-round");
    }
}
