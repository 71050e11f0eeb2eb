package org.giaoban.competition.hosts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.giaoban.competition.Ref;
import org.giaoban.competition.round.RoundEvents.MotionDecided;
import org.giaoban.competition.round.RoundEvents.NextHostSelected;
import org.giaoban.competition.round.RoundEvents.NextLeaderChosen;
import org.giaoban.competition.round.RoundEvents.RoundAmended;
import org.giaoban.competition.round.RoundEvents.RoundConcluded;
import org.giaoban.competition.round.RoundEvents.RoundPlanned;
import org.giaoban.competition.round.Vocabulary.MotionKind;
import org.giaoban.competition.round.Vocabulary.MotionState;
import org.giaoban.platform.text.VietnameseText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The hosts read model: for each cluster and year, who hosted and who led, to whom the flag was handed at the
 * conclusion, who was chosen to host and lead the next year, and every candidate of those selections with its tally
 * (as decided: a SECRET round's tallies exist only once a motion is closed).
 */
@Component
@ProcessingGroup(HostsProjection.NAME)
public class HostsProjection {

    public static final String NAME = "hosts";

    private final JdbcClient jdbc;

    public HostsProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A candidate of a NEXT_HOST or NEXT_LEADER selection, as its motion was decided. */
    public record Candidate(String motionId, Ref candidate, int approvals, int rejections, int abstentions, int participants,
                            MotionState outcome, String reason) {
    }

    /** What the year's conference chose for the next year; null members until chosen. */
    public record Upcoming(int year, Ref host, Ref leader) {
    }

    public record HostYear(Ref cluster, int year, String roundId, Ref host, Ref leader, boolean concluded, Ref flagHandedOverTo,
                           Upcoming upcoming, List<Candidate> nextHostCandidates, List<Candidate> nextLeaderCandidates) {
    }

    @EventHandler
    void on(RoundPlanned event) {
        jdbc.sql("""
                        INSERT INTO host_year (cluster_id, year, cluster_name, round_id, host_id, host_name, leader_id, leader_name)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(event.cluster().id(), event.year(), event.cluster().name(), event.roundId(), event.host().id(),
                        event.host().name(), event.leader().id(), event.leader().name())
                .update();
    }

    @EventHandler
    void on(RoundAmended event) {
        jdbc.sql("UPDATE host_year SET cluster_name = ?, host_id = ?, host_name = ?, leader_id = ?, leader_name = ? WHERE round_id = ?")
                .params(event.cluster().name(), event.host().id(), event.host().name(), event.leader().id(), event.leader().name(),
                        event.roundId())
                .update();
    }

    @EventHandler
    void on(MotionDecided event, @SequenceNumber long sequence) {
        if (event.kind() != MotionKind.NEXT_HOST && event.kind() != MotionKind.NEXT_LEADER) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO host_candidate (round_id, motion_id, cluster_id, year, kind, decided_order, candidate_id,
                                                    candidate_name, approvals, rejections, abstentions, participants, outcome, reason)
                        SELECT round_id, ?, cluster_id, year, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM host_year WHERE round_id = ?""")
                .params(event.motionId(), event.kind().name(), sequence, event.candidate().id(), event.candidate().name(),
                        event.approvals(), event.rejections(), event.abstentions(), event.participants(), event.outcome().name(),
                        event.reason(), event.roundId())
                .update();
    }

    @EventHandler
    void on(NextHostSelected event) {
        jdbc.sql("UPDATE host_year SET upcoming_host_id = ?, upcoming_host_name = ? WHERE round_id = ?")
                .params(event.urbanArea().id(), event.urbanArea().name(), event.roundId()).update();
    }

    @EventHandler
    void on(NextLeaderChosen event) {
        jdbc.sql("UPDATE host_year SET upcoming_leader_id = ?, upcoming_leader_name = ? WHERE round_id = ?")
                .params(event.urbanArea().id(), event.urbanArea().name(), event.roundId()).update();
    }

    /** The flag passes to the next host; the next leader is settled (rule 7: this year's host unless a motion carried). */
    @EventHandler
    void on(RoundConcluded event) {
        jdbc.sql("""
                        UPDATE host_year SET concluded = TRUE, flag_handed_over_to_id = ?, flag_handed_over_to_name = ?,
                               upcoming_host_id = ?, upcoming_host_name = ?, upcoming_leader_id = ?, upcoming_leader_name = ?
                        WHERE round_id = ?""")
                .params(event.flagHandedOverTo().id(), event.flagHandedOverTo().name(), event.nextHost().id(),
                        event.nextHost().name(), event.nextLeader().id(), event.nextLeader().name(), event.roundId())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE host_year, host_candidate").update();
    }

    /** Per cluster (Vietnamese order of names) and year, the latest year first; one cluster's only when given. */
    public List<HostYear> list(String clusterId) {
        record Row(String clusterId, int year, String kind, Candidate candidate) {
        }
        String where = clusterId == null ? "" : " WHERE cluster_id = ?";
        List<Object> params = clusterId == null ? List.of() : List.of(clusterId);
        List<Row> candidates = jdbc.sql("SELECT * FROM host_candidate" + where + " ORDER BY decided_order").params(params)
                .query((row, i) -> new Row(row.getString("cluster_id"), row.getInt("year"), row.getString("kind"),
                        new Candidate(row.getString("motion_id"), new Ref(row.getString("candidate_id"), row.getString("candidate_name")),
                                row.getInt("approvals"), row.getInt("rejections"), row.getInt("abstentions"),
                                row.getInt("participants"), MotionState.valueOf(row.getString("outcome")), row.getString("reason"))))
                .list();
        List<HostYear> years = new ArrayList<>();
        for (HostYear year : jdbc.sql("SELECT * FROM host_year" + where).params(params).query(HostsProjection::year).list()) {
            List<Candidate> hosts = new ArrayList<>();
            List<Candidate> leaders = new ArrayList<>();
            candidates.stream()
                    .filter(c -> c.clusterId().equals(year.cluster().id()) && c.year() == year.year())
                    .forEach(c -> (MotionKind.NEXT_HOST.name().equals(c.kind()) ? hosts : leaders).add(c.candidate()));
            years.add(new HostYear(year.cluster(), year.year(), year.roundId(), year.host(), year.leader(), year.concluded(),
                    year.flagHandedOverTo(), year.upcoming(), List.copyOf(hosts), List.copyOf(leaders)));
        }
        years.sort(Comparator.comparing((HostYear y) -> y.cluster().name(), VietnameseText.order())
                .thenComparing(y -> y.cluster().id())
                .thenComparing(HostYear::year, Comparator.reverseOrder()));
        return years;
    }

    private static HostYear year(ResultSet row, int index) throws SQLException {
        int year = row.getInt("year");
        return new HostYear(new Ref(row.getString("cluster_id"), row.getString("cluster_name")), year, row.getString("round_id"),
                ref(row, "host"), ref(row, "leader"), row.getBoolean("concluded"), ref(row, "flag_handed_over_to"),
                new Upcoming(year + 1, ref(row, "upcoming_host"), ref(row, "upcoming_leader")), List.of(), List.of());
    }

    private static Ref ref(ResultSet row, String prefix) throws SQLException {
        String id = row.getString(prefix + "_id");
        return id == null ? null : new Ref(id, row.getString(prefix + "_name"));
    }
}
