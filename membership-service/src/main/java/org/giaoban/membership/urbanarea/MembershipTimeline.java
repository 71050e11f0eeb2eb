package org.giaoban.membership.urbanarea;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One urban area's cluster membership over time, from its dated records in whatever order they were made. Periods are
 * half-open: from the admission date (inclusive) to the first day out (exclusive). On one date, a way out is applied
 * before a way in, so leaving one cluster and joining another on the same day is a clean transfer.
 *
 * <p>A pure function of the records: the aggregate uses it to refuse overlaps, the roster projection to derive its
 * periods, so both agree by construction.
 */
public final class MembershipTimeline {

    public enum Move { ADMISSION, EXIT }

    /** One dated record: an admission to a cluster, or a way out (withdrawal or dissolution). */
    public record Record(String eventId, Move move, String clusterId, LocalDate effectiveFrom, long recordedOrder) {
    }

    /** A membership period; {@code until} is the first day out, or null while it lasts. */
    public record Period(String clusterId, LocalDate from, LocalDate until) {

        public boolean covers(LocalDate date) {
            return !date.isBefore(from) && (until == null || date.isBefore(until));
        }
    }

    private static final Comparator<Record> CHRONOLOGICAL = Comparator.comparing(Record::effectiveFrom)
            .thenComparing(record -> record.move() == Move.ADMISSION) // exits first on the same day
            .thenComparingLong(Record::recordedOrder);

    private final List<Period> periods;
    private final Optional<Record> overlap;

    private MembershipTimeline(List<Period> periods, Optional<Record> overlap) {
        this.periods = periods;
        this.overlap = overlap;
    }

    public static MembershipTimeline of(Collection<Record> records) {
        List<Record> ordered = records.stream().sorted(CHRONOLOGICAL).toList();
        List<Period> periods = new ArrayList<>();
        Record overlap = null;
        String cluster = null;
        LocalDate since = null;
        for (Record record : ordered) {
            if (record.move() == Move.ADMISSION) {
                if (cluster == null) {
                    cluster = record.clusterId();
                    since = record.effectiveFrom();
                } else if (!cluster.equals(record.clusterId()) && overlap == null) {
                    overlap = record; // joining a second cluster while still in the first
                }
            } else if (cluster != null) {
                periods.add(new Period(cluster, since, record.effectiveFrom()));
                cluster = null;
                since = null;
            }
        }
        if (cluster != null) {
            periods.add(new Period(cluster, since, null));
        }
        return new MembershipTimeline(List.copyOf(periods), Optional.ofNullable(overlap));
    }

    public List<Period> periods() {
        return periods;
    }

    /** The first admission that would put the urban area in two clusters at once, if any. */
    public Optional<Record> overlap() {
        return overlap;
    }

    public Optional<String> clusterOn(LocalDate date) {
        return periods.stream().filter(period -> period.covers(date)).map(Period::clusterId).findFirst();
    }

    /** Whether any membership period reaches the given day or later. */
    public boolean memberOnOrAfter(LocalDate date) {
        return periods.stream().anyMatch(period -> period.until() == null || period.until().isAfter(date));
    }
}
