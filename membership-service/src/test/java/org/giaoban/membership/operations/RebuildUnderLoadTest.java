package org.giaoban.membership.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.giaoban.membership.MembershipServiceTestBase;
import org.giaoban.testsupport.Http;
import org.giaoban.membership.ReadModels;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 3 of the operations work: a rebuild started through the admin endpoint while commands keep arriving over
 * HTTP finishes with the same read models as a rebuild with no load at all.
 */
class RebuildUnderLoadTest extends MembershipServiceTestBase {

    private static final String ADMIN = "/api/membership/admin/projections/";
    private static final List<String> PROJECTIONS = List.of("clusters", "rosters", "urban-area-history");
    @Test
    void aRebuildUnderLoadEndsWithTheRowsOfAQuietReplay() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger rounds = new AtomicInteger();
        List<String> refusals = new CopyOnWriteArrayList<>();
        ExecutorService load = Executors.newSingleThreadExecutor();
        Future<?> writer = load.submit(() -> {
            for (int i = 0; !stop.get(); i++) {
                sendRound(run, i, refusals);
                rounds.incrementAndGet();
            }
        });
        int roundsAtStart;
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> rounds.get() >= 2 || writer.isDone());
            roundsAtStart = rounds.get();
            for (String projection : PROJECTIONS) {
                Http.Response started = http.post(ADMIN + projection + "/rebuild", "");
                assertThat(started.status()).as(started.body()).isEqualTo(202);
                assertThat(started.json().path("lastRebuild").path("startedAt").isMissingNode()).isFalse();
            }
            // The rebuilds end while commands keep arriving, and commands arrive during them.
            await().atMost(Duration.ofSeconds(120)).until(() -> rebuildsFinished() && rounds.get() >= roundsAtStart + 5
                    || writer.isDone());
        } finally {
            stop.set(true);
            load.shutdown();
        }
        writer.get(60, TimeUnit.SECONDS);
        assertThat(load.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(refusals).isEmpty();
        assertThat(rounds.get()).isGreaterThanOrEqualTo(roundsAtStart + 5);

        awaitProjectionsCaughtUp();
        awaitNoLag();
        Map<String, List<String>> underLoad = ReadModels.rows(jdbc);
        String last = "ops-" + run + "-ua-" + (rounds.get() - 1);
        assertThat(underLoad.get("urban_area")).anyMatch(row -> row.contains(last));
        assertThat(underLoad.get("urban_area_history")).anyMatch(row -> row.contains(last));
        assertThat(underLoad.get("membership_period")).anyMatch(row -> row.contains(last));

        for (String projection : PROJECTIONS) {
            assertThat(http.post(ADMIN + projection + "/rebuild", "").status()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(120)).until(this::rebuildsFinished);
        awaitNoLag();

        assertThat(ReadModels.rows(jdbc)).isEqualTo(underLoad);
    }

    @Test
    void aProjectionShowsItsSegmentsClaimsAndProgress() {
        JsonNode rosters = http.get(ADMIN + "rosters").json();

        assertThat(rosters.path("name").asText()).isEqualTo("rosters");
        assertThat(rosters.path("state").asText()).isIn("running", "catching-up", "rebuilding");
        assertThat(rosters.path("head").asLong()).isGreaterThan(0);
        assertThat(rosters.path("progress").asDouble()).isBetween(0.0, 100.0);
        JsonNode segment = rosters.path("segmentStatus").get(0);
        assertThat(segment.path("segment").asInt()).isZero();
        assertThat(segment.path("owner").asText()).isNotBlank();
        assertThat(segment.path("claimedHere").asBoolean()).isTrue();
        assertThat(segment.path("lag").asLong()).isEqualTo(rosters.path("head").asLong() - segment.path("position").asLong());
        assertThat(http.get(ADMIN + "no-such-thing").code()).isEqualTo("unknown-projection");
        assertThat(http.anonymous().get(ADMIN + "rosters").status()).isEqualTo(401);
    }

    /** One round of commands touching every projection: a cluster now and then, an urban area admitted and reorganised. */
    private void sendRound(String run, int i, List<String> refusals) {
        String cluster = "ops-" + run + "-c-" + (i / 5);
        String urbanArea = "ops-" + run + "-ua-" + i;
        if (i % 5 == 0) {
            expect(http.post("/api/membership/clusters", "{\"id\":\"" + cluster + "\",\"name\":\"Cụm tải " + cluster + "\"}"), refusals);
        }
        expect(http.post("/api/membership/urban-areas", "{\"id\":\"" + urbanArea + "\",\"name\":\"Phường " + urbanArea
                + "\",\"kind\":\"WARD\",\"province\":\"Lào Cai\"}"), refusals);
        expect(http.post("/api/membership/urban-areas/" + urbanArea + "/admission",
                "{\"clusterId\":\"" + cluster + "\",\"effectiveFrom\":\"2021-01-01\"}"), refusals);
        expect(http.post("/api/membership/urban-areas/" + urbanArea + "/reorganisations",
                "{\"effectiveFrom\":\"" + LocalDate.of(2022, 1, 1).plusDays(i % 300) + "\",\"urbanClass\":\"IV\",\"note\":\"tải " + i + "\"}"),
                refusals);
    }

    private static void expect(Http.Response response, List<String> refusals) {
        if (response.status() / 100 != 2) {
            refusals.add(response.status() + " " + response.body());
        }
    }

    private boolean rebuildsFinished() {
        for (String projection : PROJECTIONS) {
            JsonNode status = http.get(ADMIN + projection).json();
            if (status.path("rebuilding").asBoolean() || !status.path("running").asBoolean()
                    || status.path("lastRebuild").path("finishedAt").isNull()
                    || status.path("lastRebuild").path("finishedAt").isMissingNode()) {
                return false;
            }
        }
        return true;
    }

    private void awaitNoLag() {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (String projection : PROJECTIONS) {
                JsonNode status = http.get(ADMIN + projection).json();
                if (status.path("lag").asLong() > 0 || status.path("rebuilding").asBoolean()) {
                    return false;
                }
            }
            return true;
        });
    }
}
