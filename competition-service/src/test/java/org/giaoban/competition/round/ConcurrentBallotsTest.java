package org.giaoban.competition.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.giaoban.competition.RoundTestSupport;
import org.junit.jupiter.api.Test;

/** Many delegates voting at once on one motion, each several times: each counted once, with its last ballot. */
class ConcurrentBallotsTest extends RoundTestSupport {

    private static final String[] VOTES = {"APPROVE", "REJECT", "ABSTAIN"};

    @Test
    void everyParticipantIsCountedOnceWithItsLastBallot() throws Exception {
        TestCluster cluster = givenACluster(12);
        String round = givenAnOpenRound(cluster, null);
        String motion = tabled(round, "{\"kind\":\"NEXT_THEME\",\"theme\":\"Đô thị thông minh\"}");
        int changes = 4;

        ExecutorService delegates = Executors.newFixedThreadPool(cluster.members().size());
        List<Callable<String>> voting = new ArrayList<>();
        for (int d = 0; d < cluster.members().size(); d++) {
            String delegate = cluster.members().get(d);
            int seed = d;
            voting.add(() -> {
                String last = null;
                for (int change = 0; change < changes; change++) {
                    last = VOTES[(seed + change) % VOTES.length];
                    assertThat(vote(round, motion, delegate, last).status()).isEqualTo(200);
                }
                return last;
            });
        }
        int[] expected = new int[3];
        try {
            for (Future<String> last : delegates.invokeAll(voting)) {
                expected[List.of(VOTES).indexOf(last.get())]++;
            }
        } finally {
            delegates.shutdownNow();
        }

        close(round, motion);
        JsonNode decided = jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                        WHERE aggregate_identifier = ? AND payload_type LIKE '%MotionDecided'""")
                .param("round:" + round).query(String.class).single().transform(json -> {
                    try {
                        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        assertThat(decided.path("approvals").asInt()).isEqualTo(expected[0]);
        assertThat(decided.path("rejections").asInt()).isEqualTo(expected[1]);
        assertThat(decided.path("abstentions").asInt()).isEqualTo(expected[2]);
        assertThat(expected[0] + expected[1] + expected[2]).isEqualTo(12);
    }
}
