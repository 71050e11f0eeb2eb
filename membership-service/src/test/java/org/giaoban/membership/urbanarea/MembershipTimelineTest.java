package org.giaoban.membership.urbanarea;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.giaoban.membership.urbanarea.MembershipTimeline.Move;
import org.giaoban.membership.urbanarea.MembershipTimeline.Period;
import org.giaoban.membership.urbanarea.MembershipTimeline.Record;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class MembershipTimelineTest {

    private static Record in(String cluster, String from, long order) {
        return new Record("e" + order, Move.ADMISSION, cluster, LocalDate.parse(from), order);
    }

    private static Record out(String from, long order) {
        return new Record("e" + order, Move.EXIT, null, LocalDate.parse(from), order);
    }

    @RepeatedTest(5)
    void periodsDoNotDependOnTheOrderOfRecording() {
        List<Record> records = new ArrayList<>(List.of(in("tay-bac", "2010-01-01", 1), out("2020-01-01", 2),
                in("dong-bac", "2020-01-01", 3), out("2025-07-01", 4)));
        Collections.shuffle(records);

        MembershipTimeline timeline = MembershipTimeline.of(records);

        assertThat(timeline.periods()).containsExactly(
                new Period("tay-bac", LocalDate.parse("2010-01-01"), LocalDate.parse("2020-01-01")),
                new Period("dong-bac", LocalDate.parse("2020-01-01"), LocalDate.parse("2025-07-01")));
        assertThat(timeline.overlap()).isEmpty();
    }

    @Test
    void periodsAreHalfOpen() {
        MembershipTimeline timeline = MembershipTimeline.of(List.of(in("tay-bac", "2015-01-01", 1), out("2025-07-01", 2)));

        assertThat(timeline.clusterOn(LocalDate.parse("2015-01-01"))).contains("tay-bac");
        assertThat(timeline.clusterOn(LocalDate.parse("2025-06-30"))).contains("tay-bac");
        assertThat(timeline.clusterOn(LocalDate.parse("2025-07-01"))).isEmpty();
        assertThat(timeline.clusterOn(LocalDate.parse("2014-12-31"))).isEmpty();
    }

    @Test
    void joiningASecondClusterWithoutLeavingTheFirstIsAnOverlap() {
        MembershipTimeline timeline = MembershipTimeline.of(List.of(in("tay-bac", "2015-01-01", 1), in("dong-bac", "2020-01-01", 2)));

        assertThat(timeline.overlap()).map(Record::clusterId).contains("dong-bac");
        assertThat(timeline.clusterOn(LocalDate.parse("2021-01-01"))).contains("tay-bac");
    }

    @Test
    void aWayOutWithoutMembershipChangesNothing() {
        MembershipTimeline timeline = MembershipTimeline.of(List.of(out("2010-01-01", 1), in("tay-bac", "2015-01-01", 2)));

        assertThat(timeline.periods()).containsExactly(new Period("tay-bac", LocalDate.parse("2015-01-01"), null));
        assertThat(timeline.memberOnOrAfter(LocalDate.parse("2030-01-01"))).isTrue();
    }
}
