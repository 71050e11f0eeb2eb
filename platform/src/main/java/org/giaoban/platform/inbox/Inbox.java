package org.giaoban.platform.inbox;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a consumer's effect happen once per message although Kafka delivers at least once: the message id is recorded
 * in {@code processed_message} in the same transaction as the effect (table of {@code db/platform/V2__inbox.sql}).
 *
 * <p>The transaction is the service's own Spring transaction over its data source, the one Axon's JDBC event store
 * and JdbcClient projections join: a command sent with {@code sendAndWait(...)} or a projection update inside the
 * effect commits or rolls back together with the record of the message. A command must be sent and awaited on this
 * thread: one dispatched asynchronously runs in a transaction of its own.
 *
 * <p>For the same reason, send commands from an effect through a gateway without a retry scheduler (e.g.
 * {@code DefaultCommandGateway.builder().commandBus(commandBus).build()}), not the platform's {@code commandGateway}
 * bean: that one retries a concurrency conflict on another thread, outside this transaction, which PostgreSQL has
 * already aborted, so the retried command would commit while the message is recorded as not handled and is delivered
 * again. Let the conflict fail the effect instead: the whole message is retried in a fresh transaction.
 */
public class Inbox {

    private static final String RECORD = """
            INSERT INTO processed_message (consumer, message_id, kafka_topic, kafka_partition, kafka_offset)
            VALUES (:consumer, :messageId, :topic, :partition, :offset)
            ON CONFLICT (consumer, message_id) DO NOTHING""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public Inbox(DataSource dataSource, PlatformTransactionManager transactionManager) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * Runs {@code effect} unless {@code consumer} has already handled {@code messageId}.
     *
     * @return true if the effect ran, false if the message had been handled before
     * @throws RuntimeException whatever the effect threw; then neither the effect nor the record of the message stays
     */
    public boolean handleOnce(String consumer, String messageId, Runnable effect) {
        return handleOnce(consumer, messageId, null, null, null, effect);
    }

    /** As {@link #handleOnce(String, String, Runnable)}, also recording where in Kafka the message was read. */
    public boolean handleOnce(String consumer, Envelope message, Runnable effect) {
        return handleOnce(consumer, message.id(), message.topic(), message.partition(), message.offset(), effect);
    }

    private boolean handleOnce(String consumer, String messageId, String topic, Integer partition, Long offset,
                               Runnable effect) {
        Boolean applied = transaction.execute(status -> {
            // A concurrent handler of the same id (a rebalance, two instances) waits here on the row lock until the
            // first commits, then inserts nothing: the effect never runs twice.
            int recorded = jdbc.sql(RECORD)
                    .param("consumer", consumer)
                    .param("messageId", messageId)
                    .param("topic", topic)
                    .param("partition", partition)
                    .param("offset", offset)
                    .update();
            if (recorded == 0) {
                return false;
            }
            effect.run();
            return true;
        });
        return Boolean.TRUE.equals(applied);
    }
}
