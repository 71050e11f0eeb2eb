package org.giaoban.competition.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.giaoban.competition.MembershipFeed.uniqueId;
import static org.giaoban.competition.roster.NorthwestRosterReplicaTest.ids;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.giaoban.competition.CompetitionServiceTestBase;
import org.giaoban.competition.Ref;
import org.giaoban.contracts.membership.ClusterFormed;
import org.giaoban.contracts.membership.ClusterRenamed;
import org.giaoban.contracts.membership.MemberAdmitted;
import org.giaoban.contracts.membership.MemberWithdrawn;
import org.giaoban.contracts.membership.MembershipRecordRetracted;
import org.giaoban.contracts.membership.UrbanAreaRegistered;
import org.giaoban.contracts.membership.UrbanAreaReorganised;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the replica takes membership records: duplicates, retractions, dates, ties on one date, names over time. */
class RosterReplicaRecordsTest extends CompetitionServiceTestBase {

    private static final LocalDate Y2020 = LocalDate.of(2020, 1, 1);
    private static final LocalDate Y2022 = LocalDate.of(2022, 1, 1);
    private static final LocalDate Y2024 = LocalDate.of(2024, 1, 1);

    /** A cluster and two urban areas of this test alone: the topic and the database are shared by every test. */
    private String cluster;
    private String muongThanh;
    private String namCuong;

    @BeforeEach
    void aClusterOfItsOwn() {
        cluster = uniqueId("cum");
        muongThanh = uniqueId("muong-thanh");
        namCuong = uniqueId("nam-cuong");
        membership.publishAll(
                new ClusterFormed(cluster, "Cụm thử nghiệm", null, null, List.of()),
                new UrbanAreaRegistered(muongThanh, "Thị xã Mường Thanh", "TOWN", "Điện Biên", null),
                new UrbanAreaRegistered(namCuong, "Thành phố Nam Cường", "CITY", "Lào Cai", "III"));
    }

