package org.giaoban.competition.ranking;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.giaoban.competition.Ref;
import org.giaoban.platform.text.VietnameseText;

/**
 * Rule 11 as a pure function: participants ranked by total points, the highest first; equal totals in Vietnamese
 * alphabetical order of names. Equal totals share a rank and the next total takes the rank after all of them
 * (standard competition ranking, "1, 2, 2, 4"), as results are read aloud at a conference: two members in second
 * place, none in third.
 */
public final class Ranking {

    private Ranking() {
    }

    /** A participant's total, before ranking. */
    public record Total(Ref urbanArea, BigDecimal total) {
    }

    public record Ranked(int rank, Total entry) {
    }

    public static final Comparator<Total> ORDER = Comparator.comparing(Total::total, Comparator.reverseOrder())
            .thenComparing(t -> t.urbanArea().name(), VietnameseText.order())
            .thenComparing(t -> t.urbanArea().id());

    public static List<Ranked> rank(List<Total> totals) {
        List<Total> sorted = totals.stream().sorted(ORDER).toList();
        List<Ranked> ranked = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            boolean tiesWithPrevious = i > 0 && sorted.get(i).total().compareTo(sorted.get(i - 1).total()) == 0;
            int rank = tiesWithPrevious ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new Ranked(rank, sorted.get(i)));
        }
        return ranked;
    }
}
