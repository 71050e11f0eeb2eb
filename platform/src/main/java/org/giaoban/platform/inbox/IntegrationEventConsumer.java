package org.giaoban.platform.inbox;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectReader;
import org.giaoban.contracts.EventCatalog;
import org.giaoban.contracts.IntegrationEvent;
import org.giaoban.contracts.Topics;
import org.giaoban.platform.web.RequestContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * One consumer of another service's integration events, exposed by the service as a Spring Cloud Stream functional
 * consumer bean. For each message: an unknown {@code ce_type} (or one this consumer has no handler for) is ignored;
 * otherwise the JSON is read into the event record (unknown fields ignored) and the handler runs through the
 * {@link Inbox}, once per {@code ce_id}, with the message's correlation id in the MDC.
 *
 * <p>A handler that throws makes the message fail: it is retried a bounded number of times and then parked on
 * {@code <topic>.dlt.<consumer>} ({@link RetryThenPark}), from where {@link ParkedMessages} replays it through this same
 * consumer once the cause is fixed. See {@code package-info} for how a service declares one.
 */
public final class IntegrationEventConsumer implements Consumer<Message<byte[]>> {

    /** What became of a message. */
    public enum Outcome {
        /** The handler ran and its effect is committed. */
        APPLIED,
        /** The message's {@code ce_id} had been handled before: nothing was done. */
        ALREADY_HANDLED,
        /** A type this consumer does not handle (perhaps newer than this service): nothing was done. */
        IGNORED
    }

    /** Handles one event; may use the envelope (id, actor, correlation id) of the message that carried it. */
    @FunctionalInterface
    public interface Handler<T> {
        void handle(T event, Envelope envelope);
    }

    private static final Logger log = LoggerFactory.getLogger(IntegrationEventConsumer.class);
    /** Consumer names become part of a topic name and a consumer group. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{0,99}");
    /** As {@code CorrelationFilter}: an id that could forge log lines stays out of the MDC. */
    private static final Pattern ACCEPTABLE_CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final String name;
    private final EventCatalog catalog;
    private final Map<Class<? extends IntegrationEvent>, Handler<?>> handlers;
    private final Inbox inbox;
    private final ObjectReader json;

    private IntegrationEventConsumer(String name, EventCatalog catalog, Map<Class<? extends IntegrationEvent>, Handler<?>> handlers,
                                     Inbox inbox, ObjectReader json) {
        this.name = name;
        this.catalog = catalog;
        this.handlers = Map.copyOf(handlers);
        this.inbox = inbox;
        this.json = json;
    }

    /** The consumer's name: its Kafka consumer group, its key in the inbox, the suffix of its dead-letter topic. */
    public String name() {
        return name;
    }

    /** The topic it reads. */
    public String topic() {
        return catalog.topic();
    }

    /** Where it parks what it could not handle: {@code <topic>.dlt.<consumer>}. */
    public String deadLetterTopic() {
        return Topics.deadLetter(catalog.topic(), name);
    }

    /** A message as the Kafka binder delivers it: Kafka headers as message headers, the record value as payload. */
    @Override
    public void accept(Message<byte[]> message) {
        MessageHeaders headers = message.getHeaders();
        Envelope envelope = Envelope.of(headers::get, headers.get(KafkaHeaders.RECEIVED_TOPIC, String.class),
                headers.get(KafkaHeaders.RECEIVED_PARTITION, Integer.class), headers.get(KafkaHeaders.OFFSET, Long.class));
        handle(envelope, message.getPayload());
    }

    /** Handles one message (live or replayed). */
    public Outcome handle(Envelope envelope, byte[] payload) {
        Optional<Class<? extends IntegrationEvent>> type = Optional.ofNullable(envelope.type()).flatMap(catalog::classOf)
                .filter(handlers::containsKey);
        if (type.isEmpty()) {
            log.debug("{} ignores message {} of type {} at {}", name, envelope.id(), envelope.type(), envelope.position());
            return Outcome.IGNORED;
        }
        if (envelope.id() == null || envelope.id().isBlank()) {
            throw new UnreadableMessage("Message of type " + envelope.type() + " at " + envelope.position()
                    + " has no ce_id: it cannot be handled exactly once");
        }
        IntegrationEvent event = read(type.get(), envelope, payload);
        String previousCorrelationId = MDC.get(RequestContext.CORRELATION_ID);
        if (envelope.correlationId() != null && ACCEPTABLE_CORRELATION_ID.matcher(envelope.correlationId()).matches()) {
            MDC.put(RequestContext.CORRELATION_ID, envelope.correlationId());
        }
        try {
            boolean applied = inbox.handleOnce(name, envelope, () -> dispatch(event, envelope));
            log.debug("{} {} {} {} at {}", name, applied ? "applied" : "had already handled", envelope.type(), envelope.id(),
                    envelope.position());
            return applied ? Outcome.APPLIED : Outcome.ALREADY_HANDLED;
        } finally {
            if (previousCorrelationId == null) {
                MDC.remove(RequestContext.CORRELATION_ID);
            } else {
                MDC.put(RequestContext.CORRELATION_ID, previousCorrelationId);
            }
        }
    }

    private IntegrationEvent read(Class<? extends IntegrationEvent> type, Envelope envelope, byte[] payload) {
        if (payload == null) {
            throw new UnreadableMessage("Message " + envelope.id() + " at " + envelope.position() + " has no value");
        }
        try {
            return json.readValue(payload, type);
        } catch (IOException e) {
            String reason = e instanceof JacksonException jackson ? jackson.getOriginalMessage() : e.getMessage();
            throw new UnreadableMessage("Message " + envelope.id() + " at " + envelope.position() + " does not read as "
                    + envelope.type() + ": " + reason, e);
        }
    }

    @SuppressWarnings("unchecked")
    private <T extends IntegrationEvent> void dispatch(T event, Envelope envelope) {
        ((Handler<T>) handlers.get(event.getClass())).handle(event, envelope);
    }

    @Override
    public String toString() {
        return "IntegrationEventConsumer[" + name + " on " + topic() + "]";
    }

    /** Collects the handlers of one consumer; obtained from {@link InboxConsumers#define(String, EventCatalog)}. */
    public static final class Builder {

        private final String name;
        private final EventCatalog catalog;
        private final Inbox inbox;
        private final ObjectReader json;
        private final Map<Class<? extends IntegrationEvent>, Handler<?>> handlers = new LinkedHashMap<>();

        Builder(String name, EventCatalog catalog, Inbox inbox, ObjectReader json) {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("A consumer name is lower case letters, digits, '.' and '-' "
                        + "(it names a consumer group and a topic): " + name);
            }
            this.name = name;
            this.catalog = catalog;
            this.inbox = inbox;
            this.json = json;
        }

        /** Handles events of {@code type}, which must be published on the catalog's topic. */
        public <T extends IntegrationEvent> Builder on(Class<T> type, Consumer<? super T> handler) {
            return on(type, (Handler<T>) (event, envelope) -> handler.accept(event));
        }

        /** Handles events of {@code type} with the envelope of the message that carried each. */
        public <T extends IntegrationEvent> Builder on(Class<T> type, Handler<? super T> handler) {
            catalog.typeOf(type); // fails at start-up if the type is not published on this topic
            if (handlers.putIfAbsent(type, handler) != null) {
                throw new IllegalArgumentException(name + " has two handlers for " + type.getName());
            }
            return this;
        }

        public IntegrationEventConsumer build() {
            if (handlers.isEmpty()) {
                throw new IllegalStateException(name + " handles no event type");
            }
            return new IntegrationEventConsumer(name, catalog, handlers, inbox, json);
        }
    }
}
