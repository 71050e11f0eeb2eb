package org.giaoban.testsupport;

/** A running Kafka broker as the tests see it. */
interface KafkaBroker {

    String bootstrapServers();

    /** {@code testcontainers} or {@code embedded}. */
    String source();

    void restart();

    void stop();
}
