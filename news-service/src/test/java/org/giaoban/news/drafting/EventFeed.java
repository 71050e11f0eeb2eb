package org.giaoban.news.drafting;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.giaoban.contracts.EventCatalog;
import org.giaoban.contracts.IntegrationEvent;
import org.giaoban.contracts.competition.CompetitionEvents;
import org.giaoban.contracts.membership.MembershipEvents;
import org.giaoban.platform.outbox.CloudEventRecord;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Stands in for the competition and membership services: publishes their integration events exactly as their outbox
 * relay does ({@code org.giaoban.platform.outbox.IntegrationEventRelay}) — on the catalog's topic, key = the event's
 * subject, value = its JSON from Spring's {@link ObjectMapper}, CloudEvents binary headers {@code ce_specversion},
 * {@code ce_id}, {@code ce_source}, {@code ce_type}, {@code ce_subject}, {@code ce_time}, {@code content-type},
 * {@code ce_actor}, {@code ce_correlationid}. Every send waits for Kafka's acknowledgement.
 *
 * <p>The topics are shared by every test class of the module: give what a test publishes ids of its own
 * ({@link #uniqueId(String)}), except for fixed facts published under fixed {@code ce_id}s, which any test may publish
 * again (a redelivery, ignored by the consumers).
 */
final class EventFeed implements AutoCloseable {

    static final String ACTOR = "event-feed-test";
    private static final Duration ACKNOWLEDGEMENT = Duration.ofSeconds(30);

    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> kafka;
    private final ObjectMapper json;

    EventFeed(KafkaProperties kafka, ObjectMapper json) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties(null));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producers = new DefaultKafkaProducerFactory<>(config);
        this.kafka = new KafkaTemplate<>(producers);
        this.json = json;
    }

    /** An id no other test uses, e.g. {@code uniqueId("cum")} → {@code cum-3f9c1a2b}. */
    static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A stable {@code ce_id} for a fixed fact, the same in every run. */
    static String fixedId(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Publishes a competition event under a new {@code ce_id}, which it returns. */
    String competition(IntegrationEvent event) {
        return competition(event, UUID.randomUUID().toString());
    }

    /** Publishes a competition event under the given {@code ce_id} (the same id again is a redelivery). */
    String competition(IntegrationEvent event, String ceId) {
        return publish(CompetitionEvents.CATALOG, event, ceId);
    }

    /** Publishes a membership event under a new {@code ce_id}, which it returns. */
    String membership(IntegrationEvent event) {
        return publish(MembershipEvents.CATALOG, event, UUID.randomUUID().toString());
    }

    private String publish(EventCatalog catalog, IntegrationEvent event, String ceId) {
        try {
            kafka.send(CloudEventRecord.of(catalog, event, json.writeValueAsBytes(event), ceId, Instant.now(), ACTOR,
                    "feed-" + UUID.randomUUID())).get(ACKNOWLEDGEMENT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge " + event, e);
        }
        return ceId;
    }

    @Override
    public void close() {
        producers.destroy();
    }
}
