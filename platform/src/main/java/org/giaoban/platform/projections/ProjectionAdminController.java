package org.giaoban.platform.projections;

import java.util.List;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.giaoban.platform.metrics.OperationsMetrics;
import org.giaoban.platform.outbox.IntegrationEventRelay;
import org.giaoban.platform.problem.DomainException;
import org.giaoban.platform.projections.ProcessorMonitor.ProcessorStatus;
import org.giaoban.platform.web.RequestContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Each streaming processor's (projections, the outbox relay, planners) position per segment and lag behind the event
 * store, who claims its segments, and a rebuild: its tokens are reset and it replays the store from the start (its
 * {@code @ResetHandler} empties its tables first). Progress shows in {@code GET .../{name}} and in the listing.
 * (Imports the {@link ProcessorMonitor} it reads and the platform's Prometheus metrics, which read it too.)
 */
@RestController
@RequestMapping("${giaoban.api.base-path}/admin/projections")
@Import({ParkedEvents.class, ProcessorMonitor.class, OperationsMetrics.class})
public class ProjectionAdminController {

    private final ProcessorMonitor monitor;
    private final ParkedEventQueues parked;

    public ProjectionAdminController(ProcessorMonitor monitor, ParkedEventQueues parked) {
        this.monitor = monitor;
        this.parked = parked;
    }

    /** What became of a retry: whether the sequence's events were all handled, and what is still parked. */
    public record Retried(String processor, String sequence, boolean handled, ProcessorStatus status) {
    }

    @GetMapping
    public List<ProcessorStatus> list() {
        monitor.freshHead();
        return monitor.list();
    }

    @GetMapping("/{name}")
    public ProcessorStatus status(@PathVariable String name) {
        monitor.freshHead();
        return monitor.status(name).orElseThrow(() -> unknown(name));
    }

    @PostMapping("/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ProcessorStatus rebuild(@PathVariable String name) {
        if (IntegrationEventRelay.PROCESSING_GROUP.equals(name)) {
            throw DomainException.conflict("not-a-projection",
                    "The outbox relay is not a projection: replaying it would publish every event again.");
        }
        StreamingEventProcessor processor = monitor.processor(name).orElseThrow(() -> unknown(name));
        if (!processor.supportsReset()) {
            throw DomainException.conflict("rebuild-not-supported", "Projection " + name + " cannot be rebuilt.");
        }
        monitor.rebuild(processor);
        monitor.freshHead();
        return monitor.status(name).orElseThrow(() -> unknown(name));
    }

    /**
     * Hands a parked sequence (an aggregate id, as {@code parkedSequences} shows it) to the projection's handlers again,
     * in order: once the cause is fixed (a new version deployed, a row repaired), its read model catches up.
     */
    @PostMapping("/{name}/parked/{sequence}/retry")
    public Retried retry(@PathVariable String name, @PathVariable String sequence) {
        requireParked(name, sequence);
        boolean handled = parked.retry(name, sequence, RequestContext.actor());
        monitor.freshHead();
        return new Retried(name, sequence, handled, monitor.status(name).orElseThrow(() -> unknown(name)));
    }

    /** Drops a parked sequence for good: the projection will not show those events (until a rebuild replays them). */
    @DeleteMapping("/{name}/parked/{sequence}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void drop(@PathVariable String name, @PathVariable String sequence) {
        requireParked(name, sequence);
        parked.drop(name, sequence, RequestContext.actor());
    }

    private void requireParked(String name, String sequence) {
        monitor.processor(name).orElseThrow(() -> unknown(name));
        if (!parked.holds(name, sequence)) {
            throw DomainException.notFound("unknown-parked-sequence", "Projection " + name + " has nothing parked for " + sequence + ".");
        }
    }

    private static DomainException unknown(String name) {
        return DomainException.notFound("unknown-projection", "No projection named " + name + ".");
    }
}
