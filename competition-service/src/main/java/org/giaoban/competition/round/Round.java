package org.giaoban.competition.round;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.giaoban.competition.Ids;
import org.giaoban.competition.Ref;
import org.giaoban.competition.roster.Roster;
import org.giaoban.competition.round.RoundCommands.AmendRound;
import org.giaoban.competition.round.RoundCommands.CastBallot;
import org.giaoban.competition.round.RoundCommands.CloseMotion;
import org.giaoban.competition.round.RoundCommands.ConcludeRound;
import org.giaoban.competition.round.RoundCommands.ForwardNomination;
import org.giaoban.competition.round.RoundCommands.OpenRound;
import org.giaoban.competition.round.RoundCommands.Plan;
import org.giaoban.competition.round.RoundCommands.PlanRound;
import org.giaoban.competition.round.RoundCommands.RecordAwardDecision;
import org.giaoban.competition.round.RoundCommands.RecordScore;
import org.giaoban.competition.round.RoundCommands.TableMotion;
import org.giaoban.competition.round.RoundCommands.WithdrawMotion;
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
import org.giaoban.competition.round.RoundEvents.RoundOpened;
import org.giaoban.competition.round.RoundEvents.RoundPlanned;
import org.giaoban.competition.round.RoundEvents.ScoreRecorded;
import org.giaoban.competition.round.RoundEvents.SecretBallotCast;
import org.giaoban.competition.round.Vocabulary.Award;
import org.giaoban.competition.round.Vocabulary.MotionKind;
import org.giaoban.competition.round.Vocabulary.MotionState;
import org.giaoban.competition.round.Vocabulary.NominationStatus;
import org.giaoban.competition.round.Vocabulary.RecordedBy;
import org.giaoban.competition.round.Vocabulary.RoundState;
import org.giaoban.competition.round.Vocabulary.Vote;
import org.giaoban.platform.bounds.Bounds;
import org.giaoban.platform.problem.DomainException;
import org.giaoban.platform.text.VietnameseText;

/**
 * One cluster's emulation round of one year (phong trào thi đua năm N): planned, opened with its participants fixed,
 * scored, voted on motion by motion, concluded with the flag handover. Every rule of DOMAIN.md is decided here,
 * under the rules recorded with the round.
 *
 * <p>Snapshotted every {@code giaoban.snapshots.round-threshold} events ({@link RoundSnapshots}): a snapshot is the JSON
 * of this object's fields, nested ones included (the platform's {@code SnapshotSerializer}). A field added, removed or
 * changed in meaning here or in {@code Motion} or {@code Proposal} makes the stored snapshots wrong: raise the
 * revision, and Axon ignores them and rebuilds rounds from their events ({@code RoundSnapshotTest} pins the fields of
 * each revision). Revision 2: a SECRET motion's ballots are held sealed, and a decided or withdrawn motion's are
 * forgotten.
 */
@Aggregate(snapshotTriggerDefinition = RoundSnapshots.TRIGGER)
@Revision("2")
public class Round {

    static final int MAX_THEME = 500;
    static final int MAX_TEXT = 200;

    @AggregateIdentifier
    private String streamId;
    private String roundId;
    private Plan plan;
    private RoundState state;
    private LocalDate rosterDate;
    private final Map<String, Ref> participants = new LinkedHashMap<>();
    private final Map<String, BigDecimal> scores = new HashMap<>();
    private final Map<String, Motion> motions = new LinkedHashMap<>();
    private final Map<String, Proposal> proposals = new LinkedHashMap<>();
    private Ref nextHost;
    private Ref nextLeader;
    private String nextTheme;

    /**
     * A question put to the members' vote, with each participant's last ballot while it is open: in the clear in an
     * OPEN round, sealed in a SECRET one. A voter is in one of the two maps at most. Once the motion is decided or
     * withdrawn its ballots are forgotten: its tally is in {@link MotionDecided}, and replaying a SECRET motion's
     * sealed ballots after its key was destroyed needs no key.
     */
    private static final class Motion {
        String id;
        MotionKind kind;
        Ref candidate;
        Award award;
        String theme;
        MotionState state = MotionState.OPEN;
        final Map<String, Vote> ballots = new HashMap<>();
        final Map<String, String> sealed = new HashMap<>();

