package org.giaoban.competition.round;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;
import static org.giaoban.competition.round.RoundTest.CONFERENCE;
import static org.giaoban.competition.round.RoundTest.ELEVEN;
import static org.giaoban.competition.round.RoundTest.HA_GIANG;
import static org.giaoban.competition.round.RoundTest.HOA_BINH;
import static org.giaoban.competition.round.RoundTest.LAI_CHAU;
import static org.giaoban.competition.round.RoundTest.OPENED;
import static org.giaoban.competition.round.RoundTest.PLANNED;
import static org.giaoban.competition.round.RoundTest.ROUND;
import static org.giaoban.competition.round.RoundTest.SA_PA;
import static org.giaoban.competition.round.RoundTest.TAY_BAC;
import static org.giaoban.competition.round.RoundTest.THEME_2024;
import static org.giaoban.competition.round.RoundTest.TUYEN_QUANG;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.assertj.core.util.introspection.FieldSupport;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.Serializer;
import org.giaoban.competition.CompetitionServiceTestBase;
import org.giaoban.competition.Ref;
import org.giaoban.competition.round.RoundEvents.BallotCast;
import org.giaoban.competition.round.RoundEvents.MotionDecided;
import org.giaoban.competition.round.RoundEvents.MotionTabled;
import org.giaoban.competition.round.RoundEvents.MotionWithdrawn;
import org.giaoban.competition.round.RoundEvents.NextHostSelected;
import org.giaoban.competition.round.RoundEvents.NextLeaderChosen;
import org.giaoban.competition.round.RoundEvents.NextThemeAdopted;
import org.giaoban.competition.round.RoundEvents.Nomination;
import org.giaoban.competition.round.RoundEvents.NominationDecided;
import org.giaoban.competition.round.RoundEvents.NominationForwarded;
import org.giaoban.competition.round.RoundEvents.NominationProposed;
import org.giaoban.competition.round.RoundEvents.RoundAmended;
import org.giaoban.competition.round.RoundEvents.RoundConcluded;
import org.giaoban.competition.round.RoundEvents.ScoreRecorded;
import org.giaoban.competition.round.RoundEvents.SecretBallotCast;
import org.giaoban.competition.round.Vocabulary.Award;
import org.giaoban.competition.round.Vocabulary.Decision;
import org.giaoban.competition.round.Vocabulary.MotionKind;
import org.giaoban.competition.round.Vocabulary.MotionState;
import org.giaoban.competition.round.Vocabulary.RecordedBy;
import org.giaoban.competition.round.Vocabulary.Vote;
import org.giaoban.competition.round.Vocabulary.VoteMethod;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A round written as a snapshot and read back by the serializer the service's event store writes snapshots with is the
 * same round, field by field: a field the snapshot does not carry, or carries wrongly, fails here.
 */
class RoundSnapshotTest extends CompetitionServiceTestBase {

    /** The amended rules: two criteria, one with a maximum of scale 1, and a quota of the round's own. */
    static final Rules AMENDED_RULES = Rules.of(new Rules("Nghị định 91/2017/NĐ-CP", VoteMethod.OPEN, new BigDecimal("0.50"),
            Map.of(Award.MINISTRY_MERIT, new BigDecimal("0.25")), false,
            List.of(new Rules.Criterion("Xanh", new BigDecimal("40")), new Rules.Criterion("Sạch", new BigDecimal("30.5")))));

    @Autowired
    private EventStorageEngine storage;
    @Autowired
    private Serializer generalSerializer;

    @Test
    void aRoundInTheMiddleOfItsVotingReadsBackAsItWas() {
        Round round = Sourcing.round(ROUND, midVote());
        assertThat(round).extracting("state").isEqualTo(Vocabulary.RoundState.OPEN);
        assertThat(round).extracting("motions").asInstanceOf(MAP).hasSize(7);

        assertReadsBackAsItWas(round);
    }

    @Test
    void aConcludedRoundWithItsProposalsReadsBackAsItWas() {
        Round round = Sourcing.round(ROUND, concluded());
        // Every field holds something, so that each is compared below (add a field: give it a value in the history).
        assertThat(round).hasNoNullFieldsOrProperties();
        assertThat(round).extracting("proposals").asInstanceOf(MAP).hasSize(2);

        assertReadsBackAsItWas(round);
    }

