package org.giaoban.membership.urbanarea;

import static org.giaoban.testsupport.Refusal.refusedWith;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.giaoban.membership.Outcome;
import org.giaoban.membership.urbanarea.UrbanAreaCommands.AdmitMember;
import org.giaoban.membership.urbanarea.UrbanAreaCommands.RegisterUrbanArea;
import org.giaoban.membership.urbanarea.UrbanAreaCommands.ReorganiseUrbanArea;
import org.giaoban.membership.urbanarea.UrbanAreaCommands.WithdrawMember;
import org.giaoban.membership.urbanarea.UrbanAreaEvents.Attributes;
import org.giaoban.membership.urbanarea.UrbanAreaEvents.MemberAdmitted;
import org.giaoban.membership.urbanarea.UrbanAreaEvents.MemberWithdrawn;
import org.giaoban.membership.urbanarea.UrbanAreaEvents.UrbanAreaRegistered;
import org.giaoban.membership.urbanarea.UrbanAreaEvents.UrbanAreaReorganised;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The urban area's rules, given its recorded history, when an operator records something new. */
class UrbanAreaTest {

    private static final String YEN_BAI = "yen-bai";
    private static final UrbanAreaRegistered REGISTERED =
            new UrbanAreaRegistered(YEN_BAI, "Thành phố Yên Bái", UrbanAreaKind.CITY, "Yên Bái", null);
    private static final LocalDate JULY_2025 = LocalDate.of(2025, 7, 1);

    private FixtureConfiguration<UrbanArea> fixture;

    record KnownIds(Set<String> clusters, Set<String> urbanAreas) implements Registry {
        @Override
        public boolean clusterExists(String clusterId) {
            return clusters.contains(clusterId);
        }

        @Override
        public boolean urbanAreaExists(String urbanAreaId) {
            return urbanAreas.contains(urbanAreaId);
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UrbanArea.class);
        fixture.registerInjectableResource(new KnownIds(Set.of("tay-bac", "dong-bac"), Set.of(YEN_BAI, "au-lau")));
    }

    private static MemberAdmitted admitted(String cluster, String from) {
        return new MemberAdmitted(YEN_BAI, cluster, LocalDate.parse(from));
    }

    @Test
    void registeringCreatesTheUrbanAreaWithItsNameInNfc() {
        String decomposed = java.text.Normalizer.normalize("Thành phố Yên Bái", java.text.Normalizer.Form.NFD);
        fixture.givenNoPriorActivity()
                .when(new RegisterUrbanArea(YEN_BAI, decomposed, UrbanAreaKind.CITY, " Yên Bái ", null))
                .expectEvents(REGISTERED)
                .expectResultMessagePayload(Outcome.RECORDED);
    }

    @Test
    void registeringAgainWithTheOtherToneMarkPlacementChangesNothing() {
        fixture.given(new UrbanAreaRegistered("hoa-binh", "Thành phố Hòa Bình", UrbanAreaKind.CITY, "Hòa Bình", null))
                .when(new RegisterUrbanArea("hoa-binh", "Thành phố Hoà Bình", UrbanAreaKind.CITY, "Hoà Bình", null))
                .expectNoEvents()
                .expectResultMessagePayload(Outcome.UNCHANGED);
    }

    @Test
    void registeringTheSameIdWithOtherDetailsIsAConflict() {
        fixture.given(REGISTERED)
                .when(new RegisterUrbanArea(YEN_BAI, "Thành phố Yên Bái", UrbanAreaKind.TOWN, "Yên Bái", null))
                .expectException(refusedWith("urban-area-exists"))
                .expectNoEvents();
    }

