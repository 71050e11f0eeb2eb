package org.giaoban.competition.round;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.giaoban.competition.CompetitionAccess;
import org.giaoban.competition.Ids;
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
import org.giaoban.competition.round.Vocabulary.Award;
import org.giaoban.competition.round.Vocabulary.Decision;
import org.giaoban.competition.round.Vocabulary.MotionKind;
import org.giaoban.competition.round.Vocabulary.MotionState;
import org.giaoban.competition.round.Vocabulary.RecordedBy;
import org.giaoban.competition.round.Vocabulary.Vote;
import org.giaoban.competition.round.Vocabulary.VoteMethod;
import org.giaoban.platform.problem.DomainException;
import org.giaoban.platform.validation.DomainDate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a coordinator, a delegate and the operator do to a round, over HTTP. Who may do what is {@link
 * CompetitionAccess}'s: route by route, and here where the body or the caller's role matters (the cluster of a new
 * round, who a ballot is recorded as). Answers never show how a participant voted: a ballot is acknowledged, not echoed.
 */
@RestController
@RequestMapping("/api/competition")
public class RoundController {

    private final CommandGateway commands;
    private final RoundPlanning planning;

    public RoundController(CommandGateway commands, RoundPlanning planning) {
        this.commands = commands;
        this.planning = planning;
    }

    /** Points: above 0, at most 1,000, in hundredths at the finest ({@link Rules#MAX_POINTS}, checked again by the round). */
    public record CriterionRequest(@NotBlank @Size(max = 200) String name,
                                   @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000") @Digits(integer = 4, fraction = 2)
                                   BigDecimal maxPoints) {
    }