    @Test
    void snapshotsAreWrittenByASerializerOfTheirOwnUnderTheRoundsRevision() {
        Serializer snapshots = snapshotSerializer();
        assertThat(snapshots).isNotSameAs(generalSerializer);
        SerializedObject<byte[]> snapshot = snapshots.serialize(Sourcing.round(ROUND, midVote()), byte[].class);
        assertThat(snapshot.getType().getName()).isEqualTo(Round.class.getName());
        assertThat(snapshot.getType().getRevision()).isEqualTo("2");
    }

    /**
     * What a snapshot of revision 2 holds: the fields of Round and of everything in them (revision 1: no {@code sealed}
     * ballots of a motion, a SECRET round's votes kept in the clear). Stored snapshots are read into
     * these classes; when this list changes, so must the revision on {@link Round} (the old snapshots are then ignored
     * and the rounds rebuilt from their events), and this list with it.
     */
    @Test
    void theShapeOfASnapshotIsThatOfItsRevision() {
        assertThat(Round.class.getAnnotation(Revision.class).value())
                .as("the revision of Round's snapshots").isEqualTo("2");
        assertThat(shapeOf(Round.class)).as("Round's fields changed: raise @Revision on Round, then update this list")
                .containsExactly(
                        "Round: streamId String, roundId String, plan RoundCommands.Plan, state Vocabulary.RoundState,"
                                + " rosterDate LocalDate, participants Map<String, Ref>, scores Map<String, BigDecimal>,"
                                + " motions Map<String, Round.Motion>, proposals Map<String, Round.Proposal>, nextHost Ref,"
                                + " nextLeader Ref, nextTheme String",
                        "RoundCommands.Plan: cluster Ref, year int, movement String, theme String, host Ref, leader Ref,"
                                + " conferenceDate LocalDate, venue String, workshopTopic String, rules Rules",
                        "Ref: id String, name String",
                        "Rules: legalBasis String, voteMethod Vocabulary.VoteMethod, approvalThreshold BigDecimal,"
                                + " quotas Map<Vocabulary.Award, BigDecimal>, hostMayRepeat boolean, criteria List<Rules.Criterion>",
                        "Rules.Criterion: name String, maxPoints BigDecimal",
                        "Round.Motion: id String, kind Vocabulary.MotionKind, candidate Ref, award Vocabulary.Award, theme String,"
                                + " state Vocabulary.MotionState, ballots Map<String, Vocabulary.Vote>, sealed Map<String, String>",
                        "Round.Proposal: award Vocabulary.Award, status Vocabulary.NominationStatus,"
                                + " forwardedReference String, decisionReference String");
    }

    /** A SECRET round in the middle of its voting: its snapshot holds the sealed ballots, no vote. */
    @Test
    void aSecretRoundInTheMiddleOfItsVotingReadsBackSealed() {
        BallotBox box = new BallotBox(new KeysInMemory());
        List<Object> events = new ArrayList<>(List.of(SecretBallotsTest.SECRET_PLANNED, OPENED, SecretBallotsTest.M1));
        Vote[] votes = Vote.values();
        for (int i = 0; i < 9; i++) {
            String voter = ELEVEN.get(i).id();
            events.add(new SecretBallotCast(ROUND, "m1", voter, box.seal(ROUND, "m1", voter, votes[i % 3]), i + 1));
        }
        events.add(new SecretBallotCast(ROUND, "m1", "hoa-binh", box.seal(ROUND, "m1", "hoa-binh", Vote.REJECT), 9));
        Round round = Sourcing.round(ROUND, events);
        assertThat(round).extracting("motions").asInstanceOf(MAP).extractingByKey("m1").extracting("sealed").asInstanceOf(MAP)
                .hasSize(9);

        assertReadsBackAsItWas(round);
        String json = new String(snapshotSerializer().serialize(round, byte[].class).getData(), UTF_8);
        assertThat(json).contains(((SecretBallotCast) events.get(events.size() - 1)).sealedVote())
                .doesNotContain("APPROVE", "REJECT", "ABSTAIN");
    }

