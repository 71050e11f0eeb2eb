package org.giaoban.competition.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.giaoban.competition.MembershipFeed.CONFERENCE_2023;
import static org.giaoban.competition.MembershipFeed.TAY_BAC;

import java.time.LocalDate;
import java.util.List;

import org.giaoban.competition.CompetitionServiceTestBase;
import org.giaoban.competition.Ref;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The replica tells the Northwest cluster's story as the membership service published it. */
class NorthwestRosterReplicaTest extends CompetitionServiceTestBase {

    @BeforeEach
    void northwest() {
        givenTheNorthwestCluster();
    }

    @Test
    void elevenMembersOnTheDayOfThe2023ConferenceInVietnameseOrderWithTheirNames() {
        // Vietnamese order: "Thành phố ..." before "Thị xã ...", and Đ (after D) before H.
        assertThat(roster.membersOn(TAY_BAC, CONFERENCE_2023)).containsExactly(
                new Ref("dien-bien-phu", "Thành phố Điện Biên Phủ"),
                new Ref("ha-giang", "Thành phố Hà Giang"),
                new Ref("hoa-binh", "Thành phố Hòa Bình"),
                new Ref("lai-chau", "Thành phố Lai Châu"),
                new Ref("lao-cai", "Thành phố Lào Cai"),
                new Ref("son-la", "Thành phố Sơn La"),
                new Ref("tuyen-quang", "Thành phố Tuyên Quang"),
                new Ref("yen-bai", "Thành phố Yên Bái"),
                new Ref("muong-lay", "Thị xã Mường Lay"),
                new Ref("nghia-lo", "Thị xã Nghĩa Lộ"),
                new Ref("sa-pa", "Thị xã Sa Pa"));
    }

    @Test
    void vietTriWasAMemberIn2018ButNotIn2023AndSaPaTheOtherWayRound() {
        assertThat(ids(roster.membersOn(TAY_BAC, LocalDate.of(2018, 6, 1))))
                .contains("viet-tri").doesNotContain("sa-pa").hasSize(11);
        assertThat(ids(roster.membersOn(TAY_BAC, CONFERENCE_2023))).doesNotContain("viet-tri").contains("sa-pa");
    }

    @Test
    void withdrawalAndAdmissionDatesAreHalfOpen() {
        assertThat(ids(roster.membersOn(TAY_BAC, LocalDate.of(2019, 12, 31)))).contains("viet-tri").doesNotContain("sa-pa");
        assertThat(ids(roster.membersOn(TAY_BAC, LocalDate.of(2020, 1, 1)))).doesNotContain("viet-tri").contains("sa-pa");
        assertThat(roster.membersOn(TAY_BAC, LocalDate.of(2009, 12, 31))).isEmpty();
    }

    @Test
    void yenBaiCityLeavesTheRosterWhenItIsDissolvedOnFirstJuly2025() {
        assertThat(ids(roster.membersOn(TAY_BAC, LocalDate.of(2025, 6, 30)))).contains("yen-bai").hasSize(11);
        assertThat(ids(roster.membersOn(TAY_BAC, LocalDate.of(2025, 7, 1)))).doesNotContain("yen-bai");
        assertThat(ids(roster.membersOn(TAY_BAC, LocalDate.of(2025, 7, 2)))).doesNotContain("yen-bai").hasSize(10);
    }

    @Test
    void clusterAndUrbanAreaNames() {
        assertThat(roster.clusterName(TAY_BAC)).contains("Cụm các đô thị vùng Tây Bắc");
        assertThat(roster.urbanAreaName("yen-bai", CONFERENCE_2023)).contains("Thành phố Yên Bái");
        assertThat(roster.urbanAreaName("au-lau", LocalDate.of(2025, 7, 2))).contains("Phường Âu Lâu");
        assertThat(roster.clusterName("no-such-cluster")).isEmpty();
        assertThat(roster.urbanAreaName("no-such-urban-area", CONFERENCE_2023)).isEmpty();
        assertThat(roster.membersOn("no-such-cluster", CONFERENCE_2023)).isEmpty();
    }

    @Test
    void publishingTheNorthwestAgainIsARedeliveryThatChangesNothing() {
        List<Ref> before = roster.membersOn(TAY_BAC, CONFERENCE_2023);
        long rows = replicaRows();
        long handled = handledMessages();

        givenTheNorthwestCluster();

        assertThat(replicaRows()).isEqualTo(rows);
        assertThat(handledMessages()).isEqualTo(handled);
        assertThat(roster.membersOn(TAY_BAC, CONFERENCE_2023)).isEqualTo(before);
    }

    private long replicaRows() {
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM roster_replica_cluster) + (SELECT count(*) FROM roster_replica_urban_area_name)
                             + (SELECT count(*) FROM roster_replica_membership_record)""")
                .query(Long.class).single();
    }

    private long handledMessages() {
        return jdbc.sql("SELECT count(*) FROM processed_message WHERE consumer = 'competition-rosters'").query(Long.class).single();
    }

    static List<String> ids(List<Ref> members) {
        return members.stream().map(Ref::id).toList();
    }
}
