package org.giaoban.competition.ranking;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.giaoban.competition.Ref;
import org.giaoban.competition.ranking.Ranking.Ranked;
import org.giaoban.competition.ranking.Ranking.Total;
import org.giaoban.competition.round.RoundEvents.RoundAmended;
import org.giaoban.competition.round.RoundEvents.RoundConcluded;
import org.giaoban.competition.round.RoundEvents.RoundOpened;
import org.giaoban.competition.round.RoundEvents.RoundPlanned;
import org.giaoban.competition.round.RoundEvents.ScoreRecorded;
import org.giaoban.competition.round.Rules;
import org.giaoban.competition.round.Rules.Criterion;
import org.giaoban.competition.round.Vocabulary.RoundState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The ranking read model: each round's criteria, participants and their latest score per criterion (rule 11). */
@Component
@ProcessingGroup(RankingProjection.NAME)
public class RankingProjection {

    public static final String NAME = "ranking";

    private static final TypeReference<List<Criterion>> CRITERIA = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public RankingProjection(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A participant's points on one criterion of the rules; null when it has not been scored on it. */
    public record Score(String criterion, BigDecimal points) {
    }

    public record Line(int rank, Ref urbanArea, List<Score> scores, BigDecimal total) {
    }

    /** {@code participants}: ranked, the highest total first; equal totals share a rank (1, 2, 2, 4). */
    public record RoundRanking(String roundId, String clusterId, int year, RoundState state, List<Criterion> criteria,
                               List<Line> participants) {
    }

    @EventHandler
    void on(RoundPlanned event) {
        jdbc.sql("INSERT INTO ranking_round (round_id, cluster_id, year, state, criteria) VALUES (?, ?, ?, ?, ?::jsonb)")
                .params(event.roundId(), event.cluster().id(), event.year(), RoundState.PLANNED.name(), criteria(event.rules()))
                .update();
    }

    @EventHandler
    void on(RoundAmended event) {
        jdbc.sql("UPDATE ranking_round SET criteria = ?::jsonb WHERE round_id = ?")
                .params(criteria(event.rules()), event.roundId()).update();
    }

    @EventHandler
    void on(RoundOpened event) {
        jdbc.sql("UPDATE ranking_round SET state = ? WHERE round_id = ?").params(RoundState.OPEN.name(), event.roundId()).update();
        for (Ref participant : event.participants()) {
            jdbc.sql("INSERT INTO ranking_participant (round_id, urban_area_id, name) VALUES (?, ?, ?)")
                    .params(event.roundId(), participant.id(), participant.name()).update();
        }
    }

    /** A new score for the same participant and criterion replaces the old one. */
    @EventHandler
    void on(ScoreRecorded event) {
        jdbc.sql("""
                        INSERT INTO ranking_score (round_id, urban_area_id, criterion, points) VALUES (?, ?, ?, ?)
                        ON CONFLICT (round_id, urban_area_id, criterion) DO UPDATE SET points = EXCLUDED.points""")
                .params(event.roundId(), event.urbanAreaId(), event.criterion(), event.points()).update();
    }

    @EventHandler
    void on(RoundConcluded event) {
        jdbc.sql("UPDATE ranking_round SET state = ? WHERE round_id = ?").params(RoundState.CONCLUDED.name(), event.roundId()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE ranking_round, ranking_participant, ranking_score").update();
    }

    /** The round's ranking; every participant is listed, a criterion not scored counts as nothing. */
    public Optional<RoundRanking> of(String roundId) {
        record Header(String clusterId, int year, RoundState state, List<Criterion> criteria) {
        }
        Optional<Header> header = jdbc.sql("SELECT cluster_id, year, state, criteria FROM ranking_round WHERE round_id = ?")
                .param(roundId)
                .query((row, i) -> new Header(row.getString("cluster_id"), row.getInt("year"),
                        RoundState.valueOf(row.getString("state")), read(row.getString("criteria"))))
                .optional();
        if (header.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Map<String, BigDecimal>> points = new HashMap<>();
        jdbc.sql("SELECT urban_area_id, criterion, points FROM ranking_score WHERE round_id = ?").param(roundId)
                .query(row -> {
                    points.computeIfAbsent(row.getString("urban_area_id"), id -> new HashMap<>())
                            .put(row.getString("criterion"), row.getBigDecimal("points"));
                });
        List<Total> totals = jdbc.sql("SELECT urban_area_id, name FROM ranking_participant WHERE round_id = ?").param(roundId)
                .query((row, i) -> new Ref(row.getString("urban_area_id"), row.getString("name")))
                .list().stream()
                .map(p -> new Total(p, points.getOrDefault(p.id(), Map.of()).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)))
                .toList();
        List<Criterion> criteria = header.get().criteria();
        List<Line> lines = new ArrayList<>();
        for (Ranked ranked : Ranking.rank(totals)) {
            Map<String, BigDecimal> own = points.getOrDefault(ranked.entry().urbanArea().id(), Map.of());
            List<Score> scores = criteria.stream().map(c -> new Score(c.name(), own.get(c.name()))).toList();
            lines.add(new Line(ranked.rank(), ranked.entry().urbanArea(), scores, ranked.entry().total()));
        }
        Header h = header.get();
        return Optional.of(new RoundRanking(roundId, h.clusterId(), h.year(), h.state(), criteria, List.copyOf(lines)));
    }

    private String criteria(Rules rules) {
        try {
            return json.writeValueAsString(rules == null || rules.criteria() == null ? List.of() : rules.criteria());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Criterion> read(String criteria) {
        try {
            return json.readValue(criteria, CRITERIA);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
