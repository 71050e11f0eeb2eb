package org.giaoban.platform.eventstore;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.giaoban.platform.web.RequestContext;

/** Stamps every dispatched command with the acting client and the correlation id of the request that sent it. */
public class AttributionInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> attribution = new HashMap<>();
            if (!command.getMetaData().containsKey(Metadata.ACTOR)) {
                attribution.put(Metadata.ACTOR, RequestContext.actor());
            }
            String correlationId = RequestContext.correlationId();
            if (correlationId != null && !command.getMetaData().containsKey(Metadata.CORRELATION_ID)) {
                attribution.put(Metadata.CORRELATION_ID, correlationId);
            }
            return attribution.isEmpty() ? command : command.andMetaData(attribution);
        };
    }
}
