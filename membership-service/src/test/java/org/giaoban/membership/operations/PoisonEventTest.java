package org.giaoban.membership.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.giaoban.membership.MembershipServiceTestBase;
import org.giaoban.membership.cluster.ClusterMessages;
import org.giaoban.membership.urbanarea.UrbanAreaEvents;
import org.giaoban.testsupport.PoisonEvents;
import org.giaoban.testsupport.ProjectionAdmin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 12: {@code "effectiveFrom":"+10000000-01-01"} once stalled the rosters and the urban-area history for ever (no
 * PostgreSQL date holds it). Such events, and events whose payload does not fit their type, are planted straight into
 * the store (no command records them any more): each projection parks what it cannot apply — the history too, which
 * writes its rows in one batch at commit — and goes on with every other urban area and cluster; a rebuild finishes.
 */
class PoisonEventTest extends MembershipServiceTestBase {

    private static final List<String> PROJECTIONS = List.of("clusters", "rosters", "urban-area-history");
    private static final String FAR_FUTURE = "urban-area:poison-far-future";
    private static final String UNREADABLE_AREA = "urban-area:poison-unreadable";
    private static final String UNREADABLE_CLUSTER = "cluster:poison-unreadable";

    @Autowired
    private DataSource dataSource;

    /** The poison stays in the store (a rebuild parks it again); what is parked is dropped for the other tests. */
    @AfterEach
    void dropWhatIsParked() {
        admin().dropEverywhere(List.of(FAR_FUTURE, UNREADABLE_AREA, UNREADABLE_CLUSTER));
    }

    @Test
    void anEventAProjectionCannotApplyIsParkedAndEverythingElseGoesOn() {
        PoisonEvents.plant(dataSource, FAR_FUTURE, 0, UrbanAreaEvents.MemberAdmitted.class.getName(),
                "{\"urbanAreaId\":\"poison-far-future\",\"clusterId\":\"tay-bac\",\"effectiveFrom\":\"+10000000-01-01\"}");
        PoisonEvents.plant(dataSource, UNREADABLE_AREA, 0, UrbanAreaEvents.UrbanAreaRegistered.class.getName(),
                "{\"urbanAreaId\":[\"not\",\"an\",\"id\"],\"kind\":\"VILLAGE\"}");
        PoisonEvents.plant(dataSource, UNREADABLE_CLUSTER, 0, ClusterMessages.ClusterFormed.class.getName(),
                "{\"clusterId\":{\"not\":\"an id\"}}");

        // Meanwhile the operator goes on: a new cluster, a new urban area admitted to the Northwest.
        String id = "poison-test-" + Long.toString(System.nanoTime(), 36);
        assertThat(http.post("/api/membership/clusters", "{\"id\":\"" + id + "\",\"name\":\"Cụm thử " + id + "\"}").status()).isEqualTo(201);
        assertThat(http.post("/api/membership/urban-areas", "{\"id\":\"" + id + "\",\"name\":\"Phường Thử\",\"kind\":\"WARD\","
                + "\"province\":\"Lào Cai\"}").status()).isEqualTo(201);
        assertThat(http.post("/api/membership/urban-areas/" + id + "/admission",
                "{\"clusterId\":\"" + id + "\",\"effectiveFrom\":\"2024-01-01\"}").status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> everyReadModelShows(id));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(parkedSequences("rosters")).contains(FAR_FUTURE, UNREADABLE_AREA);
            assertThat(parkedSequences("urban-area-history")).contains(FAR_FUTURE, UNREADABLE_AREA);
            assertThat(parkedSequences("clusters")).contains(UNREADABLE_CLUSTER);
        });
        assertThat(admin().status("rosters").path("parkedEvents").asLong()).isGreaterThanOrEqualTo(2);

        admin().rebuild(PROJECTIONS);
        assertThat(parkedSequences("rosters")).contains(FAR_FUTURE);
        assertThat(parkedSequences("urban-area-history")).contains(FAR_FUTURE);
        everyReadModelShows(id);
    }

    private void everyReadModelShows(String id) {
        assertThat(http.get("/api/membership/clusters/" + id + "/members?asOf=2024-06-01").json().path("members")
                .findValuesAsText("urbanAreaId")).containsExactly(id);
        assertThat(http.get("/api/membership/urban-areas/" + id + "/history").body()).contains("ADMITTED");
        assertThat(http.get("/api/membership/clusters/" + id).status()).isEqualTo(200);
    }

    private List<String> parkedSequences(String projection) {
        return admin().parkedSequences(projection);
    }

    private ProjectionAdmin admin() {
        return new ProjectionAdmin(http, "/api/membership");
    }
}
