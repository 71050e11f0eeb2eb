package org.giaoban.platform.eventstore;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Two commands on one aggregate at the same moment: the event store's unique (aggregate, sequence) key lets one
 * append and refuses the other, which is retried here against the new state. Only that conflict is retried; a refusal
 * by the domain is final.
 */
public class ConcurrencyRetry implements RetryScheduler {

    private static final int MAX_RETRIES = 5;
    private final ScheduledExecutorService executor =
            Executors.newSingleThreadScheduledExecutor(new AxonThreadFactory("command-retry"));

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        boolean concurrent = lastFailure instanceof ConcurrencyException || lastFailure instanceof AggregateStreamCreationException;
        if (!concurrent || failures.size() > MAX_RETRIES) {
            return false;
        }
        executor.schedule(commandDispatch, 10L * failures.size(), TimeUnit.MILLISECONDS);
        return true;
    }

    public void shutdown() {
        executor.shutdownNow();
    }
}
