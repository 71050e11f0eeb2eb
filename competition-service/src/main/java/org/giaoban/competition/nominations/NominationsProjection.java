package org.giaoban.competition.nominations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.giaoban.competition.Ref;
import org.giaoban.competition.round.RoundEvents.NominationDecided;
import org.giaoban.competition.round.RoundEvents.NominationForwarded;
import org.giaoban.competition.round.RoundEvents.NominationProposed;
import org.giaoban.competition.round.Vocabulary.Award;
import org.giaoban.competition.round.Vocabulary.NominationStatus;
import org.giaoban.platform.text.VietnameseText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The nominations read model (rule 9): every nomination a round carried, PROPOSED, then FORWARDED to the awarding body
 * with the dossier's reference, then AWARDED or DECLINED with the decision's reference.
 */
@Component
@ProcessingGroup(NominationsProjection.NAME)
public class NominationsProjection {

    public static final String NAME = "nominations";

    private final JdbcClient jdbc;

    public NominationsProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Times are those of the events that recorded each step. */
    public record NominationView(String roundId, Ref cluster, int year, Ref urbanArea, Award award, int approvals,
                                 int participants, NominationStatus status, Instant proposedAt, String forwardedReference,
                                 Instant forwardedAt, String decisionReference, Instant decidedAt) {
    }

    public record Filter(String clusterId, Integer year, Award award, String urbanAreaId, NominationStatus status) {
    }

    @EventHandler
    void on(NominationProposed event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO nomination (round_id, urban_area_id, cluster_id, cluster_name, year, urban_area_name, award,
                                                approvals, participants, status, proposed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(event.roundId(), event.urbanArea().id(), event.cluster().id(), event.cluster().name(), event.year(),
                        event.urbanArea().name(), event.award().name(), event.approvals(), event.participants(),
                        NominationStatus.PROPOSED.name(), Timestamp.from(at))
                .update();
    }

    @EventHandler
    void on(NominationForwarded event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("UPDATE nomination SET status = ?, forwarded_reference = ?, forwarded_at = ? WHERE round_id = ? AND urban_area_id = ?")
                .params(NominationStatus.FORWARDED.name(), event.reference(), Timestamp.from(at), event.roundId(), event.urbanAreaId())
                .update();
    }

    @EventHandler
    void on(NominationDecided event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("UPDATE nomination SET status = ?, decision_reference = ?, decided_at = ? WHERE round_id = ? AND urban_area_id = ?")
                .params(event.decision().name(), event.reference(), Timestamp.from(at), event.roundId(), event.urbanAreaId())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE nomination").update();
    }

    /**
     * Nominations matching every given filter: the latest year first, then by cluster (Vietnamese order of names), by
     * award (Bằng khen before Giấy khen, as {@link Award} declares them) and by the member's name in Vietnamese order.
     */
    public List<NominationView> list(Filter filter) {
        StringBuilder sql = new StringBuilder("SELECT * FROM nomination WHERE TRUE");
        List<Object> params = new ArrayList<>();
        if (filter.clusterId() != null) {
            sql.append(" AND cluster_id = ?");
            params.add(filter.clusterId());
        }
        if (filter.year() != null) {
            sql.append(" AND year = ?");
            params.add(filter.year());
        }
        if (filter.award() != null) {
            sql.append(" AND award = ?");
            params.add(filter.award().name());
        }
        if (filter.urbanAreaId() != null) {
            sql.append(" AND urban_area_id = ?");
            params.add(filter.urbanAreaId());
        }
        if (filter.status() != null) {
            sql.append(" AND status = ?");
            params.add(filter.status().name());
        }
        return jdbc.sql(sql.toString()).params(params).query(NominationsProjection::view).list().stream()
                .sorted(Comparator.comparing(NominationView::year, Comparator.reverseOrder())
                        .thenComparing(n -> n.cluster().name(), VietnameseText.order())
                        .thenComparing(n -> n.cluster().id())
                        .thenComparing(NominationView::award)
                        .thenComparing(n -> n.urbanArea().name(), VietnameseText.order())
                        .thenComparing(n -> n.urbanArea().id()))
                .toList();
    }

    private static NominationView view(ResultSet row, int index) throws SQLException {
        return new NominationView(row.getString("round_id"), new Ref(row.getString("cluster_id"), row.getString("cluster_name")),
                row.getInt("year"), new Ref(row.getString("urban_area_id"), row.getString("urban_area_name")),
                Award.valueOf(row.getString("award")), row.getInt("approvals"), row.getInt("participants"),
                NominationStatus.valueOf(row.getString("status")), instant(row.getTimestamp("proposed_at")),
                row.getString("forwarded_reference"), instant(row.getTimestamp("forwarded_at")),
                row.getString("decision_reference"), instant(row.getTimestamp("decided_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
