package org.giaoban.platform.metrics;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.giaoban.platform.problem.DomainException;

/**
 * {@code giaoban_commands_seconds{command, outcome}}: every handled command, timed from handling to the end of its
 * unit of work (the events stored, or not). {@code outcome}: {@code success}; {@code rejected}, a domain rule refused
 * it (a 4xx answer); {@code failed}, anything else, e.g. a concurrency conflict at commit (retried: each attempt counts).
 */
public class CommandMetrics implements MessageHandlerInterceptor<CommandMessage<?>> {

    public static final String NAME = "giaoban.commands";

    private final MeterRegistry registry;

    public CommandMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        long started = System.nanoTime();
        String command = shortName(unitOfWork.getMessage().getCommandName());
        boolean[] rolledBack = {false};
        unitOfWork.onRollback(u -> rolledBack[0] = true);
        unitOfWork.onCleanup(u -> {
            String outcome = "success";
            Throwable failure = u.getExecutionResult() != null && u.getExecutionResult().isExceptionResult()
                    ? u.getExecutionResult().getExceptionResult() : null;
            if (failure != null) {
                outcome = isRejection(failure) ? "rejected" : "failed";
            } else if (rolledBack[0]) {
                outcome = "failed";
            }
            Timer.builder(NAME).description("Commands handled, by command and outcome")
                    .tag("command", command).tag("outcome", outcome)
                    .register(registry).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        });
        return chain.proceed();
    }

    private static boolean isRejection(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException || cause instanceof IllegalArgumentException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** {@code org.giaoban.membership.urbanarea.UrbanAreaCommands$Register} → {@code UrbanAreaCommands.Register}. */
    static String shortName(String commandName) {
        String simple = commandName.substring(commandName.lastIndexOf('.') + 1);
        return simple.replace('$', '.');
    }
}
