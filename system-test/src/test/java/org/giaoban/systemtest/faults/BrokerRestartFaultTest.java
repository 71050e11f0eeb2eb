package org.giaoban.systemtest.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.giaoban.systemtest.faults.Faults.RESUME;
import static org.giaoban.systemtest.faults.Faults.count;
import static org.giaoban.systemtest.faults.Faults.storedEvents;
import static org.giaoban.systemtest.faults.Faults.untilAcknowledged;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.giaoban.systemtest.faults.Faults.Refusals;
import org.giaoban.systemtest.harness.Gateway;
import org.giaoban.systemtest.harness.KafkaTopic;
import org.giaoban.systemtest.harness.SystemTest;
import org.giaoban.systemtest.harness.SystemUnderTest;
import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.Test;

/**
 * The Kafka broker (the local stack's process) stopped and started again three times while commands arrive: commands
 * are acknowledged or refused cleanly meanwhile, every acknowledged one is stored once, and once the broker is back
 * every stored event reaches the topic (one {@code ce_id} each) and the consumers apply it, within 60 s.
 */
@SystemTest
class BrokerRestartFaultTest {

    private static final int RESTARTS = 3;

    @Test
    void the_broker_restarted_three_times_under_load(SystemUnderTest system) throws Exception {
        Gateway gateway = system.gateway();
        Http operator = gateway.http(gateway.operatorToken());
        String run = Faults.runId();
        String prefix = "fault-broker-" + run + "-";
        List<String> ids = new CopyOnWriteArrayList<>();
        Refusals refusals = new Refusals();
        Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger duringOutages = new AtomicInteger();

        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<?> writing = writer.submit(() -> {
            for (int i = 0; !stop.get(); i++) {
                String id = prefix + i;
                ids.add(id);
                boolean down = !system.process(SystemUnderTest.LOCAL_STACK).isAlive();
                acknowledged.put(id, untilAcknowledged("register " + id, refusals, () -> operator.post(
                        "/api/membership/urban-areas", """
                                {"id":"%s","name":"Thành phố Môi giới %s","kind":"CITY","province":"Lào Cai","urbanClass":"III"}"""
                                .formatted(id, id.substring(id.lastIndexOf('-') + 1)))).status());
                if (down) {
                    duringOutages.incrementAndGet();
                }
            }
        });
        try {
            for (int restart = 1; restart <= RESTARTS; restart++) {
                int before = acknowledged.size();
                await("acknowledged before restart " + restart).atMost(Duration.ofSeconds(120))
                        .until(() -> acknowledged.size() >= before + 5);
                system.stop(SystemUnderTest.LOCAL_STACK);
                int whileDown = acknowledged.size();
                await("commands acknowledged while the broker is down").atMost(Duration.ofSeconds(60))
                        .until(() -> acknowledged.size() >= whileDown + 3);
                system.start(SystemUnderTest.LOCAL_STACK);
            }
            int last = acknowledged.size();
            await("commands acknowledged after the last restart").atMost(RESUME).until(() -> acknowledged.size() >= last + 5);
            stop.set(true);
            writing.get(5, TimeUnit.MINUTES);
        } finally {
            writer.shutdownNow();
        }
        long back = System.nanoTime();

        SystemUnderTestLog.line("broker restarts: " + acknowledged.size() + " registrations acknowledged, "
                + duringOutages.get() + " while the broker was down, refusals " + refusals.statuses);
        assertThat(acknowledged).hasSize(ids.size()).allSatisfy((id, status) -> assertThat(status).isIn(200, 201));
        refusals.assertOnlyServiceDown();
        Map<String, Long> stored = new HashMap<>();
        ids.forEach(id -> stored.put(id, storedEvents(system, "membership", id, "UrbanAreaRegistered")));
        assertThat(stored).allSatisfy((id, events) -> assertThat(events).as(id).isEqualTo(1L));

        Set<String> idSet = new HashSet<>(ids);
        try (KafkaTopic topic = system.topic("membership.events.v1")) {
            Map<String, Set<String>> ceIdsByKey = new HashMap<>();
            await("every stored registration on membership.events.v1").atMost(RESUME).until(() -> {
                ceIdsByKey.clear();
                for (ConsumerRecord<String, byte[]> record : topic.poll()) {
                    if (idSet.contains(record.key())) {
                        ceIdsByKey.computeIfAbsent(record.key(), k -> new HashSet<>()).add(KafkaTopic.header(record, "ce_id"));
                    }
                }
                return ceIdsByKey.keySet().containsAll(idSet);
            });
            assertThat(ceIdsByKey).allSatisfy((id, ceIds) -> assertThat(ceIds).as(id).hasSize(1));
        }
        await("competition's roster replica caught up").atMost(RESUME).until(() -> count(system, "competition",
                "SELECT count(*) FROM roster_replica_urban_area_name WHERE urban_area_id LIKE ?", prefix + "%") >= ids.size());
        assertThat(count(system, "competition", "SELECT count(*) FROM roster_replica_urban_area_name WHERE urban_area_id LIKE ?",
                prefix + "%")).isEqualTo(ids.size());
        SystemUnderTestLog.line("broker restarts: published and consumed " + (System.nanoTime() - back) / 1_000_000
                + " ms after the last restart");
    }

    /** A line in the test output. */
    private static final class SystemUnderTestLog {
        static void line(String text) {
            System.out.println("[fault] " + text);
        }
    }
}
