package org.giaoban.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A service's projection admin endpoints ({@code {base}/admin/projections}) as an operator uses them: status, parked
 * sequences, rebuilds, retrying and dropping what is parked.
 */
public final class ProjectionAdmin {

    private final Http operator;
    private final String projections;

    /** {@code operator}: a client with an OPERATOR token; {@code base}: the service's API base, e.g. {@code /api/news}. */
    public ProjectionAdmin(Http operator, String base) {
        this.operator = operator;
        this.projections = base + "/admin/projections";
    }

    public JsonNode status(String projection) {
        return operator.get(projections + "/" + projection).json();
    }

    public List<String> names() {
        return operator.get(projections).json().findValuesAsText("name");
    }

    /** The sequences (aggregate ids) the projection has parked. */
    public List<String> parkedSequences(String projection) {
        return status(projection).path("parkedSequences").findValuesAsText("sequence");
    }

    public Http.Response retry(String projection, String sequence) {
        return operator.post(projections + "/" + projection + "/parked/" + sequence + "/retry", "");
    }

    public Http.Response drop(String projection, String sequence) {
        return operator.delete(projections + "/" + projection + "/parked/" + sequence);
    }

    /** Drops the sequences wherever they are parked, so that later tests of a shared context find nothing parked. */
    public void dropEverywhere(List<String> sequences) {
        for (String projection : names()) {
            for (String sequence : sequences) {
                drop(projection, sequence);
            }
        }
    }

    /** Starts a rebuild of each projection and waits until none is rebuilding and none lags. */
    public void rebuild(List<String> names) {
        for (String projection : names) {
            Http.Response started = operator.post(projections + "/" + projection + "/rebuild", "");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            for (String projection : names) {
                JsonNode status = status(projection);
                assertThat(status.path("rebuilding").asBoolean()).as(projection).isFalse();
                assertThat(status.path("lag").asLong()).as(projection).isZero();
            }
        });
    }
}
