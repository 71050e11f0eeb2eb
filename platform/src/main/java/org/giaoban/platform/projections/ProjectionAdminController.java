package org.giaoban.platform.projections;

import java.util.List;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.giaoban.platform.metrics.OperationsMetrics;
import org.giaoban.platform.outbox.IntegrationEventRelay;
import org.giaoban.platform.problem.DomainException;
import org.giaoban.platform.projections.ProcessorMonitor.ProcessorStatus;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
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
@Import({ProcessorMonitor.class, OperationsMetrics.class})
public class ProjectionAdminController {

    private final ProcessorMonitor monitor;

    public ProjectionAdminController(ProcessorMonitor monitor) {
        this.monitor = monitor;
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

    private static DomainException unknown(String name) {
        return DomainException.notFound("unknown-projection", "No projection named " + name + ".");
    }
}
