package org.giaoban.platform.projections;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.giaoban.platform.outbox.IntegrationEventRelay;
import org.giaoban.platform.projections.ParkedEventQueues.ParkedSequence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the operator sees of the streaming processors of a service (projections, the outbox relay, planners): each
 * one's position per segment against the event store's head, who claims its segments, and rebuilds in progress. Read
 * by {@link ProjectionAdminController} and by the processor gauges of {@code org.giaoban.platform.metrics}.
 */
public class ProcessorMonitor {

    private static final Logger log = LoggerFactory.getLogger(ProcessorMonitor.class);
    /** The head is one query; metrics scrapes read it once for all processors. */
    private static final long HEAD_CACHE_MILLIS = 500;

    private final EventProcessingConfiguration processing;
    private final ParkedEventQueues parked;
    private final EventStore eventStore;
    private final JdbcClient jdbc;
    private final TokenSchema tokens;
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private volatile long headReadAt;
    private volatile long cachedHead = -1;

    public ProcessorMonitor(EventProcessingConfiguration processing, ParkedEventQueues parked, EventStore eventStore,
                            DataSource dataSource, ObjectProvider<TokenSchema> tokenSchema) {
        this.processing = processing;
        this.parked = parked;
        this.eventStore = eventStore;
        this.jdbc = JdbcClient.create(dataSource);
        this.tokens = tokenSchema.getIfAvailable(() -> TokenSchema.builder().build());
    }

    /** One segment: its position, lag, and the node that claims it ({@code owner}, null if unclaimed). */
    public record SegmentStatus(int segment, String owner, boolean claimedHere, long position, long lag, boolean replaying,
                                Long resetPosition, boolean caughtUp, String error) {
    }

    /** A rebuild started here: when, and the head it replays up to. */
    public record Rebuild(Instant startedAt, long replayUpTo, Instant finishedAt) {
    }

    /**
     * {@code rebuilding}: a rebuild is replaying events the processor had seen before its reset ({@code progress} is
     * then the share replayed of those, in percent; otherwise the share of the store it has processed).
     */
    public record ProcessorStatus(String name, String state, boolean running, boolean rebuilding, long position,
                                  long head, long lag, double progress, int segments, List<SegmentStatus> segmentStatus,
                                  boolean publishesIntegrationEvents, Rebuild lastRebuild, long parkedEvents,
                                  List<ParkedSequence> parkedSequences) {
    }

    /** Parked sequences shown per processor; the count covers them all. */
    static final int PARKED_SHOWN = 50;

    public List<String> names() {
        return processors().stream().map(StreamingEventProcessor::getName).sorted().toList();
    }

    public List<ProcessorStatus> list() {
        long head = head();
        Map<String, Map<Integer, String>> owners = owners();
        return processors().stream()
                .map(processor -> status(processor, head, owners.getOrDefault(processor.getName(), Map.of())))
                .sorted(Comparator.comparing(ProcessorStatus::name))
                .toList();
    }

    public Optional<ProcessorStatus> status(String name) {
        return processor(name).map(processor -> status(processor, head(), owners().getOrDefault(name, Map.of())));
    }

