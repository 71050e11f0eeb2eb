package org.giaoban.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import org.giaoban.platform.outbox.CloudEventHeaders;

/**
 * The CloudEvents attributes of the message being handled, and where in Kafka it was read (for a replayed message:
 * where it was first read). A handler that sends a command can pass {@link #actor()} and {@link #correlationId()} on,
 * so that what the consumer causes stays attributable.
 *
 * @param id            {@code ce_id}: the message's identity, on which consumers are idempotent
 * @param type          {@code ce_type}, e.g. {@code org.giaoban.membership.MemberAdmitted.v1}
 * @param subject       {@code ce_subject}: the id of the aggregate the event is about (also the record key)
 * @param correlationId {@code ce_correlationid}: the request that caused the event, if any
 * @param actor         {@code ce_actor}: who caused the event
 */
public record Envelope(String id, String type, String source, String subject, String time, String correlationId,
                       String actor, String topic, Integer partition, Long offset) {

    /** Reads the {@code ce_} headers; their values are the raw UTF-8 bytes Kafka carries, or already strings. */
    static Envelope of(Function<String, Object> headers, String topic, Integer partition, Long offset) {
        return new Envelope(text(headers.apply(CloudEventHeaders.ID)), text(headers.apply(CloudEventHeaders.TYPE)),
                text(headers.apply(CloudEventHeaders.SOURCE)), text(headers.apply(CloudEventHeaders.SUBJECT)),
                text(headers.apply(CloudEventHeaders.TIME)), text(headers.apply(CloudEventHeaders.CORRELATION_ID)),
                text(headers.apply(CloudEventHeaders.ACTOR)), topic, partition, offset);
    }

    /** "topic-partition@offset", for log lines. */
    String position() {
        return topic + "-" + partition + "@" + offset;
    }

    private static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}
