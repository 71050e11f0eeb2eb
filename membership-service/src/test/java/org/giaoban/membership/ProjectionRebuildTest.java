package org.giaoban.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.giaoban.testsupport.Http;

/** A rebuild (reset and replay from the event store) gives exactly the rows that live processing gave. */
class ProjectionRebuildTest extends MembershipServiceTestBase {

    @Test
    void rebuildingEveryProjectionGivesIdenticalRows() {
        Map<String, List<String>> live = ReadModels.rows(jdbc);
        assertThat(live.get("membership_period")).isNotEmpty();

        for (String projection : List.of("clusters", "rosters", "urban-area-history")) {
            Http.Response started = http.post("/api/membership/admin/projections/" + projection + "/rebuild", "");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
        }
        awaitRebuilt();

        assertThat(ReadModels.rows(jdbc)).isEqualTo(live);
    }

    @Test
    void theAdminEndpointShowsPositionAndLag() {
        JsonNode projections = http.get("/api/membership/admin/projections").json();

        assertThat(projections.findValuesAsText("name")).contains("clusters", "rosters", "urban-area-history", "integration-publisher");
        long head = eventStore.createHeadToken().position().orElseThrow();
        for (JsonNode projection : projections) {
            assertThat(projection.path("head").asLong()).isGreaterThanOrEqualTo(head);
            assertThat(projection.path("lag").asLong()).isEqualTo(projection.path("head").asLong() - projection.path("position").asLong());
        }
    }

    @Test
    void theOutboxRelayIsNotRebuiltByAccident() {
        Http.Response refused = http.post("/api/membership/admin/projections/integration-publisher/rebuild", "");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("not-a-projection");
        assertThat(http.post("/api/membership/admin/projections/no-such-thing/rebuild", "").code()).isEqualTo("unknown-projection");
    }

    private void awaitRebuilt() {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode projections = http.get("/api/membership/admin/projections").json();
            for (JsonNode projection : projections) {
                if (projection.path("rebuilding").asBoolean() || projection.path("lag").asLong() > 0 || !projection.path("running").asBoolean()) {
                    return false;
                }
            }
            return true;
        });
    }
}
