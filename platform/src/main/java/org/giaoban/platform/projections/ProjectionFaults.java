package org.giaoban.platform.projections;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Which processing groups of this instance are "careful" because one of their batches failed lately.
 *
 * <p>Careful means: each event is handled inside a savepoint of the batch's transaction, and tried again there a few
 * times if it fails ({@link EventSavepoints}), and {@link ProjectionWrites} writes at once instead of at commit. A
 * statement PostgreSQL refuses (a number or date it cannot hold) then aborts only that event's savepoint, not the
 * transaction, so the event can be parked ({@link ParkingPolicy}) and the rest of the batch commits. Normal batches
 * pay for none of this: a failure makes the group careful for {@link #CAREFUL_FOR}, and its batch is retried so.
 */
public class ProjectionFaults {

    /** How long a group stays careful after a failed batch. */
    public static final Duration CAREFUL_FOR = Duration.ofMinutes(10);
    /** Unit-of-work resource: the group whose batch is being handled ({@link #guard}). */
    static final String GROUP = ProjectionFaults.class.getName() + ".group";

    private final Clock clock;
    private final Map<String, Instant> carefulUntil = new ConcurrentHashMap<>();

    public ProjectionFaults(Clock clock) {
        this.clock = clock;
    }

    /** A processor interceptor that tells the handlers of a batch which group they work for. */
    MessageHandlerInterceptor<EventMessage<?>> guard(String group) {
        return (UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) -> {
            unitOfWork.root().resources().put(GROUP, group);
            return chain.proceed();
        };
    }

    /** The group of the batch running in this thread, if a guarded processor runs it. */
    static String currentGroup() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        return CurrentUnitOfWork.get().root().getResource(GROUP);
    }

    /** Whether the batch running in this thread belongs to a group that failed lately. */
    public boolean carefulNow() {
        String group = currentGroup();
        return group != null && careful(group);
    }

    public boolean careful(String group) {
        Instant until = carefulUntil.get(group);
        return until != null && clock.instant().isBefore(until);
    }

    /** A batch of the current thread's group failed: be careful for a while. */
    public void batchFailedNow() {
        String group = currentGroup();
        if (group != null) {
            batchFailed(group);
        }
    }

    void batchFailed(String group) {
        carefulUntil.put(group, clock.instant().plus(CAREFUL_FOR));
    }

}
