package org.giaoban.platform.inbox;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.giaoban.platform.outbox.CloudEventHeaders;
import org.giaoban.testsupport.TestInfrastructure;

/** Sends CloudEvents to the test broker as a producing service would, and reads dead-letter topics back. */
final class TestMessages {

    static final String NOTE_TAKEN = "org.giaoban.inboxtest.NoteTaken.v1";

    private TestMessages() {
    }

    static String noteTaken(String noteId, String text) {
        return "{\"noteId\":\"" + noteId + "\",\"text\":\"" + text + "\"}";
    }

    /** Sends one record keyed by {@code key}; a null {@code ceId} or {@code correlationId} leaves the header out. */
    static void send(String topic, String key, String ceId, String ceType, String json, String correlationId) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, CloudEventHeaders.SPEC_VERSION, "1.0");
        add(headers, CloudEventHeaders.ID, ceId);
        add(headers, CloudEventHeaders.SOURCE, "/giaoban/inbox-test");
        add(headers, CloudEventHeaders.TYPE, ceType);
        add(headers, CloudEventHeaders.SUBJECT, key);
        add(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
        add(headers, CloudEventHeaders.ACTOR, "coordinator-tay-bac");
        add(headers, CloudEventHeaders.CORRELATION_ID, correlationId);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, null, key, json.getBytes(StandardCharsets.UTF_8), headers))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    static void sendNote(String topic, String ceId, String noteId, String text) {
        send(topic, noteId, ceId, NOTE_TAKEN, noteTaken(noteId, text), null);
    }

    /** Reads {@code topic} from the start until a record matches. */
    static ConsumerRecord<byte[], byte[]> awaitRecord(String topic, Predicate<ConsumerRecord<byte[], byte[]>> matching) {
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "inbox-test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(Set.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (matching.test(record)) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }

    static Predicate<ConsumerRecord<byte[], byte[]>> withKey(String key) {
        return record -> record.key() != null && key.equals(new String(record.key(), StandardCharsets.UTF_8));
    }

    static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static void add(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
