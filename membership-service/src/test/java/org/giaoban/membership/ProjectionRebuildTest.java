package org.giaoban.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.giaoban.testsupport.Http;

/** A rebuild (reset and replay from the event store) gives exactly the rows that live processing gave. */
class ProjectionRebuildTest extends MembershipServiceTestBase {

    private static final List<String> READ_MODEL_TABLES = List.of("cluster", "membership_record", "membership_period",
            "urban_area", "urban_area_change", "urban_area_history");

    @Test
    void rebuildingEveryProjectionGivesIdenticalRows() {
        Map<String, List<String>> live = snapshot();
        assertThat(live.get("membership_period")).isNotEmpty();

        for (String projection : List.of("clusters", "rosters", "urban-area-history")) {
            Http.Response started = http.post("/api/membership/admin/projections/" + projection + "/rebuild", "");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
        }
        awaitRebuilt();

        assertThat(snapshot()).isEqualTo(live);
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

    private Map<String, List<String>> snapshot() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : READ_MODEL_TABLES) {
            tables.put(table, jdbc.sql("SELECT * FROM " + table + " ORDER BY 1, 2").query().listOfRows().stream()
                    .map(Object::toString).toList());
        }
        return tables;
    }
}
