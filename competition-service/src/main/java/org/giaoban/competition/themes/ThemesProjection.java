package org.giaoban.competition.themes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.giaoban.competition.Ref;
import org.giaoban.competition.round.RoundEvents.MotionDecided;
import org.giaoban.competition.round.RoundEvents.NextThemeAdopted;
import org.giaoban.competition.round.RoundEvents.RoundAmended;
import org.giaoban.competition.round.RoundEvents.RoundPlanned;
import org.giaoban.competition.round.Vocabulary.MotionKind;
import org.giaoban.competition.round.Vocabulary.MotionState;
import org.giaoban.platform.text.VietnameseText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The themes read model: each cluster's theme year by year, as adopted at the previous year's conference and as the
 * year's round carries it, with the proposals for that year that did not carry.
 *
 * <p>A year's row is written from two streams: the previous round's (NextThemeAdopted, lost proposals) and the
 * year's own round (RoundPlanned, RoundAmended). Each writes its own columns, so the row is the same whichever
 * stream is read first: a rebuild gives the same rows as live processing.
 */
@Component
@ProcessingGroup(ThemesProjection.NAME)
public class ThemesProjection {

    public static final String NAME = "themes";

    private final JdbcClient jdbc;

    public ThemesProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A NEXT_THEME proposal that did not carry, as decided. */
    public record LostProposal(String roundId, String motionId, String theme, int approvals, int rejections, int abstentions,
                               int participants, String reason) {
    }

    /**
     * {@code theme}: the year's theme, the round's own once it is planned (it may have been amended), else the one
     * adopted the year before; {@code adoptedTheme} and {@code adoptedInRoundId}: what the previous conference adopted.
     */
    public record ThemeYear(Ref cluster, int year, String roundId, String theme, String adoptedTheme, String adoptedInRoundId,
                            List<LostProposal> lostProposals) {
    }

    @EventHandler
    void on(RoundPlanned event) {
        jdbc.sql("""
                        INSERT INTO theme_year (cluster_id, year, cluster_name, round_id, round_theme) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (cluster_id, year)
                        DO UPDATE SET cluster_name = EXCLUDED.cluster_name, round_id = EXCLUDED.round_id, round_theme = EXCLUDED.round_theme""")
                .params(event.cluster().id(), event.year(), event.cluster().name(), event.roundId(), event.theme())
                .update();
    }

    @EventHandler
    void on(RoundAmended event) {
        jdbc.sql("UPDATE theme_year SET cluster_name = ?, round_theme = ? WHERE round_id = ?")
                .params(event.cluster().name(), event.theme(), event.roundId()).update();
    }

    /** Next year's row, named after the cluster as this year's round names it. */
    @EventHandler
    void on(NextThemeAdopted event) {
        jdbc.sql("""
                        INSERT INTO theme_year (cluster_id, year, cluster_name, adopted_theme, adopted_in_round_id)
                        SELECT cluster_id, year + 1, cluster_name, ?, round_id FROM theme_year WHERE round_id = ?
                        ON CONFLICT (cluster_id, year)
                        DO UPDATE SET adopted_theme = EXCLUDED.adopted_theme, adopted_in_round_id = EXCLUDED.adopted_in_round_id""")
                .params(event.theme(), event.roundId())
                .update();
    }

    @EventHandler
    void on(MotionDecided event, @SequenceNumber long sequence) {
        if (event.kind() != MotionKind.NEXT_THEME || event.outcome() != MotionState.NOT_CARRIED) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO theme_lost_proposal (round_id, motion_id, cluster_id, for_year, decided_order, theme, approvals,
                                                         rejections, abstentions, participants, reason)
                        SELECT round_id, ?, cluster_id, year + 1, ?, ?, ?, ?, ?, ?, ? FROM theme_year WHERE round_id = ?""")
                .params(event.motionId(), sequence, event.theme(), event.approvals(), event.rejections(), event.abstentions(),
                        event.participants(), event.reason(), event.roundId())
                .update();
        // The year it was proposed for is listed even before any theme for it is adopted.
        jdbc.sql("""
                        INSERT INTO theme_year (cluster_id, year, cluster_name)
                        SELECT cluster_id, year + 1, cluster_name FROM theme_year WHERE round_id = ?
                        ON CONFLICT (cluster_id, year) DO NOTHING""")
                .param(event.roundId())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE theme_year, theme_lost_proposal").update();
    }

    /** Per cluster (Vietnamese order of names) and year, the latest year first; filtered by cluster and year if given. */
    public List<ThemeYear> list(String clusterId, Integer year) {
        record Lost(String clusterId, int forYear, LostProposal proposal) {
        }
        StringBuilder years = new StringBuilder("SELECT * FROM theme_year WHERE TRUE");
        StringBuilder lost = new StringBuilder("SELECT * FROM theme_lost_proposal WHERE TRUE");
        List<Object> params = new ArrayList<>();
        if (clusterId != null) {
            years.append(" AND cluster_id = ?");
            lost.append(" AND cluster_id = ?");
            params.add(clusterId);
        }
        if (year != null) {
            years.append(" AND year = ?");
            lost.append(" AND for_year = ?");
            params.add(year);
        }
        List<Lost> proposals = jdbc.sql(lost.append(" ORDER BY decided_order").toString()).params(params)
                .query((row, i) -> new Lost(row.getString("cluster_id"), row.getInt("for_year"),
                        new LostProposal(row.getString("round_id"), row.getString("motion_id"), row.getString("theme"),
                                row.getInt("approvals"), row.getInt("rejections"), row.getInt("abstentions"),
                                row.getInt("participants"), row.getString("reason"))))
                .list();
        return jdbc.sql(years.toString()).params(params)
                .query((row, i) -> {
                    String id = row.getString("cluster_id");
                    int y = row.getInt("year");
                    String roundTheme = row.getString("round_theme");
                    String adopted = row.getString("adopted_theme");
                    return new ThemeYear(new Ref(id, row.getString("cluster_name")), y, row.getString("round_id"),
                            roundTheme != null ? roundTheme : adopted, adopted, row.getString("adopted_in_round_id"),
                            proposals.stream().filter(p -> p.clusterId().equals(id) && p.forYear() == y).map(Lost::proposal).toList());
                })
                .list().stream()
                .sorted(Comparator.comparing((ThemeYear t) -> t.cluster().name(), VietnameseText.order())
                        .thenComparing(t -> t.cluster().id())
                        .thenComparing(ThemeYear::year, Comparator.reverseOrder()))
                .toList();
    }
}
