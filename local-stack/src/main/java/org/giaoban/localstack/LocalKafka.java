package org.giaoban.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real Kafka broker in KRaft mode for local runs: one node that is both broker and controller (node.id 1),
 * listening on {@code PLAINTEXT://127.0.0.1:<kafka port>} and {@code CONTROLLER://127.0.0.1:<controller port>},
 * with its logs in {@code <data>/kafka/logs}.
 *
 * <p>On the first start the storage is formatted (as {@code kafka-storage.sh format} would) with a cluster id that
 * is generated once and kept in {@code <data>/kafka/cluster.id}; later starts reuse the formatted logs, so topics,
 * records and committed offsets survive restarts. The generated {@code server.properties} is rewritten on every
 * start and kept next to the logs for reference.
 */
final class LocalKafka implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private LocalKafka(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    static LocalKafka start(LocalStackSettings settings) throws IOException {
        Path kafkaDir = settings.kafkaDir();
        Path logDir = kafkaDir.resolve("logs");
        Files.createDirectories(logDir);
        Properties properties = serverProperties(settings, logDir);
        Path propertiesFile = kafkaDir.resolve("server.properties");
        try (Writer writer = Files.newBufferedWriter(propertiesFile, StandardCharsets.UTF_8)) {
            properties.store(writer, "Written by the Giao Ban local stack on every start; edits are lost");
        }
        String clusterId = clusterId(kafkaDir.resolve("cluster.id"));
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(clusterId, propertiesFile);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        server.startup();
        LocalKafka kafka = new LocalKafka(server, "127.0.0.1:" + settings.kafkaPort());
        try {
            kafka.awaitReady();
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        return kafka;
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** Blocks until the broker has shut down (after {@link #close()} or a fatal error). */
    void awaitShutdown() {
        server.awaitShutdown();
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    static Properties serverProperties(LocalStackSettings settings, Path logDir) {
        String controller = "127.0.0.1:" + settings.kafkaControllerPort();
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@" + controller);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + settings.kafkaPort() + ",CONTROLLER://" + controller);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + settings.kafkaPort());
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("auto.create.topics.enable", "true");
        // One node: internal topics cannot have more than one replica.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // Two cores on the build machines: fewer threads than the defaults (3 network, 8 I/O).
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "4");
        return p;
    }

    private static String clusterId(Path file) throws IOException {
        if (Files.exists(file)) {
            String id = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!id.isEmpty()) {
                return id;
            }
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id + System.lineSeparator(), StandardCharsets.UTF_8);
        return id;
    }

    private static void format(String clusterId, Path propertiesFile) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(new String[] {"format", "--cluster-id", clusterId, "--config", propertiesFile.toString()}, out);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Formatting the Kafka storage failed: " + e.getMessage()
                    + System.lineSeparator() + output.toString(StandardCharsets.UTF_8), e);
        }
        if (exitCode != 0) {
            throw new IllegalStateException("Formatting the Kafka storage failed (exit code " + exitCode + "): "
                    + output.toString(StandardCharsets.UTF_8));
        }
        LocalStack.say("Kafka: formatted new storage, cluster id " + clusterId);
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Exception last = null;
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
            while (System.nanoTime() < deadline) {
                try {
                    if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs(5_000))
                            .nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    last = e;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for Kafka", e);
                }
            }
        }
        throw new IllegalStateException("Kafka at " + bootstrapServers + " did not answer within " + READY_TIMEOUT, last);
    }
}
