package org.giaoban.membership.urbanarea;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.giaoban.membership.Ids;
import org.giaoban.membership.Outcome;
import org.giaoban.membership.urbanarea.UrbanAreaCommands.AdmitMember;
import org.giaoban.membership.urbanarea.UrbanAreaCommands.RegisterUrbanArea;
import org.giaoban.membership.urbanarea.UrbanAreaCommands.ReorganiseUrbanArea;
import org.giaoban.membership.urbanarea.UrbanAreaCommands.RetractRecord;
import org.giaoban.membership.urbanarea.UrbanAreaCommands.WithdrawMember;
import org.giaoban.platform.validation.DomainDate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's records about an urban area: registration, admission, withdrawal, reorganisation, retraction.
 * Each answers 201 when it recorded something and 200 when exactly that was already recorded.
 */
@RestController
@RequestMapping("/api/membership/urban-areas")
public class UrbanAreaController {

    private final CommandGateway commands;

    public UrbanAreaController(CommandGateway commands) {
        this.commands = commands;
    }

    public record RegisterRequest(
            @NotBlank @Size(max = Ids.MAX_LENGTH) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
            @NotBlank @Size(max = 200) String name,
            @NotNull UrbanAreaKind kind,
            @NotBlank @Size(max = 200) String province,
            UrbanClass urbanClass) {
    }

    public record AdmissionRequest(
            @NotBlank @Size(max = Ids.MAX_LENGTH) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clusterId,
            @NotNull @DomainDate LocalDate effectiveFrom) {
    }

    public record WithdrawalRequest(@NotNull @DomainDate LocalDate effectiveFrom, @NotBlank @Size(max = 2000) String reason) {
    }

    public record ReorganisationRequest(
            @NotNull @DomainDate LocalDate effectiveFrom,
            @Size(max = 200) String name,
            UrbanAreaKind kind,
            @Size(max = 200) String province,
            UrbanClass urbanClass,
            @Size(max = 100) List<@NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String> dissolvedInto,
            @NotBlank @Size(max = 2000) String note) {
    }

    public record RetractionRequest(@NotBlank @Size(max = 64) String eventId, @NotBlank @Size(max = 2000) String note) {
    }

    /** What was recorded about which urban area. */
    public record Recorded(String urbanAreaId, Outcome outcome) {
    }

    @PostMapping
    public ResponseEntity<Recorded> register(@Valid @RequestBody RegisterRequest request) {
        Outcome outcome = commands.sendAndWait(new RegisterUrbanArea(request.id(), request.name(), request.kind(),
                request.province(), request.urbanClass()));
        return answer(request.id(), outcome, URI.create("/api/membership/urban-areas/" + request.id()));
    }

    @PostMapping("/{id}/admission")
    public ResponseEntity<Recorded> admit(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
                                          @Valid @RequestBody AdmissionRequest request) {
        return answer(id, commands.sendAndWait(new AdmitMember(id, request.clusterId(), request.effectiveFrom())), history(id));
    }

    @PostMapping("/{id}/withdrawal")
    public ResponseEntity<Recorded> withdraw(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
                                             @Valid @RequestBody WithdrawalRequest request) {
        return answer(id, commands.sendAndWait(new WithdrawMember(id, request.effectiveFrom(), request.reason())), history(id));
    }

    @PostMapping("/{id}/reorganisations")
    public ResponseEntity<Recorded> reorganise(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
                                               @Valid @RequestBody ReorganisationRequest request) {
        Outcome outcome = commands.sendAndWait(new ReorganiseUrbanArea(id, request.effectiveFrom(), request.name(),
                request.kind(), request.province(), request.urbanClass(), request.dissolvedInto(), request.note()));
        return answer(id, outcome, history(id));
    }

    @PostMapping("/{id}/retractions")
    public ResponseEntity<Recorded> retract(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
                                            @Valid @RequestBody RetractionRequest request) {
        return answer(id, commands.sendAndWait(new RetractRecord(id, request.eventId(), request.note())), history(id));
    }

    private static URI history(String id) {
        return URI.create("/api/membership/urban-areas/" + id + "/history");
    }

    private static ResponseEntity<Recorded> answer(String id, Outcome outcome, URI location) {
        Recorded body = new Recorded(id, outcome);
        return outcome == Outcome.RECORDED ? ResponseEntity.created(location).body(body) : ResponseEntity.ok(body);
    }
}
