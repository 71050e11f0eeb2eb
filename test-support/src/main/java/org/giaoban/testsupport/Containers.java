package org.giaoban.testsupport;

import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

/** PostgreSQL and Kafka (KRaft) containers, started together once for the test JVM. Loaded only when Docker answers. */
final class Containers {

    static final String POSTGRES_IMAGE = "postgres:16-alpine";
    static final String KAFKA_IMAGE = "apache/kafka:3.9.1";

    private Containers() {
    }

    record Started(PostgresServer postgres, KafkaBroker kafka) {
    }

    static Started start() {
        PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>(DockerImageName.parse(POSTGRES_IMAGE))
                .withUsername("postgres")
                .withPassword("postgres")
                .withDatabaseName("postgres");
        KafkaContainer kafka = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE))
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")
                .withEnv("KAFKA_NUM_PARTITIONS", String.valueOf(InJvmKafka.PARTITIONS))
                .withEnv("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        Startables.deepStart(postgres, kafka).join();
        return new Started(new ContainerPostgres(postgres), new ContainerKafka(kafka));
    }

    private record ContainerPostgres(PostgreSQLContainer<?> container) implements PostgresServer {

        @Override
        public String host() {
            return container.getHost();
        }

        @Override
        public int port() {
            return container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT);
        }

        @Override
        public String user() {
            return container.getUsername();
        }

        @Override
        public String password() {
            return container.getPassword();
        }

        @Override
        public String source() {
            return "testcontainers";
        }

        @Override
        public void stop() {
            container.stop();
        }
    }

    private record ContainerKafka(KafkaContainer container) implements KafkaBroker {

        @Override
        public String bootstrapServers() {
            return container.getBootstrapServers();
        }

        @Override
        public String source() {
            return "testcontainers";
        }

        @Override
        public void restart() {
            throw new UnsupportedOperationException(
                    "restartKafka() needs the in-JVM broker: a restarted container gets a new mapped port."
                            + " Run with -Dgiaoban.test.docker=false for fault tests.");
        }

        @Override
        public void stop() {
            container.stop();
        }
    }
}