        private Motion() {
            // for snapshots: the fields are read back from the snapshot
        }

        Motion(MotionTabled tabled) {
            this.id = tabled.motionId();
            this.kind = tabled.kind();
            this.candidate = tabled.candidate();
            this.award = tabled.award();
            this.theme = tabled.theme();
        }

        boolean counts() {
            return state == MotionState.OPEN || state == MotionState.CARRIED;
        }

        boolean hasBallotOf(String urbanAreaId) {
            return ballots.containsKey(urbanAreaId) || sealed.containsKey(urbanAreaId);
        }

        int ballotsIn() {
            return ballots.size() + sealed.size();
        }

        void forgetBallots() {
            ballots.clear();
            sealed.clear();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Motion that && id.equals(that.id) && kind == that.kind && state == that.state
                    && java.util.Objects.equals(candidate, that.candidate) && award == that.award
                    && java.util.Objects.equals(theme, that.theme) && ballots.equals(that.ballots) && sealed.equals(that.sealed);
        }

        @Override
        public int hashCode() {
            return id.hashCode();
        }
    }

    /** A carried nomination on its way to the awarding body. */
    private record Proposal(Award award, NominationStatus status, String forwardedReference, String decisionReference) {
    }

    protected Round() {
        // for Axon
    }

    public static String streamId(String roundId) {
        return "round:" + roundId;
    }

