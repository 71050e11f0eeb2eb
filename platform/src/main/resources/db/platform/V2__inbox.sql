-- The inbox: the integration events each consumer of this service has already handled, by CloudEvents id (ce_id).
-- Kafka delivers at least once: a redelivery after a crash or a rebalance, a re-publication by the producer's relay
-- (same ce_id), a replay from the dead-letter topic. A consumer inserts the id in the same transaction as its effect
-- (a command appending events, a projection update) and skips an id that is already here, so the effect happens once.
-- Rows are kept: the topics are kept forever and a consumer that is reset to offset 0 must skip what it has applied.
CREATE TABLE processed_message (
    consumer        VARCHAR(100) NOT NULL,
    message_id      VARCHAR(255) NOT NULL,
    -- Where the message was read, to trace a row back to Kafka; for a replayed message, where it was first read.
    kafka_topic     VARCHAR(249),
    kafka_partition INTEGER,
    kafka_offset    BIGINT,
    processed_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, message_id)
);