    public Optional<StreamingEventProcessor> processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class);
    }

    /** Resets the processor's tokens and starts it again: it replays the store from the start. */
    public synchronized void rebuild(StreamingEventProcessor processor) {
        long replayUpTo = head();
        log.info("Rebuilding {}: replaying the event store up to {}", processor.getName(), replayUpTo);
        processor.shutDown();
        processor.resetTokens();
        rebuilds.put(processor.getName(), new Rebuild(Instant.now(), replayUpTo, null));
        processor.start();
    }

    /** The lowest position of the processor's segments (-1 before its first event), or empty if it has no status. */
    public OptionalLong position(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .mapToLong(status -> status.getCurrentPosition().orElse(-1))
                .min();
    }

    /** The global index of the newest stored event (-1: none). */
    public long head() {
        long now = System.currentTimeMillis();
        if (now - headReadAt > HEAD_CACHE_MILLIS) {
            cachedHead = position(eventStore.createHeadToken());
            headReadAt = now;
        }
        return cachedHead;
    }

    /** The head as of now, bypassing the cache (the admin endpoint). */
    public long freshHead() {
        headReadAt = 0;
        return head();
    }

    private List<StreamingEventProcessor> processors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .toList();
    }

    private ProcessorStatus status(StreamingEventProcessor processor, long head, Map<Integer, String> owners) {
        Map<Integer, EventTrackerStatus> local = processor.processingStatus();
        List<SegmentStatus> segments = new ArrayList<>();
        Map<Integer, String> all = new TreeMap<>(owners);
        local.keySet().forEach(segment -> all.putIfAbsent(segment, null));
        for (Map.Entry<Integer, String> segment : all.entrySet()) {
            EventTrackerStatus status = local.get(segment.getKey());
            if (status == null) {
                segments.add(new SegmentStatus(segment.getKey(), segment.getValue(), false, -1, -1, false, null, false, null));
            } else {
                long position = status.getCurrentPosition().orElse(-1);
                OptionalLong reset = status.getResetPosition();
                segments.add(new SegmentStatus(segment.getKey(), segment.getValue(), true, position, Math.max(0, head - position),
                        status.isReplaying(), reset.isPresent() ? reset.getAsLong() : null, status.isCaughtUp(),
                        status.isErrorState() && status.getError() != null ? status.getError().toString() : null));
            }
        }
        long position = local.values().stream().mapToLong(status -> status.getCurrentPosition().orElse(-1)).min().orElse(-1);
        long lag = Math.max(0, head - position);
        Rebuild rebuild = rebuilds.get(processor.getName());
        // Axon keeps its replay flag up while idle at the head: a rebuild is over once every segment has passed the
        // position it was reset at (or the processor has no lag left).
        boolean replaying = local.values().stream().anyMatch(status -> status.isReplaying()
                && status.getCurrentPosition().orElse(-1) < status.getResetPosition().orElse(Long.MAX_VALUE));
        boolean rebuilding;
        if (rebuild != null && rebuild.finishedAt() == null) {
            rebuilding = local.isEmpty() || (replaying && lag > 0) || position < rebuild.replayUpTo();
            if (!rebuilding && processor.isRunning()) {
                rebuild = new Rebuild(rebuild.startedAt(), rebuild.replayUpTo(), Instant.now());
                rebuilds.put(processor.getName(), rebuild);
                log.info("Rebuilt {} up to {} (started {})", processor.getName(), rebuild.replayUpTo(), rebuild.startedAt());
            }
        } else {
            rebuilding = replaying && lag > 0;
        }
        double progress;
        if (rebuilding) {
            long target = rebuild != null ? rebuild.replayUpTo() : head;
            progress = percent(position, target);
        } else {
            progress = percent(position, head);
        }
        long parkedEvents = parked.count(processor.getName());
        String state = !processor.isRunning() ? (processor.isError() ? "error" : "stopped")
                : rebuilding ? "rebuilding"
                : segments.stream().anyMatch(segment -> segment.error() != null) ? "error"
                : lag > 0 ? "catching-up"
                : "running";
        return new ProcessorStatus(processor.getName(), state, processor.isRunning(), rebuilding, position, head, lag,
                progress, all.size(), segments, IntegrationEventRelay.PROCESSING_GROUP.equals(processor.getName()),
                rebuild, parkedEvents, parkedEvents == 0 ? List.of() : parked.sequences(processor.getName(), PARKED_SHOWN));
    }

    private static double percent(long position, long target) {
        if (target <= 0) {
            return 100.0;
        }
        return Math.floor(Math.max(0, Math.min(1.0, (double) Math.max(0, position) / target)) * 1000) / 10.0;
    }

    /** Who claims each segment, from the token store (all nodes, not only this one). */
    private Map<String, Map<Integer, String>> owners() {
        Map<String, Map<Integer, String>> owners = new HashMap<>();
        try {
            jdbc.sql("SELECT " + tokens.processorNameColumn() + ", " + tokens.segmentColumn() + ", " + tokens.ownerColumn()
                            + " FROM " + tokens.tokenTable())
                    .query(rs -> {
                        owners.computeIfAbsent(rs.getString(1), name -> new TreeMap<>()).put(rs.getInt(2), rs.getString(3));
                    });
        } catch (RuntimeException e) {
            log.debug("Token owners unavailable: {}", e.toString());
        }
        return owners;
    }

    static long position(TrackingToken token) {
        if (token == null) {
            return -1;
        }
        return token.position().orElse(-1);
    }
}
