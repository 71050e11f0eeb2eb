package org.giaoban.platform.inbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.giaoban.contracts.EventCatalog;

/** Where a service defines its {@link IntegrationEventConsumer}s: {@code consumers.define(name, catalog).on(...).build()}. */
public class InboxConsumers {

    private final Inbox inbox;
    private final ObjectReader json;

    public InboxConsumers(Inbox inbox, ObjectMapper objectMapper) {
        this.inbox = inbox;
        // A producer may add optional fields to a published type without a new version: readers ignore what they
        // do not know.
        this.json = objectMapper.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * @param consumer the consumer's name, e.g. {@code competition-rosters}: its consumer group (the binding's
     *                 {@code group}), its key in the inbox and the suffix of its dead-letter topic
     * @param catalog  the published types of the topic it reads (the binding's {@code destination})
     */
    public IntegrationEventConsumer.Builder define(String consumer, EventCatalog catalog) {
        return new IntegrationEventConsumer.Builder(consumer, catalog, inbox, json);
    }
}
