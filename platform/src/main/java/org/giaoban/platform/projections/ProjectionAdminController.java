package org.giaoban.platform.projections;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.giaoban.platform.outbox.IntegrationEventRelay;
import org.giaoban.platform.problem.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Each projection's position and lag behind the event store, and a rebuild: its token is reset and it replays the
 * store from the start (its {@code @ResetHandler} empties its tables first). Progress shows in the listing.
 */
@RestController
@RequestMapping("${giaoban.api.base-path}/admin/projections")
public class ProjectionAdminController {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    public ProjectionAdminController(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    /**
     * {@code rebuilding}: replaying events it had seen before a reset. (Axon keeps its replay flag up while idle at the
     * head; a projection with no lag has finished its rebuild.)
     */
    public record ProjectionStatus(String name, boolean running, boolean rebuilding, long position, long head, long lag,
                                   int segments, boolean publishesIntegrationEvents) {
    }

    @GetMapping
    public List<ProjectionStatus> list() {
        long head = position(eventStore.createHeadToken());
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .map(processor -> status(processor, head))
                .sorted(Comparator.comparing(ProjectionStatus::name))
                .toList();
    }

    @PostMapping("/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ProjectionStatus rebuild(@PathVariable String name) {
        if (IntegrationEventRelay.PROCESSING_GROUP.equals(name)) {
            throw DomainException.conflict("not-a-projection",
                    "The outbox relay is not a projection: replaying it would publish every event again.");
        }
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> DomainException.notFound("unknown-projection", "No projection named " + name + "."));
        if (!processor.supportsReset()) {
            throw DomainException.conflict("rebuild-not-supported", "Projection " + name + " cannot be rebuilt.");
        }
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return status(processor, position(eventStore.createHeadToken()));
    }

    private static ProjectionStatus status(StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        long position = segments.values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(current -> current.orElse(-1))
                .min().orElse(-1);
        boolean replaying = segments.values().stream().anyMatch(EventTrackerStatus::isReplaying);
        long lag = Math.max(0, head - position);
        return new ProjectionStatus(processor.getName(), processor.isRunning(), replaying && lag > 0, position, head, lag,
                segments.size(),
                IntegrationEventRelay.PROCESSING_GROUP.equals(processor.getName()));
    }

    private static long position(TrackingToken token) {
        if (token == null) {
            return -1;
        }
        OptionalLong position = token.position();
        return position.orElse(-1);
    }
}
