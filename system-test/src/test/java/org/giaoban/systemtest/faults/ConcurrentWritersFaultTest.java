package org.giaoban.systemtest.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.giaoban.systemtest.faults.Faults.RESUME;
import static org.giaoban.systemtest.faults.Faults.count;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.giaoban.systemtest.harness.Gateway;
import org.giaoban.systemtest.harness.SystemTest;
import org.giaoban.systemtest.harness.SystemUnderTest;
import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.Test;

/**
 * Twenty writers change one aggregate at once through the gateway: every acknowledged change is stored exactly once,
 * a refused one not at all, and a refusal is a 409 problem+json, never a 5xx.
 */
@SystemTest
class ConcurrentWritersFaultTest {

    private static final int WRITERS = 20;

    @Test
    void twenty_writers_reorganising_one_urban_area(SystemUnderTest system) throws Exception {
        Gateway gateway = system.gateway();
        Http operator = gateway.http(gateway.operatorToken());
        String id = "fault-conc-" + Faults.runId();
        Http.Response registered = operator.post("/api/membership/urban-areas", """
                {"id":"%s","name":"Thành phố Đồng Thời","kind":"CITY","province":"Lào Cai","urbanClass":"III"}""".formatted(id));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);

        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Http.Response>> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            int writer = i;
            writers.add(() -> {
                start.await();
                return operator.post("/api/membership/urban-areas/" + id + "/reorganisations", """
                        {"effectiveFrom":"2030-01-%02d","name":"Thành phố Đồng Thời %d","note":"%s"}"""
                        .formatted(writer + 1, writer, note(id, writer)));
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Http.Response> answers = new ArrayList<>();
        try {
            List<Future<Http.Response>> futures = writers.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<Http.Response> future : futures) {
                answers.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }

        List<Integer> acknowledged = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            Http.Response answer = answers.get(writer);
            if (answer.status() / 100 == 2) {
                acknowledged.add(writer);
            } else {
                assertThat(answer.status()).as("writer %d: %s", writer, answer.body()).isEqualTo(409);
                assertThat(answer.contentType()).startsWith("application/problem+json");
            }
        }
        System.out.println("[fault] concurrent writers: " + acknowledged.size() + " of " + WRITERS + " acknowledged, statuses "
                + answers.stream().map(Http.Response::status).toList());
        assertThat(acknowledged).as("some writers are acknowledged").isNotEmpty();
        for (int writer = 0; writer < WRITERS; writer++) {
            long stored = count(system, "membership", "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier LIKE ? "
                    + "AND convert_from(payload, 'UTF8') LIKE ?", "%" + id, "%" + note(id, writer) + "%");
            assertThat(stored).as("writer %d (%s)", writer, answers.get(writer).status())
                    .isEqualTo(acknowledged.contains(writer) ? 1 : 0);
        }
        assertThat(count(system, "membership", "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier LIKE ?",
                "%" + id)).as("the registration and each acknowledged change").isEqualTo(1 + acknowledged.size());

        // The read side has each acknowledged change too.
        await("the history shows every acknowledged change").atMost(RESUME).until(() -> {
            String history = operator.get("/api/membership/urban-areas/" + id + "/history").body();
            return acknowledged.stream().allMatch(writer -> history.contains(note(id, writer)));
        });
    }

    private static String note(String id, int writer) {
        return id + " writer " + writer + " end";
    }
}
