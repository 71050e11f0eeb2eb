package org.giaoban.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.giaoban.contracts.EventCatalog;
import org.giaoban.contracts.IntegrationEvent;

/**
 * An integration event as a Kafka record in CloudEvents binary mode (EVENTS.md "Envelope"): key = the event's subject,
 * value = its JSON, and the {@code ce_} headers. The one encoding of the published language: the outbox relay
 * publishes with it, and tests that stand in for another service send exactly what that service would.
 */
public final class CloudEventRecord {

    private CloudEventRecord() {
    }

    /**
     * @param json          the event serialised as JSON
     * @param ceId          the id of the stored event it came from, stable across re-publication
     * @param correlationId the request's correlation id; null leaves the header out
     */
    public static ProducerRecord<String, byte[]> of(EventCatalog catalog, IntegrationEvent event, byte[] json, String ceId,
                                                    Instant time, String actor, String correlationId) {
        return of(catalog, event.getClass(), event.subject(), json, ceId, time, actor, correlationId);
    }

    /** The same for a value given as bytes, e.g. a message that a consumer cannot read. */
    public static ProducerRecord<String, byte[]> of(EventCatalog catalog, Class<? extends IntegrationEvent> type, String subject,
                                                    byte[] value, String ceId, Instant time, String actor, String correlationId) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, CloudEventHeaders.SPEC_VERSION, "1.0");
        add(headers, CloudEventHeaders.ID, ceId);
        add(headers, CloudEventHeaders.SOURCE, catalog.source());
        add(headers, CloudEventHeaders.TYPE, catalog.typeOf(type));
        add(headers, CloudEventHeaders.SUBJECT, subject);
        add(headers, CloudEventHeaders.TIME, time.toString());
        add(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
        add(headers, CloudEventHeaders.ACTOR, actor);
        add(headers, CloudEventHeaders.CORRELATION_ID, correlationId);
        return new ProducerRecord<>(catalog.topic(), null, subject, value, headers);
    }

    private static void add(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
