package org.giaoban.platform.projections;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * While a processing group is careful ({@link ProjectionFaults}), each of its event handlers runs in a savepoint of the
 * batch's transaction (Spring's nested transaction), so that a statement PostgreSQL refuses rolls back that event's
 * writes only and leaves the transaction usable: the dead-letter queue can then park the event in it, and the rest of
 * the batch commits. A failing event is tried {@code attempts} times in a row, each in a fresh savepoint, before its
 * failure goes on to be parked; a failure of the infrastructure is not tried again here (the whole batch will be).
 * Outside careful groups, and for aggregates' event-sourcing handlers, handlers run as they are.
 *
 * <p>Axon applies every {@link HandlerEnhancerDefinition} bean to every handler; this one sits inside the dead-letter
 * queue's error handling, which a processor interceptor would not.
 */
public class EventSavepoints implements HandlerEnhancerDefinition {

    private final ProjectionFaults faults;
    private final ObjectProvider<PlatformTransactionManager> transactions;
    private final int attempts;
    private volatile TransactionTemplate savepoint;

    public EventSavepoints(ProjectionFaults faults, ObjectProvider<PlatformTransactionManager> transactions, int attempts) {
        this.faults = faults;
        this.transactions = transactions;
        this.attempts = Math.max(1, attempts);
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class) || original.hasAnnotation(EventSourcingHandler.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (!faults.carefulNow()) {
                    return super.handle(message, target);
                }
                for (int attempt = 1; ; attempt++) {
                    try {
                        return inSavepoint(() -> super.handle(message, target));
                    } catch (Exception e) {
                        if (attempt >= attempts || ParkingPolicy.transientFailure(e)) {
                            throw e;
                        }
                    }
                }
            }
        };
    }

    private interface Handling {
        Object run() throws Exception;
    }

    private TransactionTemplate savepoint() {
        if (savepoint == null) {
            TransactionTemplate template = new TransactionTemplate(transactions.getObject());
            template.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
            savepoint = template;
        }
        return savepoint;
    }

    private Object inSavepoint(Handling handling) throws Exception {
        try {
            return savepoint().execute(status -> {
                try {
                    return handling.run();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new CheckedFailure(e);
                }
            });
        } catch (CheckedFailure e) {
            throw (Exception) e.getCause();
        }
    }

    private static final class CheckedFailure extends RuntimeException {
        CheckedFailure(Exception cause) {
            super(cause);
        }
    }
}
