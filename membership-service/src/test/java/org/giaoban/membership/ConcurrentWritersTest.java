package org.giaoban.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/**
 * Concurrent commands on one aggregate are serialised by the event store's unique (aggregate, sequence) key and
 * retried: every reorganisation is recorded exactly once, none is lost.
 */
class ConcurrentWritersTest extends MembershipServiceTestBase {

    @Test
    void concurrentRecordsOnOneUrbanAreaAreAllKeptInOrder() throws Exception {
        http.post("/api/membership/urban-areas", "{\"id\":\"phong-tho\",\"name\":\"Thị trấn Phong Thổ\",\"kind\":\"COMMUNE\",\"province\":\"Lai Châu\"}");
        long before = storedEvents();
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<Integer>> reorganisations = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                LocalDate from = LocalDate.of(2001 + i, 1, 1);
                reorganisations.add(() -> http.post("/api/membership/urban-areas/phong-tho/reorganisations",
                        "{\"effectiveFrom\":\"" + from + "\",\"urbanClass\":\"V\",\"note\":\"record " + from + "\"}").status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(reorganisations)) {
                statuses.add(status.get());
            }
            assertThat(statuses).containsOnly(201);
        } finally {
            pool.shutdownNow();
        }

        assertThat(storedEvents()).isEqualTo(before + writers);
        List<Long> sequence = jdbc.sql("SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY 1")
                .param("urban-area:phong-tho").query(Long.class).list();
        assertThat(sequence).hasSize(writers + 1).doesNotHaveDuplicates();
    }
}
