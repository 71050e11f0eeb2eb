package org.giaoban.competition.roster;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * How far a consumer group is behind a topic, asked from the broker every time (nothing is remembered between calls):
 * the records of each partition beyond the group's committed offset. The committed offset is what the group has
 * finished with; a partition with records and no committed offset counts from its first record.
 */
final class ConsumerGroupProgress implements AutoCloseable {

    /** Thrown when the broker does not answer in time or refuses: the progress is unknown. */
    static final class Unknown extends RuntimeException {
        Unknown(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Object> config;
    /** Created on first use (so that a broker unknown at start-up does not stop the service), then kept. */
    private Admin admin;

    ConsumerGroupProgress(Map<String, Object> adminConfig) {
        this.config = new HashMap<>(adminConfig);
        config.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
    }

    /**
     * The number of records of {@code topic} that {@code group} has not committed: 0 when it has committed the end
     * offset of every partition, when the topic has no records, or when the topic does not exist.
     *
     * @throws Unknown when the broker cannot tell
     */
    long recordsBehind(String group, String topic) {
        List<TopicPartition> partitions = partitions(topic);
        if (partitions.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, Long> start = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, OffsetAndMetadata> committed = await(
                admin().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata(), "the offsets of group " + group);
        long behind = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata done = committed.get(partition);
            long from = Math.max(start.get(partition), done == null ? 0 : done.offset());
            behind += Math.max(0, end.get(partition) - from);
        }
        return behind;
    }

    private List<TopicPartition> partitions(String topic) {
        try {
            TopicDescription description = admin().describeTopics(List.of(topic)).topicNameValues().get(topic)
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return description.partitions().stream().map(info -> new TopicPartition(topic, info.partition())).toList();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return List.of(); // nothing was ever published on it
            }
            throw new Unknown("Kafka did not describe " + topic + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new Unknown("Kafka did not describe " + topic + " within " + TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unknown("Interrupted while describing " + topic, e);
        }
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec));
        Map<TopicPartition, ListOffsetsResultInfo> offsets = await(admin().listOffsets(request).all(), "offsets of " + partitions);
        return offsets.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new Unknown("Kafka did not give " + what + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new Unknown("Kafka did not give " + what + " within " + TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unknown("Interrupted while asking Kafka for " + what, e);
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            try {
                admin = Admin.create(config);
            } catch (RuntimeException e) {
                throw new Unknown("No Kafka admin client: " + e, e);
            }
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
    }
}
