package org.giaoban.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.tools.ProducerPerformance;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.giaoban.platform.eventstore.AxonJdbcStorage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * B4: the platform's outbox relay approach (a tracking processor, the platform's batch size (and 1000), one thread; an asynchronous send per
 * event with CloudEvents headers; the batch's token stored only after Kafka acknowledged all its sends; producer
 * acks=all, idempotent, linger 2 ms) ÷ the lower of a raw ordered scan of the same store and Kafka's own
 * ProducerPerformance tool on the same broker with the same value size and producer settings.
 */
final class B4Publish {

    private final Report report;

    B4Publish(Report report) {
        this.report = report;
    }

    /** The relay's handler, as org.giaoban.platform.outbox.IntegrationEventRelay does it (copied approach). */
    public static final class Relay {
        private static final String PENDING = Relay.class.getName() + ".pending";
        final AtomicLong acknowledged = new AtomicLong();
        final KafkaProducer<String, byte[]> producer;
        final ObjectMapper json;
        final String topic;

        Relay(KafkaProducer<String, byte[]> producer, ObjectMapper json, String topic) {
            this.producer = producer;
            this.json = json;
            this.topic = topic;
        }

        @EventHandler
        public void publish(VoteCast event, EventMessage<?> message) throws Exception {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.roundId(), json.writeValueAsBytes(event));
            record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                    .add("ce_id", message.getIdentifier().getBytes(StandardCharsets.UTF_8))
                    .add("ce_type", "org.giaoban.competition.vote-cast.v1".getBytes(StandardCharsets.UTF_8))
                    .add("ce_source", "/giaoban/competition".getBytes(StandardCharsets.UTF_8))
                    .add("ce_time", message.getTimestamp().toString().getBytes(StandardCharsets.UTF_8))
                    .add("ce_actor", String.valueOf(message.getMetaData().get("actor")).getBytes(StandardCharsets.UTF_8));
            CompletableFuture<Object> sent = new CompletableFuture<>();
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    sent.complete(metadata);
                } else {
                    sent.completeExceptionally(error);
                }
            });
            pending().add(sent);
        }

        private List<CompletableFuture<?>> pending() {
            UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
            return batch.getOrComputeResource(PENDING, key -> {
                List<CompletableFuture<?>> sends = new ArrayList<>();
                batch.onPrepareCommit(u -> {
                    try {
                        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException("Kafka did not acknowledge " + sends.size() + " events", e);
                    }
                    acknowledged.addAndGet(sends.size());
                });
                return sends;
            });
        }
    }

    void run() throws Exception {
        int events = Settings.integer("b4-events", 200_000);
        int platformBatch = platformDefault();
        int[] batches = java.util.Arrays.stream(Settings.text("b4-processor-batch", "1000," + platformBatch).split(","))
                .mapToInt(x -> Integer.parseInt(x.trim())).toArray();
        int engineBatch = Settings.integer("engine-batch", AxonJdbcStorage.FETCH_SIZE);
        String bootstrap = Settings.text("kafka", null);
        EmbeddedKafkaKraftBroker broker = null;
        if (bootstrap == null) {
            int port;
            try (var socket = new java.net.ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            broker = new EmbeddedKafkaKraftBroker(1, 3);
            broker.brokerListProperty(null);
            broker.brokerProperties(Map.of("listeners", "EXTERNAL://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:0",
                    "offsets.topic.replication.factor", "1", "transaction.state.log.replication.factor", "1",
                    "transaction.state.log.min.isr", "1", "group.initial.rebalance.delay.ms", "0"));
            broker.afterPropertiesSet();
            bootstrap = "127.0.0.1:" + port;
            report.note("B4: broker: an in-process KRaft broker (spring-kafka-test), same JVM as the relay and the perf tool");
        } else {
            report.note("B4: broker: " + bootstrap);
        }
        String run = Long.toString(System.currentTimeMillis(), 36);
        String relayTopic = "bench.relay." + run;
        String perfTopic = "bench.perf." + run;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(relayTopic, 3, (short) 1), new NewTopic(perfTopic, 3, (short) 1)))
                    .all().get(60, TimeUnit.SECONDS);
        }
        try (Infra infra = Infra.fresh("bench_b4", 4)) {
            Loader.load(infra, events, 100, 0);
            long valueBytes = infra.count("SELECT avg(length(payload))::bigint FROM domain_event_entry");
            B3Replay.rawScan(infra, events);
            double scan = events / B3Replay.rawScan(infra, events);

            double perf = producerPerformance(bootstrap, perfTopic, events, (int) valueBytes);

            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            p.put(ProducerConfig.LINGER_MS_CONFIG, 2);
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
                EmbeddedEventStore store = infra.store(infra.engine(engineBatch));
                for (int batch : batches) {
                    Relay relay = new Relay(producer, infra.json, relayTopic);
                    double relayRate = events / Processors.replay(infra, store, relay, relay.acknowledged, events, batch);
                    double baseline = Math.min(scan, perf);
                    report.figure("B4", "store -> Kafka relay, processor batch " + batch + (batch == platformBatch ? " (platform default)" : "")
                            + ", engine batch " + engineBatch, relayRate, "events/s",
                            scan <= perf ? "raw ordered scan (lower of the two)" : "ProducerPerformance (lower of the two)",
                            baseline, 0.5, ">= 0.5");
                }
                report.note(String.format(Locale.ROOT, "B4: %d events, value %d bytes avg; raw scan %.0f events/s; "
                        + "ProducerPerformance (acks=all, idempotent, linger 2 ms, no headers) %.0f records/s", events, valueBytes, scan, perf));
                store.shutDown();
            }
        } finally {
            if (broker != null) {
                broker.destroy();
            }
        }
    }

    /** The relay's batch size in the platform's defaults (giaoban-platform-defaults.properties). */
    static int platformDefault() {
        java.util.Properties defaults = new java.util.Properties();
        try (var in = B4Publish.class.getResourceAsStream("/giaoban-platform-defaults.properties")) {
            defaults.load(in);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("the platform's defaults are not on the class path", e);
        }
        return Integer.parseInt(defaults.getProperty("axon.eventhandling.processors.integration-publisher.batch-size").trim());
    }

    private double producerPerformance(String bootstrap, String topic, int records, int size) throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ProducerPerformance.main(new String[] {"--topic", topic, "--num-records", String.valueOf(records),
                    "--record-size", String.valueOf(size), "--throughput", "-1", "--producer-props",
                    "bootstrap.servers=" + bootstrap, "acks=all", "enable.idempotence=true", "linger.ms=2"});
        } finally {
            System.setOut(out);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        String[] lines = text.trim().split("\n");
        String last = lines[lines.length - 1];
        System.out.println("ProducerPerformance: " + last);
        Matcher m = Pattern.compile("([0-9.]+) records/sec").matcher(last);
        if (!m.find()) {
            throw new IllegalStateException("unexpected ProducerPerformance output: " + text);
        }
        return Double.parseDouble(m.group(1));
    }
}
