package org.giaoban.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker in KRaft mode (combined broker and controller, one node) inside this JVM, built on
 * spring-kafka-test's {@link EmbeddedKafkaKraftBroker}.
 *
 * <p>KRaft mode ignores {@code kafkaPorts(...)}, so the client port is fixed through the {@code listeners} broker
 * property: a free port is chosen once, which lets {@link #restart()} bring the broker back on the same address.
 * The broker's log directories live in a temporary directory that is deleted when the broker is stopped at JVM exit.
 */
final class InJvmKafka implements KafkaBroker {

    static final int PARTITIONS = 3;

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final EmbeddedKafkaKraftBroker broker;
    private final String bootstrapServers;

    private InJvmKafka(EmbeddedKafkaKraftBroker broker, String bootstrapServers) {
        this.broker = broker;
        this.bootstrapServers = bootstrapServers;
    }

    static InJvmKafka start() {
        int port = freePort();
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        // Do not publish the address as the global system property spring.kafka.bootstrap-servers:
        // RealInfrastructureInitializer tells each application context where the broker is.
        broker.brokerListProperty(null);
        broker.brokerProperties(Map.of(
                // The testkit names the client listener EXTERNAL; the controller keeps a random port.
                "listeners", "EXTERNAL://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:0",
                "auto.create.topics.enable", "true",
                "offsets.topic.replication.factor", "1",
                "offsets.topic.num.partitions", "5",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "transaction.state.log.num.partitions", "5",
                "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        InJvmKafka kafka = new InJvmKafka(broker, "127.0.0.1:" + port);
        kafka.awaitReady();
        return kafka;
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public String source() {
        return "embedded";
    }

    /**
     * Shuts the broker down (its controller keeps running, the log directories stay) and starts it again on the
     * same listener, then waits until the controller sees it registered and a client can reach it.
     */
    @Override
    public synchronized void restart() {
        BrokerServer server = broker.getCluster().brokers().values().iterator().next();
        server.shutdown();
        server.startup();
        try {
            broker.getCluster().waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("The in-JVM Kafka broker did not come back after a restart", e);
        }
        awaitReady();
    }

    @Override
    public synchronized void stop() {
        broker.destroy();
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
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        }
        throw new IllegalStateException("The in-JVM Kafka broker at " + bootstrapServers + " is not answering", last);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port for the in-JVM Kafka broker", e);
        }
    }
}