    @Test
    void aDuplicateDeliveryIsAppliedOnce() {
        String admission = membership.publish(new MemberAdmitted(muongThanh, cluster, Y2020));
        awaitRosterCurrent();
        long records = records(muongThanh);

        // The same message again (a redelivery, a re-publication after a crash), then the same ce_id with another
        // body: the ce_id decides, the first delivery stands.
        membership.publish(new MemberAdmitted(muongThanh, cluster, Y2020), admission);
        membership.publish(new MemberAdmitted(muongThanh, cluster, Y2024), admission);
        awaitRosterCurrent();

        assertThat(records(muongThanh)).isEqualTo(records).isEqualTo(1);
        assertThat(ids(roster.membersOn(cluster, Y2022))).containsExactly(muongThanh);
        assertThat(jdbc.sql("SELECT count(*) FROM processed_message WHERE consumer = 'competition-rosters' AND message_id = ?")
                .param(admission).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRetractedAdmissionNoLongerCounts() {
        String admission = membership.publish(new MemberAdmitted(muongThanh, cluster, Y2020));
        membership.publish(new MemberAdmitted(namCuong, cluster, Y2020));
        awaitRosterCurrent();
        assertThat(ids(roster.membersOn(cluster, Y2022))).containsExactlyInAnyOrder(muongThanh, namCuong);

        membership.publish(new MembershipRecordRetracted(muongThanh, admission, "Ghi nhầm"));
        awaitRosterCurrent();

        assertThat(ids(roster.membersOn(cluster, Y2022))).containsExactly(namCuong);
        // History is never rewritten: the record stays, marked retracted.
        assertThat(jdbc.sql("SELECT retracted FROM roster_replica_membership_record WHERE event_id = ?")
                .param(admission).query(Boolean.class).single()).isTrue();
    }

    @Test
    void aRetractedWithdrawalRestoresTheMembership() {
        membership.publish(new MemberAdmitted(muongThanh, cluster, Y2020));
        String withdrawal = membership.publish(new MemberWithdrawn(muongThanh, cluster, Y2022, "Ví dụ"));
        awaitRosterCurrent();
        assertThat(roster.membersOn(cluster, Y2024)).isEmpty();

        membership.publish(new MembershipRecordRetracted(muongThanh, withdrawal, "Ghi nhầm"));
        awaitRosterCurrent();

        assertThat(ids(roster.membersOn(cluster, Y2024))).containsExactly(muongThanh);
    }

    @Test
    void aRecordThatArrivesAfterItsRetractionIsStoredRetracted() {
        // As when the record was parked and is replayed from the dead-letter topic after its retraction was applied.
        String admission = UUID.randomUUID().toString();
        membership.publish(new MembershipRecordRetracted(muongThanh, admission, "Ghi nhầm"));
        membership.publish(new MemberAdmitted(muongThanh, cluster, Y2020), admission);
        awaitRosterCurrent();

        assertThat(roster.membersOn(cluster, Y2022)).isEmpty();
    }

    @Test
    void aMemberAdmittedFromALaterDateIsNotOnAnEarlierRoster() {
        membership.publish(new MemberAdmitted(namCuong, cluster, Y2024)); // recorded ahead (future-dated)
        membership.publish(new MemberAdmitted(muongThanh, cluster, Y2020));
        awaitRosterCurrent();

        assertThat(ids(roster.membersOn(cluster, Y2024.minusDays(1)))).containsExactly(muongThanh);
        assertThat(ids(roster.membersOn(cluster, Y2024))).containsExactlyInAnyOrder(muongThanh, namCuong);
    }

    @Test
    void aBackDatedWithdrawalEndsTheMembershipFromItsDate() {
        membership.publish(new MemberAdmitted(muongThanh, cluster, Y2020));
        awaitRosterCurrent();
        assertThat(ids(roster.membersOn(cluster, Y2024))).containsExactly(muongThanh);

        membership.publish(new MemberWithdrawn(muongThanh, cluster, Y2022, "Ghi muộn"));
        awaitRosterCurrent();

        assertThat(ids(roster.membersOn(cluster, Y2022.minusDays(1)))).containsExactly(muongThanh);
        assertThat(roster.membersOn(cluster, Y2022)).isEmpty();
        assertThat(roster.membersOn(cluster, Y2024)).isEmpty();
    }

    @Test
    void onOneDateTheWayOutIsAppliedBeforeTheWayInWhateverOrderTheyCameIn() {
        String other = uniqueId("cum");
        membership.publish(new ClusterFormed(other, "Cụm khác", null, null, List.of()));
        membership.publish(new MemberAdmitted(muongThanh, cluster, Y2020));
        // A transfer on 2022-01-01: the admission to the other cluster published before the way out of the first.
        membership.publish(new MemberAdmitted(muongThanh, other, Y2022));
        membership.publish(new MemberWithdrawn(muongThanh, cluster, Y2022, "Chuyển cụm"));
        awaitRosterCurrent();

        assertThat(ids(roster.membersOn(cluster, Y2022.minusDays(1)))).containsExactly(muongThanh);
        assertThat(roster.membersOn(other, Y2022.minusDays(1))).isEmpty();
        assertThat(roster.membersOn(cluster, Y2022)).isEmpty();
        assertThat(ids(roster.membersOn(other, Y2022))).containsExactly(muongThanh);
    }

    @Test
    void membersAreNamedAndOrderedAsOnTheDayAsked() {
        membership.publish(new MemberAdmitted(muongThanh, cluster, Y2020));
        membership.publish(new MemberAdmitted(namCuong, cluster, Y2020));
        // From 2022 the town is a city: as "Thị xã Mường Thanh" it came after "Thành phố Nam Cường", as
        // "Thành phố Mường Thanh" it comes before.
        membership.publish(new UrbanAreaReorganised(muongThanh, cluster, Y2022, "Thành phố Mường Thanh", "CITY",
                "Điện Biên", "III", List.of(), "Công nhận thành phố (ví dụ)"));
        awaitRosterCurrent();

        assertThat(roster.membersOn(cluster, Y2020)).containsExactly(
                new Ref(namCuong, "Thành phố Nam Cường"), new Ref(muongThanh, "Thị xã Mường Thanh"));
        assertThat(roster.membersOn(cluster, Y2024)).containsExactly(
                new Ref(muongThanh, "Thành phố Mường Thanh"), new Ref(namCuong, "Thành phố Nam Cường"));
        assertThat(roster.urbanAreaName(muongThanh, Y2022.minusDays(1))).contains("Thị xã Mường Thanh");
        assertThat(roster.urbanAreaName(muongThanh, Y2022)).contains("Thành phố Mường Thanh");
        // A registration carries no date: it names the urban area from the start.
        assertThat(roster.urbanAreaName(muongThanh, LocalDate.of(1990, 1, 1))).contains("Thị xã Mường Thanh");
    }

    @Test
    void aRenamedClusterHasItsNewName() {
        membership.publish(new ClusterRenamed(cluster, "Cụm thử nghiệm (đổi tên)", null, null, List.of()));
        awaitRosterCurrent();

        assertThat(roster.clusterName(cluster)).contains("Cụm thử nghiệm (đổi tên)");
    }

    private long records(String urbanAreaId) {
        return jdbc.sql("SELECT count(*) FROM roster_replica_membership_record WHERE urban_area_id = ?")
                .param(urbanAreaId).query(Long.class).single();
    }
}
