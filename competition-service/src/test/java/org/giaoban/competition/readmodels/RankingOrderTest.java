package org.giaoban.competition.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.giaoban.competition.Ref;
import org.giaoban.competition.ranking.Ranking;
import org.giaoban.competition.ranking.Ranking.Ranked;
import org.giaoban.competition.ranking.Ranking.Total;
import org.junit.jupiter.api.Test;

/** The ranking policy alone, no I/O: standard competition ranking with ties in Vietnamese order of names. */
class RankingOrderTest {

    @Test
    void tiesShareARankAndTheNextRankSkips() {
        List<Ranked> ranked = Ranking.rank(List.of(
                total("d", "Thị xã Sa Pa", "70"),
                total("a", "Thành phố Hà Giang", "90"),
                total("b", "Thành phố Đà Lạt", "80.0"),
                total("c", "Thành phố Cao Bằng", "80")));

        assertThat(ranked).extracting(r -> r.rank() + " " + r.entry().urbanArea().name()).containsExactly(
                "1 Thành phố Hà Giang",
                "2 Thành phố Cao Bằng",
                "2 Thành phố Đà Lạt",
                "4 Thị xã Sa Pa");
    }

    @Test
    void vietnameseOrderIsNotCodePointOrder() {
        // Code points put "Đ" (U+0110) after "H" and "Ă" (U+0102) after "B"; Vietnamese puts them after "D" and "A".
        List<Ranked> ranked = Ranking.rank(List.of(
                total("x1", "Hà Tiên", "10"),
                total("x2", "Đông Hà", "10"),
                total("x3", "Bắc Giang", "10"),
                total("x4", "Ăn Khê", "10"),
                total("x5", "Duy Tiên", "10")));

        assertThat(ranked).extracting(r -> r.entry().urbanArea().name())
                .containsExactly("Ăn Khê", "Bắc Giang", "Duy Tiên", "Đông Hà", "Hà Tiên");
        assertThat(ranked).extracting(Ranked::rank).containsOnly(1);
    }

    @Test
    void nobodyNoRanking() {
        assertThat(Ranking.rank(List.of())).isEmpty();
    }

    private static Total total(String id, String name, String points) {
        return new Total(new Ref(id, name), new BigDecimal(points));
    }
}