    private void assertReadsBackAsItWas(Round round) {
        Serializer snapshots = snapshotSerializer();
        SerializedObject<byte[]> snapshot = snapshots.serialize(round, byte[].class);
        Round read = snapshots.deserialize(snapshot);

        assertThat(read).usingRecursiveComparison().isEqualTo(round);
        // The order of the participants, motions and proposals is state too (the order of the lists of the conclusion).
        for (String ordered : List.of("participants", "motions", "proposals")) {
            assertThat(keysOf(read, ordered)).as(ordered).containsExactlyElementsOf(keysOf(round, ordered));
        }
        // Written again, it is the same JSON.
        assertThat(new String(snapshots.serialize(read, byte[].class).getData(), UTF_8))
                .isEqualTo(new String(snapshot.getData(), UTF_8));
    }

    private static List<Object> keysOf(Round round, String mapField) {
        return List.copyOf(((Map<?, ?>) FieldSupport.EXTRACTION.fieldValue(mapField, Map.class, round)).keySet());
    }

    private Serializer snapshotSerializer() {
        return ((AbstractEventStorageEngine) storage).getSnapshotSerializer();
    }

    // ---- the 2023 Northwest round, as its events tell it ---------------------------------------------------------

    /**
     * Planned, amended, opened with its 11 participants, scored (a score replaced), six motions decided or withdrawn
     * (ballots changed, one recorded by the coordinator), two nominations carried, the next host and leader chosen, and
     * the theme motion open with some of its ballots in.
     */
    static List<Object> midVote() {
        List<Object> events = new ArrayList<>();
        events.add(PLANNED);
        events.add(new RoundAmended(ROUND, TAY_BAC, 2023, PLANNED.movement(), PLANNED.theme(), SA_PA, TUYEN_QUANG, CONFERENCE,
                "Quảng trường Sa Pa", "Đô thị thông minh", AMENDED_RULES));
        events.add(OPENED);
        events.add(new ScoreRecorded(ROUND, "sa-pa", "Xanh", new BigDecimal("30")));
        events.add(new ScoreRecorded(ROUND, "lai-chau", "Sạch", new BigDecimal("18.25")));
        events.add(new ScoreRecorded(ROUND, "sa-pa", "Xanh", new BigDecimal("35.50")));

        decided(events, tabled("m1", MotionKind.NOMINATION, LAI_CHAU, Award.MINISTRY_MERIT, null), 7, "hoa-binh", MotionState.CARRIED);
        events.add(new NominationProposed(ROUND, TAY_BAC, 2023, LAI_CHAU, Award.MINISTRY_MERIT, 6, 11));
        MotionTabled m2 = tabled("m2", MotionKind.NOMINATION, TUYEN_QUANG, Award.ASSOCIATION_COMMENDATION, null);
        events.add(m2);
        events.add(ballot("m2", "son-la", Vote.APPROVE, RecordedBy.DELEGATE));
        events.add(new MotionWithdrawn(ROUND, "m2"));
        decided(events, tabled("m3", MotionKind.NOMINATION, HA_GIANG, Award.ASSOCIATION_COMMENDATION, null), 9, null, MotionState.CARRIED);
        events.add(new NominationProposed(ROUND, TAY_BAC, 2023, HA_GIANG, Award.ASSOCIATION_COMMENDATION, 9, 11));
        decided(events, tabled("m4", MotionKind.NEXT_HOST, LAI_CHAU, null, null), 8, "yen-bai", MotionState.CARRIED);
        events.add(new NextHostSelected(ROUND, "tay-bac", 2024, LAI_CHAU));
        decided(events, tabled("m5", MotionKind.NEXT_LEADER, HOA_BINH, null, null), 4, null, MotionState.NOT_CARRIED);
        decided(events, tabled("m6", MotionKind.NEXT_LEADER, HA_GIANG, null, null), 11, "dien-bien-phu", MotionState.CARRIED);
        events.add(new NextLeaderChosen(ROUND, "tay-bac", 2024, HA_GIANG));

        events.add(tabled("m7", MotionKind.NEXT_THEME, null, null, THEME_2024));
        events.add(ballot("m7", "sa-pa", Vote.APPROVE, RecordedBy.DELEGATE));
        events.add(ballot("m7", "lai-chau", Vote.REJECT, RecordedBy.COORDINATOR));
        events.add(ballot("m7", "son-la", Vote.ABSTAIN, RecordedBy.DELEGATE));
        events.add(ballot("m7", "lai-chau", Vote.APPROVE, RecordedBy.DELEGATE));
        return events;
    }