    @Test
    void aBlankNameIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUrbanArea(YEN_BAI, "  ", UrbanAreaKind.CITY, "Yên Bái", null))
                .expectException(refusedWith("blank-name"));
    }

    @Test
    void admissionToAFormedCluster() {
        fixture.given(REGISTERED)
                .when(new AdmitMember(YEN_BAI, "tay-bac", LocalDate.parse("2015-01-01")))
                .expectEvents(admitted("tay-bac", "2015-01-01"));
    }

    /** Issue 12: a date a read model cannot hold ("+10000000-01-01") once stalled the rosters; the registry refuses it. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"+10000000-01-01", "1899-12-31", "2101-01-01", "-0001-01-01"})
    void datesOutsideTheDomainsRangeAreRefused(String date) {
        LocalDate day = LocalDate.parse(date);
        fixture.given(REGISTERED)
                .when(new AdmitMember(YEN_BAI, "tay-bac", day))
                .expectException(refusedWith("date-out-of-range"))
                .expectNoEvents();
        fixture.given(REGISTERED, admitted("tay-bac", "2015-01-01"))
                .when(new WithdrawMember(YEN_BAI, day, "Rút khỏi cụm"))
                .expectException(refusedWith("date-out-of-range"))
                .expectNoEvents();
        fixture.given(REGISTERED)
                .when(new ReorganiseUrbanArea(YEN_BAI, day, "Thành phố Yên Bình", null, null, null, List.of(), "Đổi tên"))
                .expectException(refusedWith("date-out-of-range"))
                .expectNoEvents();
    }

    @Test
    void theFirstAndLastDaysOfTheRangeAreDates() {
        fixture.given(REGISTERED)
                .when(new AdmitMember(YEN_BAI, "tay-bac", LocalDate.of(1900, 1, 1)))
                .expectEvents(admitted("tay-bac", "1900-01-01"));
        fixture.given(REGISTERED)
                .when(new AdmitMember(YEN_BAI, "tay-bac", LocalDate.of(2100, 12, 31)))
                .expectEvents(admitted("tay-bac", "2100-12-31"));
    }

    @Test
    void admissionToAnUnknownClusterIsRefused() {
        fixture.given(REGISTERED)
                .when(new AdmitMember(YEN_BAI, "nam-bo", LocalDate.parse("2015-01-01")))
                .expectException(refusedWith("unknown-cluster"));
    }

    @Test
    void anUrbanAreaIsNeverInTwoClustersOnOneDay() {
        fixture.given(REGISTERED, admitted("tay-bac", "2015-01-01"))
                .when(new AdmitMember(YEN_BAI, "dong-bac", LocalDate.parse("2023-01-01")))
                .expectException(refusedWith("member-of-another-cluster"))
                .expectNoEvents();
    }

    @Test
    void aBackDatedAdmissionThatWouldRunIntoALaterMembershipIsRefused() {
        fixture.given(REGISTERED, admitted("dong-bac", "2024-01-01"))
                .when(new AdmitMember(YEN_BAI, "tay-bac", LocalDate.parse("2020-01-01")))
                .expectException(refusedWith("member-of-another-cluster"));
    }

    @Test
    void aBackDatedAdmissionBeforeAClosedPeriodIsFine() {
        fixture.given(REGISTERED, admitted("tay-bac", "2010-01-01"),
                        new MemberWithdrawn(YEN_BAI, "tay-bac", LocalDate.parse("2020-01-01"), "left"))
                .when(new AdmitMember(YEN_BAI, "dong-bac", LocalDate.parse("2020-01-01")))
                .expectEvents(admitted("dong-bac", "2020-01-01"));
    }

    @Test
    void repeatingAnAdmissionChangesNothing() {
        fixture.given(REGISTERED, admitted("tay-bac", "2015-01-01"))
                .when(new AdmitMember(YEN_BAI, "tay-bac", LocalDate.parse("2015-01-01")))
                .expectNoEvents()
                .expectResultMessagePayload(Outcome.UNCHANGED);
    }

    @Test
    void withdrawalEndsTheMembershipOfTheDayBefore() {
        fixture.given(REGISTERED, admitted("tay-bac", "2010-01-01"))
                .when(new WithdrawMember(YEN_BAI, LocalDate.parse("2020-01-01"), "không còn trong danh sách"))
                .expectEvents(new MemberWithdrawn(YEN_BAI, "tay-bac", LocalDate.parse("2020-01-01"), "không còn trong danh sách"));
    }

    @Test
    void aNonMemberCannotWithdraw() {
        fixture.given(REGISTERED)
                .when(new WithdrawMember(YEN_BAI, LocalDate.parse("2020-01-01"), "x"))
                .expectException(refusedWith("not-a-member"));
    }

    @Test
    void dissolutionEndsTheMembershipThatDay() {
        fixture.given(REGISTERED, admitted("tay-bac", "2015-01-01"))
                .when(new ReorganiseUrbanArea(YEN_BAI, JULY_2025, null, null, "Lào Cai", null, List.of("au-lau"), "sắp xếp 2025"))
                .expectEvents(
                        new UrbanAreaReorganised(YEN_BAI, "tay-bac", JULY_2025, new Attributes(null, null, "Lào Cai", null),
                                new Attributes("Thành phố Yên Bái", UrbanAreaKind.CITY, "Lào Cai", null), List.of("au-lau"), "sắp xếp 2025"),
                        new MemberWithdrawn(YEN_BAI, "tay-bac", JULY_2025, MemberWithdrawn.DISSOLVED));
    }

    @Test
    void nothingCanBeAdmittedOnOrAfterTheDissolution() {
        fixture.given(REGISTERED, admitted("tay-bac", "2015-01-01"), dissolvedIntoAuLau(),
                        new MemberWithdrawn(YEN_BAI, "tay-bac", JULY_2025, MemberWithdrawn.DISSOLVED))
                .when(new AdmitMember(YEN_BAI, "dong-bac", JULY_2025))
                .expectException(refusedWith("urban-area-dissolved"));
    }

    @Test
    void aLateRecordOfAnEarlierMembershipStillEndsAtTheDissolution() {
        fixture.given(REGISTERED, dissolvedIntoAuLau())
                .when(new AdmitMember(YEN_BAI, "tay-bac", LocalDate.parse("2015-01-01")))
                .expectEvents(admitted("tay-bac", "2015-01-01"),
                        new MemberWithdrawn(YEN_BAI, "tay-bac", JULY_2025, MemberWithdrawn.DISSOLVED));
    }

    @Test
    void aDissolutionBeforeARecordedAdmissionIsRefused() {
        fixture.given(REGISTERED, admitted("tay-bac", "2026-01-01"))
                .when(new ReorganiseUrbanArea(YEN_BAI, JULY_2025, null, null, null, null, List.of("au-lau"), "x"))
                .expectException(refusedWith("membership-after-dissolution"));
    }

    @Test
    void successorsMustBeRegistered() {
        fixture.given(REGISTERED)
                .when(new ReorganiseUrbanArea(YEN_BAI, JULY_2025, null, null, null, null, List.of("nowhere"), "x"))
                .expectException(refusedWith("unknown-successor"));
    }

    @Test
    void aRenameTakesTheOtherAttributesInForceThatDay() {
        fixture.given(REGISTERED)
                .when(new ReorganiseUrbanArea(YEN_BAI, LocalDate.parse("2020-01-01"), "Thành phố Yên Bình", null, null,
                        UrbanClass.III, null, "đổi tên"))
                .expectEvents(new UrbanAreaReorganised(YEN_BAI, null, LocalDate.parse("2020-01-01"),
                        new Attributes("Thành phố Yên Bình", null, null, UrbanClass.III),
                        new Attributes("Thành phố Yên Bình", UrbanAreaKind.CITY, "Yên Bái", UrbanClass.III), List.of(), "đổi tên"));
    }

    private static UrbanAreaReorganised dissolvedIntoAuLau() {
        return new UrbanAreaReorganised(YEN_BAI, null, JULY_2025, new Attributes(null, null, null, null),
                REGISTERED.attributes(), List.of("au-lau"), "sắp xếp 2025");
    }
}
