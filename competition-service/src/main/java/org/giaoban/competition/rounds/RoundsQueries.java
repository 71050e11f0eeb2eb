package org.giaoban.competition.rounds;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.giaoban.competition.Ids;
import org.giaoban.competition.Ref;
import org.giaoban.competition.round.RoundEvents.Nomination;
import org.giaoban.competition.round.Rules;
import org.giaoban.competition.round.Vocabulary.Award;
import org.giaoban.competition.round.Vocabulary.MotionKind;
import org.giaoban.competition.round.Vocabulary.MotionState;
import org.giaoban.competition.round.Vocabulary.RecordedBy;
import org.giaoban.competition.round.Vocabulary.RoundState;
import org.giaoban.competition.round.Vocabulary.Vote;
import org.giaoban.competition.round.Vocabulary.VoteMethod;
import org.giaoban.platform.text.VietnameseText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Questions answered from the rounds read model. */
@Component
public class RoundsQueries {

    private static final TypeReference<List<Ref>> REFS = new TypeReference<>() {
    };
    private static final TypeReference<List<Nomination>> NOMINATIONS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public RoundsQueries(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A line of the list of rounds. */
    public record RoundSummary(String id, RoundState state, Ref cluster, int year, String movement, String theme, Ref host,
                               Ref leader, LocalDate conferenceDate, String venue) {
    }

    public record Plan(Ref cluster, int year, String movement, String theme, Ref host, Ref leader, LocalDate conferenceDate,
                       String venue, String workshopTopic, Rules rules) {
    }

    public record Tally(int approvals, int rejections, int abstentions) {
    }

    /** One participant's ballot, shown in OPEN rounds only. */
    public record Ballot(String urbanAreaId, Vote vote, RecordedBy recordedBy) {
    }

    /**
     * A motion. {@code ballots}: how many participants have a ballot in. {@code tally}: once the motion is decided, or
     * while it is open in an OPEN round; null otherwise. {@code votes}: each ballot, in OPEN rounds only (null in
     * SECRET rounds). {@code outcome} and {@code reason} once decided.
     */
    public record Motion(String motionId, MotionKind kind, Ref candidate, Award award, String theme, MotionState state,
                         int ballots, Tally tally, List<Ballot> votes, MotionState outcome, String reason) {
    }

    public record Results(Ref nextHost, Ref nextLeader, String nextTheme, Ref flagHandedOverTo, List<Nomination> nominations,
                          String nextRoundId) {
    }

    public record RoundDetail(String id, RoundState state, Plan plan, LocalDate rosterDate, List<Ref> participants,
                              List<Motion> motions, Results results) {
    }

    /** Rounds filtered by cluster, year and state; by cluster (Vietnamese order of names), then the latest year first. */
    public List<RoundSummary> list(String clusterId, Integer year, RoundState state) {
        StringBuilder sql = new StringBuilder("SELECT * FROM round_view WHERE TRUE");
        List<Object> params = new ArrayList<>();
        if (clusterId != null) {
            sql.append(" AND cluster_id = ?");
            params.add(clusterId);
        }
        if (year != null) {
            sql.append(" AND year = ?");
            params.add(year);
        }
        if (state != null) {
            sql.append(" AND state = ?");
            params.add(state.name());
        }
        return jdbc.sql(sql.toString()).params(params).query(RoundsQueries::summary).list().stream()
                .sorted(Comparator.comparing((RoundSummary r) -> r.cluster().name(), VietnameseText.order())
                        .thenComparing(r -> r.cluster().id())
                        .thenComparing(RoundSummary::year, Comparator.reverseOrder()))
                .toList();
    }

    public Optional<RoundDetail> find(String roundId) {
        return jdbc.sql("SELECT * FROM round_view WHERE round_id = ?").param(roundId)
                .query((row, i) -> detail(row)).optional()
                .map(round -> {
                    Rules rules = round.plan().rules();
                    boolean openVote = rules == null || rules.voteMethod() != VoteMethod.SECRET;
                    Map<String, Integer> position = new HashMap<>();
                    round.participants().forEach(p -> position.put(p.id(), position.size()));
                    return new RoundDetail(round.id(), round.state(), round.plan(), round.rosterDate(), round.participants(),
                            motions(round.id(), openVote, position), round.results());
                });
    }

    private RoundDetail detail(ResultSet row) throws SQLException {
        List<Ref> participants = new ArrayList<>(read(row.getString("participants"), REFS));
        participants.sort(Comparator.comparing(Ref::name, VietnameseText.order()).thenComparing(Ref::id));

        Ref cluster = new Ref(row.getString("cluster_id"), row.getString("cluster_name"));
        int year = row.getInt("year");
        Plan plan = new Plan(cluster, year, row.getString("movement"), row.getString("theme"),
                ref(row, "host_id", "host_name"), ref(row, "leader_id", "leader_name"), localDate(row.getDate("conference_date")),
                row.getString("venue"), row.getString("workshop_topic"), read(row.getString("rules"), Rules.class));
        RoundState state = RoundState.valueOf(row.getString("state"));
        String nextRoundId = row.getString("next_round_id");
        if (nextRoundId == null && state == RoundState.CONCLUDED) {
            nextRoundId = Ids.roundId(cluster.id(), year + 1); // planned before this round concluded
        }
        Results results = new Results(ref(row, "next_host_id", "next_host_name"), ref(row, "next_leader_id", "next_leader_name"),
                row.getString("next_theme"), ref(row, "flag_handed_over_to_id", "flag_handed_over_to_name"),
                read(row.getString("nominations"), NOMINATIONS), nextRoundId);
        // Motions are read once this row is mapped (no second query while the first is open).
        return new RoundDetail(row.getString("round_id"), state, plan, localDate(row.getDate("roster_date")),
                List.copyOf(participants), List.of(), results);
    }

    private List<Motion> motions(String roundId, boolean openVote, Map<String, Integer> position) {
        record Row(String motionId, MotionKind kind, Ref candidate, Award award, String theme, MotionState state, Tally decided,
                   MotionState outcome, String reason) {
        }
        List<Row> rows = jdbc.sql("SELECT * FROM round_motion WHERE round_id = ? ORDER BY tabled_order").param(roundId)
                .query((row, i) -> new Row(row.getString("motion_id"), MotionKind.valueOf(row.getString("kind")),
                        ref(row, "candidate_id", "candidate_name"),
                        row.getString("award") == null ? null : Award.valueOf(row.getString("award")), row.getString("theme"),
                        MotionState.valueOf(row.getString("state")),
                        row.getObject("approvals") == null ? null
                                : new Tally(row.getInt("approvals"), row.getInt("rejections"), row.getInt("abstentions")),
                        row.getString("outcome") == null ? null : MotionState.valueOf(row.getString("outcome")),
                        row.getString("reason")))
                .list();
        // A SECRET round's rows carry no vote; only their number is used.
        List<BallotRow> ballots = jdbc.sql("SELECT motion_id, urban_area_id, vote, recorded_by FROM round_ballot WHERE round_id = ?")
                .param(roundId)
                .query((row, i) -> new BallotRow(row.getString("motion_id"), row.getString("urban_area_id"),
                        openVote && row.getString("vote") != null ? Vote.valueOf(row.getString("vote")) : null,
                        openVote && row.getString("recorded_by") != null ? RecordedBy.valueOf(row.getString("recorded_by")) : null))
                .list();
        List<Motion> motions = new ArrayList<>();
        for (Row m : rows) {
            List<BallotRow> in = ballots.stream().filter(b -> b.motionId().equals(m.motionId())).toList();
            Tally tally = m.decided();
            List<Ballot> votes = null;
            if (openVote) {
                votes = in.stream()
                        .sorted(Comparator.comparing((BallotRow b) -> position.getOrDefault(b.urbanAreaId(), Integer.MAX_VALUE))
                                .thenComparing(BallotRow::urbanAreaId))
                        .map(b -> new Ballot(b.urbanAreaId(), b.vote(), b.recordedBy()))
                        .toList();
                if (tally == null) {
                    tally = new Tally(count(in, Vote.APPROVE), count(in, Vote.REJECT), count(in, Vote.ABSTAIN));
                }
            }
            motions.add(new Motion(m.motionId(), m.kind(), m.candidate(), m.award(), m.theme(), m.state(), in.size(), tally, votes,
                    m.outcome(), m.reason()));
        }
        return motions;
    }

    private record BallotRow(String motionId, String urbanAreaId, Vote vote, RecordedBy recordedBy) {
    }

    private static int count(List<BallotRow> ballots, Vote vote) {
        return (int) ballots.stream().filter(b -> b.vote() == vote).count();
    }

    private static RoundSummary summary(ResultSet row, int index) throws SQLException {
        return new RoundSummary(row.getString("round_id"), RoundState.valueOf(row.getString("state")),
                new Ref(row.getString("cluster_id"), row.getString("cluster_name")), row.getInt("year"), row.getString("movement"),
                row.getString("theme"), ref(row, "host_id", "host_name"), ref(row, "leader_id", "leader_name"),
                localDate(row.getDate("conference_date")), row.getString("venue"));
    }

    private static Ref ref(ResultSet row, String idColumn, String nameColumn) throws SQLException {
        String id = row.getString(idColumn);
        return id == null ? null : new Ref(id, row.getString(nameColumn));
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