    /** {@link #midVote()}, then the theme carried, the round concluded, one proposal awarded and one forwarded. */
    static List<Object> concluded() {
        List<Object> events = midVote();
        ELEVEN.stream().skip(2).forEach(p -> events.add(ballot("m7", p.id(), Vote.APPROVE, RecordedBy.DELEGATE)));
        events.add(new MotionDecided(ROUND, "m7", MotionKind.NEXT_THEME, null, null, THEME_2024, 10, 0, 1, 11, MotionState.CARRIED,
                "threshold-met"));
        events.add(new NextThemeAdopted(ROUND, "tay-bac", 2024, THEME_2024));
        events.add(new RoundConcluded(ROUND, TAY_BAC, 2023, PLANNED.movement(), PLANNED.theme(), CONFERENCE, "Quảng trường Sa Pa",
                "Đô thị thông minh", SA_PA, TUYEN_QUANG, ELEVEN, List.of(new Nomination(LAI_CHAU, Award.MINISTRY_MERIT),
                new Nomination(HA_GIANG, Award.ASSOCIATION_COMMENDATION)), LAI_CHAU, HA_GIANG, THEME_2024, LAI_CHAU, "tay-bac-2024",
                AMENDED_RULES));
        events.add(new NominationForwarded(ROUND, "lai-chau", Award.MINISTRY_MERIT, "Tờ trình 45/TTr-HHĐT"));
        events.add(new NominationDecided(ROUND, "lai-chau", Award.MINISTRY_MERIT, Decision.AWARDED, "QĐ 123/QĐ-BXD"));
        events.add(new NominationForwarded(ROUND, "ha-giang", Award.ASSOCIATION_COMMENDATION, "Tờ trình 46/TTr-HHĐT"));
        return events;
    }

    private static MotionTabled tabled(String motionId, MotionKind kind, Ref candidate, Award award, String theme) {
        return new MotionTabled(ROUND, motionId, kind, candidate, award, theme);
    }

    private static BallotCast ballot(String motionId, String urbanAreaId, Vote vote, RecordedBy recordedBy) {
        return new BallotCast(ROUND, motionId, urbanAreaId, vote, recordedBy, false);
    }

    /** The first {@code approvals} participants approve, {@code turncoat} (if any) then rejects instead, and it is decided. */
    private static void decided(List<Object> events, MotionTabled motion, int approvals, String turncoat, MotionState outcome) {
        events.add(motion);
        ELEVEN.stream().limit(approvals).forEach(p -> events.add(ballot(motion.motionId(), p.id(), Vote.APPROVE,
                p.equals(SA_PA) ? RecordedBy.COORDINATOR : RecordedBy.DELEGATE)));
        int rejections = 0;
        if (turncoat != null) {
            events.add(ballot(motion.motionId(), turncoat, Vote.REJECT, RecordedBy.DELEGATE));
            rejections = 1;
        }
        events.add(new MotionDecided(ROUND, motion.motionId(), motion.kind(), motion.candidate(), motion.award(), motion.theme(),
                approvals - rejections, rejections, 0, 11, outcome, outcome == MotionState.CARRIED ? "threshold-met" : "below-threshold"));
    }

    // ---- the shape of a snapshot ---------------------------------------------------------------------------------

    /** Each class of the service reachable from {@code root}'s fields, with its fields (instance fields, in order). */
    private static List<String> shapeOf(Class<?> root) {
        Map<Class<?>, String> shapes = new LinkedHashMap<>();
        collect(root, shapes);
        return List.copyOf(shapes.values());
    }

    private static void collect(Type type, Map<Class<?>, String> shapes) {
        if (type instanceof ParameterizedType parameterized) {
            Arrays.stream(parameterized.getActualTypeArguments()).forEach(argument -> collect(argument, shapes));
            return;
        }
        if (!(type instanceof Class<?> c) || c.isEnum() || !c.getName().startsWith("org.giaoban.") || shapes.containsKey(c)) {
            return;
        }
        List<Field> fields = Arrays.stream(c.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()).toList();
        shapes.put(c, name(c) + ": " + fields.stream().map(f -> f.getName() + " " + name(f.getGenericType()))
                .collect(Collectors.joining(", ")));
        fields.forEach(f -> collect(f.getGenericType(), shapes));
    }

    /** A type's name without its packages: {@code Map<String, Round.Motion>}. */
    private static String name(Type type) {
        return type.getTypeName().replaceAll("\\b[a-z][a-z0-9_]*\\.", "").replace('$', '.').replace(",", ", ").replace(",  ", ", ");
    }
}
