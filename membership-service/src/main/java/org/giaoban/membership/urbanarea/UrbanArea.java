package org.giaoban.membership.urbanarea;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.giaoban.membership.urbanarea.MembershipTimeline.Move;
import org.giaoban.membership.urbanarea.UrbanAreaCommands.AdmitMember;
import org.giaoban.membership.Outcome;
import org.giaoban.membership.urbanarea.UrbanAreaCommands.RegisterUrbanArea;
import org.giaoban.membership.urbanarea.UrbanAreaCommands.ReorganiseUrbanArea;
import org.giaoban.membership.urbanarea.UrbanAreaCommands.RetractRecord;
import org.giaoban.membership.urbanarea.UrbanAreaCommands.WithdrawMember;
import org.giaoban.membership.urbanarea.UrbanAreaEvents.Attributes;
import org.giaoban.membership.urbanarea.UrbanAreaEvents.MemberAdmitted;
import org.giaoban.membership.urbanarea.UrbanAreaEvents.MemberWithdrawn;
import org.giaoban.membership.urbanarea.UrbanAreaEvents.MembershipRecordRetracted;
import org.giaoban.membership.urbanarea.UrbanAreaEvents.UrbanAreaRegistered;
import org.giaoban.membership.urbanarea.UrbanAreaEvents.UrbanAreaReorganised;
import org.giaoban.platform.bounds.Bounds;
import org.giaoban.platform.problem.DomainException;
import org.giaoban.platform.text.VietnameseText;

/**
 * An urban area (đô thị) with its attributes over time and its cluster membership history. Guards the registry's
 * invariants: at most one cluster on any date however late or early a record is made, nothing after the day it was
 * dissolved, and history never rewritten (a mistake is retracted by a new record).
 */
@Aggregate
public class UrbanArea {

    static final int MAX_TEXT = 200;
    static final int MAX_NOTE = 2000;

    @AggregateIdentifier
    private String streamId;
    private String urbanAreaId;
    private Attributes registered;
    private final Map<String, MembershipTimeline.Record> membershipRecords = new LinkedHashMap<>();
    private final Map<String, String> withdrawalReasons = new LinkedHashMap<>();
    private final Set<String> retracted = new HashSet<>();
    private final Set<String> notRetractable = new HashSet<>();
    private final List<Reorganisation> reorganisations = new ArrayList<>();
    private LocalDate dissolvedOn;

    private record Reorganisation(LocalDate effectiveFrom, long order, Attributes changed, List<String> dissolvedInto) {
    }

    protected UrbanArea() {
        // for Axon
    }

