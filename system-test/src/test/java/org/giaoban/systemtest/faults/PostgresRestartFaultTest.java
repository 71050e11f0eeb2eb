package org.giaoban.systemtest.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.giaoban.systemtest.faults.Faults.RESUME;
import static org.giaoban.systemtest.faults.Faults.count;
import static org.giaoban.systemtest.faults.Faults.storedEvents;
import static org.giaoban.systemtest.faults.Faults.untilAcknowledged;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.giaoban.systemtest.faults.Faults.Refusals;
import org.giaoban.systemtest.harness.Gateway;
import org.giaoban.systemtest.harness.SystemTest;
import org.giaoban.systemtest.harness.SystemUnderTest;
import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.Test;

/**
 * The run's own PostgreSQL (never the machine's shared server: the faults profile sets
 * {@code giaoban.system.own-postgres}) stopped and started again while commands arrive: what was acknowledged is kept
 * once, refusals meanwhile are 503 problems (never a 500), and within 60 s of its return every service is healthy again and accepts commands, without a restart.
 */
@SystemTest
class PostgresRestartFaultTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void postgres_restarted_under_load(SystemUnderTest system) throws Exception {
        assertThat(system.ownsPostgres()).as("run with -Pfaults: the test restarts a PostgreSQL of its own").isTrue();
        Gateway gateway = system.gateway();
        Http operator = gateway.http(gateway.operatorToken());
        String prefix = "fault-pg-" + Faults.runId() + "-";
        List<String> ids = new CopyOnWriteArrayList<>();
        Refusals refusals = new Refusals();
        Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();

        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<?> writing = writer.submit(() -> {
            for (int i = 0; !stop.get(); i++) {
                String id = prefix + i;
                ids.add(id);
                acknowledged.put(id, untilAcknowledged("register " + id, refusals, () -> operator.post(
                        "/api/membership/urban-areas", """
                                {"id":"%s","name":"Thành phố Cơ sở dữ liệu %d","kind":"CITY","province":"Lào Cai","urbanClass":"III"}"""
                                .formatted(id, ids.size()))).status());
            }
        });
        long back;
        try {
            await("acknowledged before the restart").atMost(Duration.ofSeconds(120)).until(() -> acknowledged.size() >= 8);
            system.stopPostgres();
            int whileDown = acknowledged.size();
            try {
                // A request may wait for the pool's connection timeout before it is refused.
                await("the writer meets the outage").atMost(Duration.ofSeconds(120)).until(() -> refusals.statuses.size() >= 2);
            } finally {
                system.startPostgres();
            }
            back = System.nanoTime();
            await("commands accepted again").atMost(RESUME).until(() -> acknowledged.size() >= whileDown + 5);
            for (String service : List.of(SystemUnderTest.MEMBERSHIP, SystemUnderTest.COMPETITION, SystemUnderTest.NEWS,
                    SystemUnderTest.GATEWAY)) {
                String url = system.process(service).url();
                await(service + " healthy again").atMost(RESUME).until(() -> healthUp(url));
            }
            stop.set(true);
            writing.get(5, TimeUnit.MINUTES);
        } finally {
            writer.shutdownNow();
        }
        System.out.println("[fault] PostgreSQL restart: " + acknowledged.size() + " registrations acknowledged, healthy and "
                + "accepting " + (System.nanoTime() - back) / 1_000_000 + " ms after PostgreSQL was back; refusals "
                + refusals.statuses);

        assertThat(acknowledged).hasSize(ids.size()).allSatisfy((id, status) -> assertThat(status).isIn(200, 201));
        // Refused as "store unavailable, retry" (503), or no answer within the client's 30 s (-1: the request waited for
        // the connection pool's timeout), never a 500: nothing acknowledged was lost.
        assertThat(refusals.statuses).as("refusals: %s", refusals.details)
                .allSatisfy(status -> assertThat(status).isIn(-1, 502, 503, 504));
        Map<String, Long> stored = new HashMap<>();
        ids.forEach(id -> stored.put(id, storedEvents(system, "membership", id, "UrbanAreaRegistered")));
        assertThat(stored).allSatisfy((id, events) -> assertThat(events).as(id).isEqualTo(1L));
        await("competition's roster replica caught up").atMost(RESUME).until(() -> count(system, "competition",
                "SELECT count(*) FROM roster_replica_urban_area_name WHERE urban_area_id LIKE ?", prefix + "%") >= ids.size());
        assertThat(count(system, "competition", "SELECT count(*) FROM roster_replica_urban_area_name WHERE urban_area_id LIKE ?",
                prefix + "%")).isEqualTo(ids.size());
    }

    private static boolean healthUp(String url) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
