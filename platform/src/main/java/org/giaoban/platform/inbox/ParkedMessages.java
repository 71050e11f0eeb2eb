package org.giaoban.platform.inbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.giaoban.platform.problem.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The messages each consumer parked on its dead-letter topic, and their replay once the cause is fixed.
 *
 * <p>Each consumer's replay position is the committed offset of consumer group {@code <consumer>.dlt-replay} on
 * {@code <topic>.dlt.<consumer>}: what lies beyond it is still parked. A replay reads from there to the end the topic
 * had when the replay started and hands each record to the consumer's own handler chain, through the inbox: a message
 * that was meanwhile handled (redelivered, republished) is not applied twice. The position moves past each record as
 * soon as it is handled. The replay stops at the first record that fails again and reports it; that record and those
 * behind it stay parked for the next replay.
 *
 * <p>A message that can never be handled (e.g. one without {@code ce_id}) stops every replay at its position. To
 * discard it for good, move the replay group past it: {@code kafka-consumer-groups --group <consumer>.dlt-replay
 * --topic <dead-letter topic>:<partition> --reset-offsets --to-offset <offset + 1> --execute}.
 */
public class ParkedMessages {

    private static final Logger log = LoggerFactory.getLogger(ParkedMessages.class);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(200);
    /** A replay that has not reached the end by then reports what it did; the next replay goes on from there. */
    private static final Duration REPLAY_LIMIT = Duration.ofMinutes(2);

    /** How many messages a consumer has parked and not yet replayed. */
    public record Parked(String consumer, String topic, String deadLetterTopic, long parked) {
    }

    /** Where a replay stopped: the record that failed again, which stays parked. */
    public record Failure(int partition, long offset, String messageId, String type, String reason) {
    }

    /**
     * @param applied        replayed records whose effect was applied now
     * @param alreadyHandled replayed records that had been handled meanwhile: nothing was done again
     * @param ignored        replayed records of a type the consumer no longer handles
     * @param stoppedAt      the record that failed again, or null if the replay went through
     * @param stillParked    what is left to replay
     */
    public record ReplayReport(String consumer, String deadLetterTopic, int applied, int alreadyHandled, int ignored,
                               Failure stoppedAt, long stillParked) {
    }

    private final ObjectProvider<IntegrationEventConsumer> consumers;
    private final KafkaProperties kafka;

    public ParkedMessages(ObjectProvider<IntegrationEventConsumer> consumers, KafkaProperties kafka) {
        this.consumers = consumers;
        this.kafka = kafka;
    }

    /** Every consumer of this service with what it has parked, by name. */
    public List<Parked> parked() {
        return consumers.orderedStream()
                .sorted(Comparator.comparing(IntegrationEventConsumer::name))
                .map(consumer -> {
                    try (KafkaConsumer<byte[], byte[]> replayGroup = replayGroup(consumer)) {
                        return new Parked(consumer.name(), consumer.topic(), consumer.deadLetterTopic(),
                                stillParked(replayGroup, partitions(replayGroup, consumer)));
                    }
                })
                .toList();
    }

    /** Replays what {@code consumerName} has parked; one replay at a time in this instance. */
    public synchronized ReplayReport replay(String consumerName) {
        IntegrationEventConsumer consumer = consumer(consumerName);
        try (KafkaConsumer<byte[], byte[]> replayGroup = replayGroup(consumer)) {
            List<TopicPartition> partitions = partitions(replayGroup, consumer);
            // Assigned, not subscribed: no group rebalance to wait for. The group's committed offsets are the start.
            replayGroup.assign(partitions);
            Map<TopicPartition, Long> end = replayGroup.endOffsets(partitions, KAFKA_TIMEOUT);
            Tally tally = new Tally();
            long deadline = System.nanoTime() + REPLAY_LIMIT.toNanos();
            replay:
            while (!reached(replayGroup, end) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : replayGroup.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue; // parked after the replay began: left for the next one
                    }
                    Envelope envelope = originalEnvelope(record);
                    try {
                        tally.count(consumer.handle(envelope, record.value()));
                    } catch (RuntimeException e) {
                        tally.stoppedAt = new Failure(record.partition(), record.offset(), envelope.id(), envelope.type(),
                                rootMessage(e));
                        log.warn("Replay of {} stopped at {}-{}@{} ({}): {}", consumer.name(), record.topic(),
                                record.partition(), record.offset(), envelope.id(), tally.stoppedAt.reason());
                        break replay;
                    }
                    replayGroup.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)), KAFKA_TIMEOUT);
                }
            }
            ReplayReport report = new ReplayReport(consumer.name(), consumer.deadLetterTopic(), tally.applied,
                    tally.alreadyHandled, tally.ignored, tally.stoppedAt, stillParked(replayGroup, partitions));
            log.info("Replayed {}: {} applied, {} already handled, {} ignored, {} still parked", consumer.name(),
                    report.applied(), report.alreadyHandled(), report.ignored(), report.stillParked());
            return report;
        }
    }

    private IntegrationEventConsumer consumer(String name) {
        return consumers.orderedStream()
                .filter(consumer -> consumer.name().equals(name))
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("unknown-consumer", "This service has no consumer named " + name + "."));
    }

    private KafkaConsumer<byte[], byte[]> replayGroup(IntegrationEventConsumer consumer) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties(null));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, consumer.name() + ".dlt-replay");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, consumer.name() + ".dlt-replay");
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> kafka, IntegrationEventConsumer consumer) {
        return kafka.partitionsFor(consumer.deadLetterTopic(), KAFKA_TIMEOUT).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
    }

    private static boolean reached(KafkaConsumer<?, ?> kafka, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> kafka.position(e.getKey(), KAFKA_TIMEOUT) >= e.getValue());
    }

    private static long stillParked(KafkaConsumer<?, ?> kafka, List<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return 0;
        }
        Set<TopicPartition> all = new HashSet<>(partitions);
        Map<TopicPartition, OffsetAndMetadata> replayed = kafka.committed(all, KAFKA_TIMEOUT);
        Map<TopicPartition, Long> begin = kafka.beginningOffsets(all, KAFKA_TIMEOUT);
        Map<TopicPartition, Long> end = kafka.endOffsets(all, KAFKA_TIMEOUT);
        return partitions.stream().mapToLong(partition -> {
            OffsetAndMetadata position = replayed.get(partition);
            long from = Math.max(begin.get(partition), position == null ? 0 : position.offset());
            return Math.max(0, end.get(partition) - from);
        }).sum();
    }

    /** The parked record's CloudEvents headers, at the position where it was first read. */
    private static Envelope originalEnvelope(ConsumerRecord<byte[], byte[]> record) {
        String topic = text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        Header partition = record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION);
        Header offset = record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET);
        return Envelope.of(name -> value(record, name),
                topic != null ? topic : record.topic(),
                partition != null ? ByteBuffer.wrap(partition.value()).getInt() : record.partition(),
                offset != null ? ByteBuffer.wrap(offset.value()).getLong() : record.offset());
    }

    private static byte[] value(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : header.value();
    }

    private static String text(ConsumerRecord<?, ?> record, String name) {
        byte[] value = value(record, name);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static final class Tally {
        int applied;
        int alreadyHandled;
        int ignored;
        Failure stoppedAt;

        void count(IntegrationEventConsumer.Outcome outcome) {
            switch (outcome) {
                case APPLIED -> applied++;
                case ALREADY_HANDLED -> alreadyHandled++;
                case IGNORED -> ignored++;
            }
        }
    }
}