    // ---- planning ----------------------------------------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Outcome handle(PlanRound command) {
        Plan requested = valid(command.plan());
        if (roundId != null) {
            if (plan.equals(requested)) {
                return Outcome.UNCHANGED;
            }
            throw DomainException.conflict("round-exists", "Round " + command.roundId() + " is already planned differently;"
                    + " amend it with PUT while it is planned.");
        }
        apply(planned(command.roundId(), requested));
        return Outcome.RECORDED;
    }

    @CommandHandler
    public Outcome handle(AmendRound command) {
        Plan requested = valid(command.plan());
        requireState(RoundState.PLANNED, "round-not-planned", "A round can be amended only while it is planned.");
        if (!requested.cluster().id().equals(plan.cluster().id()) || requested.year() != plan.year()) {
            throw DomainException.invalid("round-id-mismatch", "The cluster and year of a round are its id and cannot change.");
        }
        if (plan.equals(requested)) {
            return Outcome.UNCHANGED;
        }
        Plan p = requested;
        apply(new RoundAmended(roundId, p.cluster(), p.year(), p.movement(), p.theme(), p.host(), p.leader(),
                p.conferenceDate(), p.venue(), p.workshopTopic(), p.rules()));
        return Outcome.RECORDED;
    }

    // ---- opening and scores ------------------------------------------------------------------------------------

    /**
     * Rule 1: the participants are the cluster's members on the roster date, read from the service's copy of the
     * membership, which must not lag behind what membership has published.
     */
    @CommandHandler
    public void handle(OpenRound command, Roster roster) {
        requireState(RoundState.PLANNED, state == RoundState.OPEN ? "round-already-open" : "round-concluded",
                state == RoundState.OPEN ? "The round is already open." : "The round is concluded.");
        LocalDate day = command.rosterDate() != null ? Bounds.date(command.rosterDate(), "rosterDate") : plan.conferenceDate();
        if (day == null) {
            throw DomainException.invalid("roster-date-required", "Give a rosterDate or plan a conference date first.");
        }
        if (!roster.isCurrent()) {
            throw DomainException.conflict("roster-not-current",
                    "The copy of the membership is still catching up with the membership service; try again in a moment.");
        }
        List<Ref> members = roster.membersOn(plan.cluster().id(), day);
        if (members.isEmpty()) {
            throw DomainException.conflict("no-participants", "The cluster has no members on " + day + ".");
        }
        List<String> ids = members.stream().map(Ref::id).toList();
        if (!ids.contains(plan.host().id())) {
            throw DomainException.conflict("host-not-a-participant",
                    "The host " + plan.host().name() + " is not a member of the cluster on " + day + ".");
        }
        if (!ids.contains(plan.leader().id())) {
            throw DomainException.conflict("leader-not-a-participant",
                    "The leader " + plan.leader().name() + " is not a member of the cluster on " + day + ".");
        }
        apply(new RoundOpened(roundId, plan.cluster().id(), plan.year(), day, List.copyOf(members)));
    }

    @CommandHandler
    public Outcome handle(RecordScore command) {
        requireOpen();
        requireParticipant(command.urbanAreaId(), "not-a-participant", "Only participants are scored");
        Rules.Criterion criterion = plan.rules().criterion(command.criterion())
                .orElseThrow(() -> DomainException.invalid("unknown-criterion", "The round's rules have no criterion '"
                        + command.criterion() + "'."));
        BigDecimal points = command.points();
        Bounds.DecimalRange range = Rules.POINTS.upTo(criterion.maxPoints());
        if (points == null || !range.contains(points)) {
            throw DomainException.invalid("points-out-of-range", "points",
                    "Points for " + criterion.name() + " lie " + range.describe() + ".");
        }
        BigDecimal earlier = scores.get(scoreKey(command.urbanAreaId(), criterion.name()));
        if (earlier != null && earlier.compareTo(points) == 0) {
            return Outcome.UNCHANGED;
        }
        apply(new ScoreRecorded(roundId, command.urbanAreaId(), criterion.name(), points));
        return Outcome.RECORDED;
    }

    // ---- motions and ballots -----------------------------------------------------------------------------------

    @CommandHandler
    public String handle(TableMotion command) {
        requireOpen();
        if (command.kind() == null) {
            throw DomainException.invalid("missing-kind", "kind is required: NOMINATION, NEXT_HOST, NEXT_LEADER or NEXT_THEME.");
        }
        String motionId = "m" + (motions.size() + 1);
        switch (command.kind()) {
            case NOMINATION -> tableNomination(command, motionId);
            case NEXT_HOST -> tableCandidate(command, motionId, nextHost, "next-host-already-chosen", true);
            case NEXT_LEADER -> tableCandidate(command, motionId, nextLeader, "next-leader-already-chosen", false);
            case NEXT_THEME -> tableTheme(command, motionId);
        }
        return motionId;
    }

    private void tableNomination(TableMotion command, String motionId) {
        Ref nominee = requireParticipant(command.urbanAreaId(), "nominee-not-a-participant", "Only participants are nominated");
        if (command.award() == null) {
            throw DomainException.invalid("missing-award", "award is required: MINISTRY_MERIT or ASSOCIATION_COMMENDATION.");
        }
        boolean alreadyNominated = motions.values().stream()
                .anyMatch(m -> m.kind == MotionKind.NOMINATION && m.counts() && m.candidate.id().equals(nominee.id()));
        if (alreadyNominated) {
            throw DomainException.conflict("second-award-in-round", nominee.name()
                    + " already has an open or carried nomination in this round: one award per member per round.");
        }
        int quota = Policies.awardQuota(plan.rules().quotas().getOrDefault(command.award(), BigDecimal.ZERO), participants.size());
        long counted = motions.values().stream().filter(m -> m.kind == MotionKind.NOMINATION && m.counts()
                && m.award == command.award()).count();
        if (counted >= quota) {
            throw DomainException.conflict("award-quota-exceeded", "The quota for " + command.award() + " is " + quota
                    + " among " + participants.size() + " participants, and " + counted + " are open or carried.");
        }
        apply(new MotionTabled(roundId, motionId, MotionKind.NOMINATION, nominee, command.award(), null));
    }

    private void tableCandidate(TableMotion command, String motionId, Ref alreadyChosen, String chosenCode, boolean host) {
        if (alreadyChosen != null) {
            throw DomainException.conflict(chosenCode, alreadyChosen.name() + " has already been chosen.");
        }
        Ref candidate = requireParticipant(command.urbanAreaId(), "candidate-not-a-participant", "Only participants are candidates");
        if (host && !Policies.mayHostNextYear(candidate.id(), plan.host().id(), plan.rules().hostMayRepeat())) {
            throw DomainException.conflict("host-repeats", candidate.name() + " hosts this year and may not host next year"
                    + " under this round's rules.");
        }
        boolean duplicate = motions.values().stream().anyMatch(m -> m.kind == command.kind() && m.state == MotionState.OPEN
                && m.candidate.id().equals(candidate.id()));
        if (duplicate) {
            throw DomainException.conflict("duplicate-motion", "An open motion already proposes " + candidate.name() + ".");
        }
        apply(new MotionTabled(roundId, motionId, command.kind(), candidate, null, null));
    }

    private void tableTheme(TableMotion command, String motionId) {
        if (nextTheme != null) {
            throw DomainException.conflict("next-theme-already-chosen", "Next year's theme has already been adopted.");
        }
        String theme = VietnameseText.clean(command.theme());
        if (theme == null || theme.isEmpty() || theme.length() > MAX_THEME) {
            throw DomainException.invalid("invalid-theme", "A theme is non-blank text of at most " + MAX_THEME + " characters.");
        }
        boolean duplicate = motions.values().stream().anyMatch(m -> m.kind == MotionKind.NEXT_THEME
                && m.state == MotionState.OPEN && VietnameseText.sameName(m.theme, theme));
        if (duplicate) {
            throw DomainException.conflict("duplicate-motion", "An open motion already proposes this theme.");
        }
        apply(new MotionTabled(roundId, motionId, MotionKind.NEXT_THEME, null, null, theme));
    }

    /** Withdrawn, a SECRET motion's ballots are never counted: its key is destroyed with the withdrawal. */
    @CommandHandler
    public void handle(WithdrawMotion command, BallotBox ballotBox) {
        requireOpen();
        Motion motion = openMotion(command.motionId());
        apply(new MotionWithdrawn(roundId, motion.id));
        ballotBox.shred(roundId, motion.id);
    }

    /**
     * Rule 2: one ballot per participant, replaced until the motion closes. In a SECRET round only the delegate casts
     * it, and its vote is stored sealed ({@link BallotBox}); the same vote again changes nothing.
     */
    @CommandHandler
    public Outcome handle(CastBallot command, BallotBox ballotBox) {
        requireOpen();
        Motion motion = openMotion(command.motionId());
        String voter = requireParticipant(command.urbanAreaId(), "voter-not-a-participant", "Only participants vote").id();
        if (command.vote() == null) {
            throw DomainException.invalid("missing-vote", "vote is required: APPROVE, REJECT or ABSTAIN.");
        }
        RecordedBy recordedBy = command.recordedBy() == null ? RecordedBy.DELEGATE : command.recordedBy();
        if (!plan.rules().secret()) {
            if (command.vote() == motion.ballots.get(voter)) {
                return Outcome.UNCHANGED;
            }
            apply(new BallotCast(roundId, motion.id, voter, command.vote(), recordedBy, false));
            return Outcome.RECORDED;
        }
        if (recordedBy == RecordedBy.COORDINATOR) {
            throw DomainException.conflict("secret-ballot", "In a secret round only the delegate casts its member's ballot.");
        }
        // Only the voter's own earlier ballot is opened, to compare; a clear one was cast before ballots were sealed.
        Vote earlier = motion.sealed.containsKey(voter)
                ? ballotBox.open(roundId, motion.id, Map.of(voter, motion.sealed.get(voter))).get(voter)
                : motion.ballots.get(voter);
        if (command.vote() == earlier) {
            return Outcome.UNCHANGED;
        }
        int ballotsIn = motion.ballotsIn() + (motion.hasBallotOf(voter) ? 0 : 1);
        apply(new SecretBallotCast(roundId, motion.id, voter, ballotBox.seal(roundId, motion.id, voter, command.vote()), ballotsIn));
        return Outcome.RECORDED;
    }

    /**
     * Rule 3: counts each participant's last ballot and decides. A SECRET motion's ballots are opened here, only to be
     * counted, and its key is destroyed in the same transaction as the decision that records the tally.
     */
    @CommandHandler
    public MotionState handle(CloseMotion command, BallotBox ballotBox) {
        requireOpen();
        Motion motion = openMotion(command.motionId());
        Map<String, Vote> counted = new HashMap<>(motion.ballots);
        counted.putAll(ballotBox.open(roundId, motion.id, motion.sealed));
        int approvals = count(counted, Vote.APPROVE);
        int rejections = count(counted, Vote.REJECT);
        int abstentions = count(counted, Vote.ABSTAIN);
        int all = participants.size();
        boolean decidedAlready = switch (motion.kind) {
            case NEXT_HOST -> nextHost != null;
            case NEXT_LEADER -> nextLeader != null;
            case NEXT_THEME -> nextTheme != null;
            case NOMINATION -> false;
        };
        MotionState outcome;
        String reason;
        if (decidedAlready) {
            outcome = MotionState.NOT_CARRIED;
            reason = "already-decided";
        } else if (Policies.carries(approvals, all, plan.rules().approvalThreshold())) {
            outcome = MotionState.CARRIED;
            reason = "threshold-met";
        } else {
            outcome = MotionState.NOT_CARRIED;
            reason = "below-threshold";
        }
        apply(new MotionDecided(roundId, motion.id, motion.kind, motion.candidate, motion.award, motion.theme, approvals,
                rejections, abstentions, all, outcome, reason));
        ballotBox.shred(roundId, motion.id);
        if (outcome == MotionState.CARRIED) {
            int nextYear = plan.year() + 1;
            switch (motion.kind) {
                case NOMINATION -> apply(new NominationProposed(roundId, plan.cluster(), plan.year(), motion.candidate,
                        motion.award, approvals, all));
                case NEXT_HOST -> apply(new NextHostSelected(roundId, plan.cluster().id(), nextYear, motion.candidate));
                case NEXT_LEADER -> apply(new NextLeaderChosen(roundId, plan.cluster().id(), nextYear, motion.candidate));
                case NEXT_THEME -> apply(new NextThemeAdopted(roundId, plan.cluster().id(), nextYear, motion.theme));
            }
        }
        return outcome;
    }

    // ---- conclusion ----------------------------------------------------------------------------------------------

    @CommandHandler
    public void handle(ConcludeRound command) {
        requireOpen();
        List<String> open = motions.values().stream().filter(m -> m.state == MotionState.OPEN).map(m -> m.id).toList();
        if (!open.isEmpty()) {
            throw DomainException.conflict("motions-still-open", "Close or withdraw the open motions first: " + open + ".");
        }
        if (nextHost == null) {
            throw DomainException.conflict("conclusion-needs-next-host", "No NEXT_HOST motion has carried.");
        }
        if (nextTheme == null) {
            throw DomainException.conflict("conclusion-needs-next-theme", "No NEXT_THEME motion has carried.");
        }
        Ref leaderNextYear = nextLeader != null ? nextLeader : plan.host(); // rule 7
        List<Nomination> nominations = new ArrayList<>();
        proposals.forEach((urbanAreaId, proposal) -> nominations.add(new Nomination(participants.get(urbanAreaId), proposal.award())));
        apply(new RoundConcluded(roundId, plan.cluster(), plan.year(), plan.movement(), plan.theme(), plan.conferenceDate(),
                plan.venue(), plan.workshopTopic(), plan.host(), plan.leader(), List.copyOf(participants.values()),
                List.copyOf(nominations), nextHost, leaderNextYear, nextTheme, nextHost,
                Ids.roundId(plan.cluster().id(), plan.year() + 1), plan.rules()));
    }

    // ---- after the round: proposals to the awarding bodies ------------------------------------------------------

    @CommandHandler
    public Outcome handle(ForwardNomination command) {
        Proposal proposal = proposalOf(command.urbanAreaId());
        String reference = requireReference(command.reference());
        if (proposal.status() == NominationStatus.FORWARDED && reference.equals(proposal.forwardedReference())) {
            return Outcome.UNCHANGED;
        }
        if (proposal.status() != NominationStatus.PROPOSED) {
            throw DomainException.conflict("nomination-already-forwarded", "This proposal was already forwarded ("
                    + proposal.status() + ").");
        }
        apply(new NominationForwarded(roundId, command.urbanAreaId(), proposal.award(), reference));
        return Outcome.RECORDED;
    }

    @CommandHandler
    public Outcome handle(RecordAwardDecision command) {
        Proposal proposal = proposalOf(command.urbanAreaId());
        String reference = requireReference(command.reference());
        if (command.decision() == null) {
            throw DomainException.invalid("missing-decision", "decision is required: AWARDED or DECLINED.");
        }
        if (command.award() != proposal.award()) {
            throw DomainException.conflict("award-mismatch", "The proposal is for " + proposal.award() + ".");
        }
        NominationStatus decided = NominationStatus.valueOf(command.decision().name());
        if (proposal.status() == decided && reference.equals(proposal.decisionReference())) {
            return Outcome.UNCHANGED;
        }
        if (proposal.status() != NominationStatus.FORWARDED) {
            throw DomainException.conflict(proposal.status() == NominationStatus.PROPOSED ? "nomination-not-forwarded"
                    : "nomination-already-decided", "The proposal is " + proposal.status() + ".");
        }
        apply(new NominationDecided(roundId, command.urbanAreaId(), proposal.award(), command.decision(), reference));
        return Outcome.RECORDED;
    }

    // ---- event sourcing ------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(RoundPlanned event) {
        streamId = streamId(event.roundId());
        roundId = event.roundId();
        plan = new Plan(event.cluster(), event.year(), event.movement(), event.theme(), event.host(), event.leader(),
                event.conferenceDate(), event.venue(), event.workshopTopic(), event.rules());
        state = RoundState.PLANNED;
    }

    @EventSourcingHandler
    void on(RoundAmended event) {
        plan = new Plan(event.cluster(), event.year(), event.movement(), event.theme(), event.host(), event.leader(),
                event.conferenceDate(), event.venue(), event.workshopTopic(), event.rules());
    }

    @EventSourcingHandler
    void on(RoundOpened event) {
        state = RoundState.OPEN;
        rosterDate = event.rosterDate();
        event.participants().forEach(p -> participants.put(p.id(), p));
    }

    @EventSourcingHandler
    void on(ScoreRecorded event) {
        scores.put(scoreKey(event.urbanAreaId(), event.criterion()), event.points());
    }

    @EventSourcingHandler
    void on(MotionTabled event) {
        motions.put(event.motionId(), new Motion(event));
    }

    @EventSourcingHandler
    void on(MotionWithdrawn event) {
        Motion motion = motions.get(event.motionId());
        motion.state = MotionState.WITHDRAWN;
        motion.forgetBallots();
    }

    @EventSourcingHandler
    void on(BallotCast event) {
        Motion motion = motions.get(event.motionId());
        motion.sealed.remove(event.urbanAreaId());
        motion.ballots.put(event.urbanAreaId(), event.vote());
    }

    /** Kept sealed: replaying it needs no key, and the newest seal of a voter replaces its earlier ballot. */
    @EventSourcingHandler
    void on(SecretBallotCast event) {
        Motion motion = motions.get(event.motionId());
        motion.ballots.remove(event.urbanAreaId());
        motion.sealed.put(event.urbanAreaId(), event.sealedVote());
    }

    @EventSourcingHandler
    void on(MotionDecided event) {
        Motion motion = motions.get(event.motionId());
        motion.state = event.outcome();
        motion.forgetBallots();
    }

    @EventSourcingHandler
    void on(NominationProposed event) {
        proposals.put(event.urbanArea().id(), new Proposal(event.award(), NominationStatus.PROPOSED, null, null));
    }

    @EventSourcingHandler
    void on(NextHostSelected event) {
        nextHost = event.urbanArea();
    }

    @EventSourcingHandler
    void on(NextLeaderChosen event) {
        nextLeader = event.urbanArea();
    }

    @EventSourcingHandler
    void on(NextThemeAdopted event) {
        nextTheme = event.theme();
    }

    @EventSourcingHandler
    void on(RoundConcluded event) {
        state = RoundState.CONCLUDED;
    }

    @EventSourcingHandler
    void on(NominationForwarded event) {
        Proposal p = proposals.get(event.urbanAreaId());
        proposals.put(event.urbanAreaId(), new Proposal(p.award(), NominationStatus.FORWARDED, event.reference(), null));
    }

    @EventSourcingHandler
    void on(NominationDecided event) {
        Proposal p = proposals.get(event.urbanAreaId());
        proposals.put(event.urbanAreaId(), new Proposal(p.award(), NominationStatus.valueOf(event.decision().name()),
                p.forwardedReference(), event.reference()));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static RoundPlanned planned(String roundId, Plan p) {
        return new RoundPlanned(roundId, p.cluster(), p.year(), p.movement(), p.theme(), p.host(), p.leader(),
                p.conferenceDate(), p.venue(), p.workshopTopic(), p.rules());
    }

    /** The plan as it will be recorded: text in NFC, rules completed from the defaults; or a refusal. */
    private static Plan valid(Plan p) {
        if (p.cluster() == null || p.host() == null || p.leader() == null) {
            throw DomainException.invalid("incomplete-plan", "A round needs its cluster, host and leader.");
        }
        if (p.year() < 1990 || p.year() > 2100) {
            throw DomainException.invalid("invalid-year", "year must lie between 1990 and 2100.");
        }
        Bounds.date(p.conferenceDate(), "conferenceDate");
        if (p.conferenceDate() != null && p.conferenceDate().getYear() != p.year()) {
            throw DomainException.invalid("conference-date-outside-year", "The conference is held in the round's year.");
        }
        return new Plan(p.cluster(), p.year(), text(p.movement(), "movement", MAX_TEXT, true), text(p.theme(), "theme", MAX_THEME, true),
                p.host(), p.leader(), p.conferenceDate(), text(p.venue(), "venue", MAX_TEXT, false),
                text(p.workshopTopic(), "workshopTopic", MAX_THEME, false), Rules.of(p.rules()));
    }

    private static String text(String value, String field, int max, boolean required) {
        String clean = VietnameseText.clean(value);
        if (clean == null || clean.isEmpty()) {
            if (required) {
                throw DomainException.invalid("blank-" + field, field + " must not be blank.");
            }
            return null;
        }
        if (clean.length() > max) {
            throw DomainException.invalid("too-long", field + " is longer than " + max + " characters.");
        }
        return clean;
    }

    private void requireState(RoundState required, String code, String detail) {
        if (state != required) {
            throw DomainException.conflict(code, detail);
        }
    }

    private void requireOpen() {
        requireState(RoundState.OPEN, "round-not-open", "The round is " + state + ", not OPEN.");
    }

    private Ref requireParticipant(String urbanAreaId, String code, String rule) {
        Ref participant = urbanAreaId == null ? null : participants.get(urbanAreaId);
        if (participant == null) {
            throw DomainException.conflict(code, rule + ": " + urbanAreaId + " is not a participant of " + roundId + ".");
        }
        return participant;
    }

    private Motion openMotion(String motionId) {
        Motion motion = motions.get(motionId);
        if (motion == null) {
            throw DomainException.notFound("unknown-motion", "No motion " + motionId + " in " + roundId + ".");
        }
        if (motion.state != MotionState.OPEN) {
            throw DomainException.conflict("motion-closed", "Motion " + motionId + " is " + motion.state + ".");
        }
        return motion;
    }

    private Proposal proposalOf(String urbanAreaId) {
        requireState(RoundState.CONCLUDED, "round-not-concluded", "Proposals are forwarded after the round is concluded.");
        Proposal proposal = proposals.get(urbanAreaId);
        if (proposal == null) {
            throw DomainException.notFound("unknown-nomination", "No carried nomination of " + urbanAreaId + " in " + roundId + ".");
        }
        return proposal;
    }

    private static String requireReference(String reference) {
        String clean = VietnameseText.clean(reference);
        if (clean == null || clean.isEmpty() || clean.length() > MAX_TEXT) {
            throw DomainException.invalid("invalid-reference", "reference is required, at most " + MAX_TEXT + " characters.");
        }
        return clean;
    }

    private static int count(Map<String, Vote> ballots, Vote vote) {
        return (int) ballots.values().stream().filter(vote::equals).count();
    }

    private static String scoreKey(String urbanAreaId, String criterion) {
        return urbanAreaId + "\u0000" + VietnameseText.identityKey(criterion);
    }
}