    public record RulesRequest(@Size(max = 2000) String legalBasis, VoteMethod voteMethod,
                               @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false)
                               @Digits(integer = 1, fraction = 4) BigDecimal approvalThreshold,
                               Map<Award, @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1")
                                       @Digits(integer = 1, fraction = 4) BigDecimal> quotas,
                               Boolean hostMayRepeat,
                               @Size(max = 50) List<@Valid @NotNull CriterionRequest> criteria) {

        Rules toRules() {
            return new Rules(legalBasis, voteMethod, approvalThreshold, quotas, Boolean.TRUE.equals(hostMayRepeat),
                    criteria == null ? null : criteria.stream().map(c -> new Rules.Criterion(c.name(), c.maxPoints())).toList());
        }
    }

    public record PlanRequest(
            @NotBlank @Size(max = Ids.MAX_LENGTH) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clusterId,
            @Min(1990) @Max(2100) int year,
            @NotBlank @Size(max = 200) String movement,
            @NotBlank @Size(max = 500) String theme,
            @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String hostId,
            @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String leaderId,
            @DomainDate LocalDate conferenceDate,
            @Size(max = 200) String venue,
            @Size(max = 500) String workshopTopic,
            @Valid RulesRequest rules) {
    }

    public record OpeningRequest(@DomainDate LocalDate rosterDate) {
    }

    public record ScoreRequest(@NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String urbanAreaId,
                               @NotBlank @Size(max = 200) String criterion,
                               @NotNull @DecimalMin("0") @DecimalMax("1000") @Digits(integer = 4, fraction = 2) BigDecimal points) {
    }

    public record MotionRequest(@NotNull MotionKind kind, @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String urbanAreaId,
                                Award award, @Size(max = 500) String theme) {
    }

    /**
     * Who the ballot is recorded as comes from the caller's token (the delegate as DELEGATE, the coordinator's show of
     * hands as COORDINATOR), never from the request: a {@code recordedBy} sent by an older client is ignored.
     */
    @JsonIgnoreProperties("recordedBy")
    public record BallotRequest(@NotNull Vote vote) {
    }

    public record ForwardingRequest(@NotBlank @Size(max = 200) String reference) {
    }

    public record DecisionRequest(@NotNull Award award, @NotNull Decision decision, @NotBlank @Size(max = 200) String reference) {
    }

    public record Recorded(String roundId, Outcome outcome) {
    }

    public record MotionTabledResponse(String roundId, String motionId) {
    }

    public record MotionResponse(String roundId, String motionId, MotionState state) {
    }

    public record BallotAcknowledged(String roundId, String motionId, String urbanAreaId, Outcome outcome) {
    }

    public record NominationRecorded(String roundId, String urbanAreaId, Outcome outcome) {
    }

    @PostMapping("/rounds")
    public ResponseEntity<Recorded> plan(@Valid @RequestBody PlanRequest request) {
        CompetitionAccess.requirePlanner(request.clusterId());
        String roundId = Ids.roundId(request.clusterId(), request.year());
        Outcome outcome = commands.sendAndWait(new PlanRound(roundId, resolve(request)));
        return answer(new Recorded(roundId, outcome), outcome, roundUri(roundId));
    }

    @PutMapping("/rounds/{id}")
    public Recorded amend(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
                          @Valid @RequestBody PlanRequest request) {
        if (!id.equals(Ids.roundId(request.clusterId(), request.year()))) {
            throw DomainException.invalid("round-id-mismatch", "Round " + id + " is not " + request.clusterId() + " in " + request.year() + ".");
        }
        return new Recorded(id, commands.sendAndWait(new AmendRound(id, resolve(request))));
    }

    @PostMapping("/rounds/{id}/opening")
    public Recorded open(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
                         @Valid @RequestBody(required = false) OpeningRequest request) {
        commands.sendAndWait(new OpenRound(id, request == null ? null : request.rosterDate()));
        return new Recorded(id, Outcome.RECORDED);
    }

    @PostMapping("/rounds/{id}/scores")
    public ResponseEntity<Recorded> score(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
                                          @Valid @RequestBody ScoreRequest request) {
        Outcome outcome = commands.sendAndWait(new RecordScore(id, request.urbanAreaId(), request.criterion(), request.points()));
        return answer(new Recorded(id, outcome), outcome, URI.create(roundUri(id) + "/ranking"));
    }

    @PostMapping("/rounds/{id}/motions")
    public ResponseEntity<MotionTabledResponse> table(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
                                                      @Valid @RequestBody MotionRequest request) {
        String motionId = commands.sendAndWait(new TableMotion(id, request.kind(), request.urbanAreaId(), request.award(), request.theme()));
        return ResponseEntity.created(URI.create(roundUri(id) + "/motions/" + motionId)).body(new MotionTabledResponse(id, motionId));
    }

    @PostMapping("/rounds/{id}/motions/{motionId}/withdrawal")
    public MotionResponse withdraw(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
                                   @PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String motionId) {
        commands.sendAndWait(new WithdrawMotion(id, motionId));
        return new MotionResponse(id, motionId, MotionState.WITHDRAWN);
    }

    @PutMapping("/rounds/{id}/motions/{motionId}/ballots/{urbanAreaId}")
    public BallotAcknowledged ballot(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
                                     @PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String motionId,
                                     @PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String urbanAreaId,
                                     @Valid @RequestBody BallotRequest request) {
        RecordedBy recordedBy = CompetitionAccess.ballotRecordedBy(id, urbanAreaId);
        Outcome outcome = commands.sendAndWait(new CastBallot(id, motionId, urbanAreaId, request.vote(), recordedBy));
        return new BallotAcknowledged(id, motionId, urbanAreaId, outcome);
    }

    @PostMapping("/rounds/{id}/motions/{motionId}/closing")
    public MotionResponse close(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
                                @PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String motionId) {
        MotionState outcome = commands.sendAndWait(new CloseMotion(id, motionId));
        return new MotionResponse(id, motionId, outcome);
    }

    @PostMapping("/rounds/{id}/conclusion")
    public Recorded conclude(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id) {
        commands.sendAndWait(new ConcludeRound(id));
        return new Recorded(id, Outcome.RECORDED);
    }

    @PostMapping("/nominations/{roundId}/{urbanAreaId}/forwarding")
    public NominationRecorded forward(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String roundId,
                                      @PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String urbanAreaId,
                                      @Valid @RequestBody ForwardingRequest request) {
        return new NominationRecorded(roundId, urbanAreaId,
                commands.sendAndWait(new ForwardNomination(roundId, urbanAreaId, request.reference())));
    }

    @PostMapping("/nominations/{roundId}/{urbanAreaId}/decision")
    public NominationRecorded decide(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String roundId,
                                     @PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String urbanAreaId,
                                     @Valid @RequestBody DecisionRequest request) {
        return new NominationRecorded(roundId, urbanAreaId, commands.sendAndWait(
                new RecordAwardDecision(roundId, urbanAreaId, request.award(), request.decision(), request.reference())));
    }

    private Plan resolve(PlanRequest r) {
        return planning.plan(r.clusterId(), r.year(), r.movement(), r.theme(), r.hostId(), r.leaderId(), r.conferenceDate(),
                r.venue(), r.workshopTopic(), r.rules() == null ? null : r.rules().toRules());
    }

    private static URI roundUri(String roundId) {
        return URI.create("/api/competition/rounds/" + roundId);
    }

    private static <T> ResponseEntity<T> answer(T body, Outcome outcome, URI location) {
        return outcome == Outcome.RECORDED ? ResponseEntity.created(location).body(body) : ResponseEntity.ok(body);
    }
}