    public static String streamId(String urbanAreaId) {
        return "urban-area:" + urbanAreaId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Outcome handle(RegisterUrbanArea command) {
        Attributes attributes = new Attributes(
                requireText(command.name(), "name"),
                requireKind(command.kind()),
                requireText(command.province(), "province"),
                command.urbanClass());
        if (urbanAreaId != null) {
            if (sameAttributes(registered, attributes)) {
                return Outcome.UNCHANGED;
            }
            throw DomainException.conflict("urban-area-exists",
                    "Urban area " + command.urbanAreaId() + " is already registered with other details.");
        }
        apply(new UrbanAreaRegistered(command.urbanAreaId(), attributes.name(), attributes.kind(), attributes.province(),
                attributes.urbanClass()));
        return Outcome.RECORDED;
    }

    @CommandHandler
    public Outcome handle(AdmitMember command, Registry registry) {
        LocalDate from = requireDate(command.effectiveFrom());
        if (!registry.clusterExists(command.clusterId())) {
            throw DomainException.notFound("unknown-cluster", "No cluster " + command.clusterId() + " has been formed.");
        }
        if (dissolvedOn != null && !from.isBefore(dissolvedOn)) {
            throw dissolved();
        }
        boolean repeated = activeRecords().stream().anyMatch(record -> record.move() == Move.ADMISSION
                && record.clusterId().equals(command.clusterId()) && record.effectiveFrom().equals(from));
        if (repeated) {
            return Outcome.UNCHANGED;
        }
        Optional<String> current = timeline().clusterOn(from);
        if (current.isPresent()) {
            throw current.get().equals(command.clusterId())
                    ? DomainException.conflict("already-a-member", urbanAreaId + " is already a member of " + current.get() + " on " + from + ".")
                    : memberElsewhere(current.get(), from);
        }
        List<MembershipTimeline.Record> candidate = new ArrayList<>(activeRecords());
        candidate.add(new MembershipTimeline.Record("new", Move.ADMISSION, command.clusterId(), from, Long.MAX_VALUE));
        MembershipTimeline after = MembershipTimeline.of(candidate);
        if (after.overlap().isPresent()) {
            MembershipTimeline.Record clash = after.overlap().get();
            throw DomainException.conflict("member-of-another-cluster", "Admitting " + urbanAreaId + " to " + command.clusterId()
                    + " from " + from + " would overlap its membership of " + clash.clusterId() + " from " + clash.effectiveFrom()
                    + "; record the way out first.");
        }
        apply(new MemberAdmitted(urbanAreaId, command.clusterId(), from));
        if (dissolvedOn != null && after.memberOnOrAfter(dissolvedOn)) {
            // Late record of a membership that the dissolution already ended.
            apply(new MemberWithdrawn(urbanAreaId, command.clusterId(), dissolvedOn, MemberWithdrawn.DISSOLVED));
        }
        return Outcome.RECORDED;
    }

    @CommandHandler
    public Outcome handle(WithdrawMember command) {
        LocalDate from = requireDate(command.effectiveFrom());
        String reason = requireText(command.reason(), "reason", MAX_NOTE);
        boolean repeated = activeRecords().stream().anyMatch(record -> record.move() == Move.EXIT
                && record.effectiveFrom().equals(from) && reason.equals(withdrawalReasons.get(record.eventId())));
        if (repeated) {
            return Outcome.UNCHANGED;
        }
        LocalDate lastDayIn = from.minusDays(1);
        MembershipTimeline.Period period = timeline().periods().stream().filter(p -> p.covers(lastDayIn)).findFirst()
                .orElseThrow(() -> DomainException.conflict("not-a-member",
                        urbanAreaId + " is not a member of any cluster on " + lastDayIn + ", the day before the withdrawal."));
        if (period.until() != null && !period.until().isAfter(from)) {
            throw DomainException.conflict("already-withdrawn", urbanAreaId + " left " + period.clusterId() + " on " + period.until() + ".");
        }
        apply(new MemberWithdrawn(urbanAreaId, period.clusterId(), from, reason));
        return Outcome.RECORDED;
    }

    @CommandHandler
    public Outcome handle(ReorganiseUrbanArea command, Registry registry) {
        LocalDate from = requireDate(command.effectiveFrom());
        String note = requireText(command.note(), "note", MAX_NOTE);
        Attributes changed = new Attributes(optionalText(command.name(), "name"), command.kind(),
                optionalText(command.province(), "province"), command.urbanClass());
        List<String> successors = command.dissolvedInto() == null ? List.of() : List.copyOf(command.dissolvedInto());
        boolean dissolution = !successors.isEmpty();
        if (!dissolution && changed.equals(new Attributes(null, null, null, null))) {
            throw DomainException.invalid("nothing-to-reorganise",
                    "Give a new name, kind, province or urban class, or the successors it was dissolved into.");
        }
        checkSuccessors(successors, registry);
        boolean repeated = reorganisations.stream().anyMatch(earlier -> earlier.effectiveFrom().equals(from)
                && sameChanges(earlier.changed(), changed) && earlier.dissolvedInto().equals(successors));
        if (repeated) {
            return Outcome.UNCHANGED;
        }
        if (dissolvedOn != null && dissolution) {
            throw DomainException.conflict("already-dissolved", urbanAreaId + " was dissolved on " + dissolvedOn + ".");
        }
        if (dissolvedOn != null && !from.isBefore(dissolvedOn)) {
            throw dissolved();
        }
        MembershipTimeline timeline = timeline();
        if (dissolution && activeRecords().stream().anyMatch(r -> r.move() == Move.ADMISSION && !r.effectiveFrom().isBefore(from))) {
            throw DomainException.conflict("membership-after-dissolution",
                    urbanAreaId + " has an admission on or after " + from + "; retract it before recording the dissolution.");
        }
        String clusterBefore = timeline.clusterOn(from.minusDays(1)).orElse(null);
        apply(new UrbanAreaReorganised(urbanAreaId, clusterBefore, from, changed, attributesOn(from).with(changed),
                successors, note));
        if (dissolution) {
            timeline.clusterOn(from).ifPresent(cluster ->
                    apply(new MemberWithdrawn(urbanAreaId, cluster, from, MemberWithdrawn.DISSOLVED)));
        }
        return Outcome.RECORDED;
    }

    @CommandHandler
    public Outcome handle(RetractRecord command) {
        String eventId = requireText(command.eventId(), "eventId");
        String note = requireText(command.note(), "note", MAX_NOTE);
        if (retracted.contains(eventId)) {
            return Outcome.UNCHANGED;
        }
        if (notRetractable.contains(eventId)) {
            throw DomainException.conflict("not-retractable",
                    "Only admissions and withdrawals can be retracted; record a new reorganisation instead.");
        }
        if (!membershipRecords.containsKey(eventId)) {
            throw DomainException.notFound("unknown-record", "No membership record " + eventId + " for " + urbanAreaId + ".");
        }
        List<MembershipTimeline.Record> candidate = activeRecords().stream().filter(r -> !r.eventId().equals(eventId)).toList();
        MembershipTimeline after = MembershipTimeline.of(candidate);
        if (after.overlap().isPresent()) {
            throw DomainException.conflict("retraction-would-overlap",
                    "Without that record " + urbanAreaId + " would be in two clusters at once.");
        }
        if (dissolvedOn != null && after.memberOnOrAfter(dissolvedOn)) {
            throw DomainException.conflict("membership-after-dissolution",
                    "Without that record " + urbanAreaId + " would stay a member after its dissolution on " + dissolvedOn + ".");
        }
        apply(new MembershipRecordRetracted(urbanAreaId, eventId, note));
        return Outcome.RECORDED;
    }

    @EventSourcingHandler
    void on(UrbanAreaRegistered event, @MessageIdentifier String eventId) {
        streamId = streamId(event.urbanAreaId());
        urbanAreaId = event.urbanAreaId();
        registered = event.attributes();
        notRetractable.add(eventId);
    }

    @EventSourcingHandler
    void on(MemberAdmitted event, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        membershipRecords.put(eventId, new MembershipTimeline.Record(eventId, Move.ADMISSION, event.clusterId(), event.effectiveFrom(), sequence));
    }

    @EventSourcingHandler
    void on(MemberWithdrawn event, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        membershipRecords.put(eventId, new MembershipTimeline.Record(eventId, Move.EXIT, event.clusterId(), event.effectiveFrom(), sequence));
        withdrawalReasons.put(eventId, event.reason());
        if (event.byDissolution()) {
            notRetractable.add(eventId);
        }
    }

    @EventSourcingHandler
    void on(UrbanAreaReorganised event, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        reorganisations.add(new Reorganisation(event.effectiveFrom(), sequence, event.changed(), event.dissolvedInto()));
        notRetractable.add(eventId);
        if (event.dissolution()) {
            dissolvedOn = event.effectiveFrom();
        }
    }

    @EventSourcingHandler
    void on(MembershipRecordRetracted event) {
        retracted.add(event.retractedEventId());
    }

    private List<MembershipTimeline.Record> activeRecords() {
        return membershipRecords.values().stream().filter(record -> !retracted.contains(record.eventId())).toList();
    }

    private MembershipTimeline timeline() {
        return MembershipTimeline.of(activeRecords());
    }

    /** The attributes in force on a day: the registration with every reorganisation up to that day applied in order. */
    private Attributes attributesOn(LocalDate day) {
        Attributes attributes = registered;
        List<Reorganisation> inForce = reorganisations.stream()
                .filter(r -> !r.effectiveFrom().isAfter(day))
                .sorted(Comparator.comparing(Reorganisation::effectiveFrom).thenComparingLong(Reorganisation::order))
                .toList();
        for (Reorganisation reorganisation : inForce) {
            attributes = attributes.with(reorganisation.changed());
        }
        return attributes;
    }

    private void checkSuccessors(List<String> successors, Registry registry) {
        if (new HashSet<>(successors).size() != successors.size()) {
            throw DomainException.invalid("duplicate-successor", "A successor is named twice.");
        }
        for (String successor : successors) {
            if (successor == null || successor.isBlank()) {
                throw DomainException.invalid("invalid-successor", "A successor id is blank.");
            }
            if (successor.equals(urbanAreaId)) {
                throw DomainException.invalid("invalid-successor", "An urban area cannot be its own successor.");
            }
            if (!registry.urbanAreaExists(successor)) {
                throw DomainException.notFound("unknown-successor",
                        "Successor " + successor + " is not registered; register it before the dissolution.");
            }
        }
    }

    private DomainException dissolved() {
        return DomainException.conflict("urban-area-dissolved", urbanAreaId + " was dissolved on " + dissolvedOn
                + "; nothing can be recorded for it from that day on.");
    }

    private static DomainException memberElsewhere(String cluster, LocalDate date) {
        return DomainException.conflict("member-of-another-cluster", "It is a member of " + cluster + " on " + date
                + "; record its withdrawal first.");
    }

    private static boolean sameAttributes(Attributes a, Attributes b) {
        return VietnameseText.sameName(a.name(), b.name()) && a.kind() == b.kind()
                && VietnameseText.sameName(a.province(), b.province()) && a.urbanClass() == b.urbanClass();
    }

    private static boolean sameChanges(Attributes a, Attributes b) {
        return sameAttributes(a, b);
    }

    private static UrbanAreaKind requireKind(UrbanAreaKind kind) {
        if (kind == null) {
            throw DomainException.invalid("missing-kind", "kind is required: CITY, TOWN, WARD or COMMUNE.");
        }
        return kind;
    }

    static LocalDate requireDate(LocalDate date) {
        if (date == null) {
            throw DomainException.invalid("missing-date", "effectiveFrom is required.");
        }
        return Bounds.date(date, "effectiveFrom");
    }

    static String requireText(String text, String field) {
        return requireText(text, field, MAX_TEXT);
    }

    static String requireText(String text, String field, int max) {
        String clean = VietnameseText.clean(text);
        if (clean == null || clean.isEmpty()) {
            throw DomainException.invalid("blank-" + field, field + " must not be blank.");
        }
        if (clean.length() > max) {
            throw DomainException.invalid("too-long", field + " is longer than " + max + " characters.");
        }
        return clean;
    }

    private static String optionalText(String text, String field) {
        return text == null ? null : requireText(text, field);
    }
}
