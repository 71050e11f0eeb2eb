package org.giaoban.competition.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.giaoban.testsupport.Http;

/** Reads with bad parameters or unknown ids get a problem+json with a stable code. */
class ReadModelsBadInputTest extends ReadModelsTestBase {

    @ParameterizedTest(name = "GET {0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "/api/competition/rounds?size=0|400|invalid-input",
            "/api/competition/rounds?size=201|400|invalid-input",
            "/api/competition/rounds?page=-1|400|invalid-input",
            "/api/competition/rounds?year=1800|400|invalid-input",
            "/api/competition/rounds?year=last|400|invalid-parameter",
            "/api/competition/rounds?state=FINISHED|400|invalid-parameter",
            "/api/competition/rounds?clusterId=T%C3%A2y%20B%E1%BA%AFc|400|invalid-input",
            "/api/competition/nominations?size=1000|400|invalid-input",
            "/api/competition/nominations?status=MAYBE|400|invalid-parameter",
            "/api/competition/nominations?award=GOLD_MEDAL|400|invalid-parameter",
            "/api/competition/nominations?urbanAreaId=..%2Fetc|400|invalid-input",
            "/api/competition/hosts?size=0|400|invalid-input",
            "/api/competition/hosts?clusterId=TAY_BAC|400|invalid-input",
            "/api/competition/themes?size=201|400|invalid-input",
            "/api/competition/themes?page=x|400|invalid-parameter",
            "/api/competition/rounds/no-such-cluster-1999|404|unknown-round",
            "/api/competition/rounds/no-such-cluster-1999/ranking|404|unknown-round",
    })
    void isRefusedWithACode(String path, int status, String code) {
        Http.Response response = http.get(path);

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.json().path("detail").asText()).isNotBlank();
    }

    @Test
    void theLargestPageIsServed() {
        for (String list : new String[] {"rounds", "nominations", "hosts", "themes"}) {
            Http.Response response = http.get("/api/competition/" + list + "?page=0&size=200");
            assertThat(response.status()).as(list + " " + response.body()).isEqualTo(200);
            assertThat(response.json().path("size").asInt()).isEqualTo(200);
        }
    }

    @Test
    void theInvalidParameterIsNamed() {
        Http.Response response = http.get("/api/competition/nominations?size=0");

        assertThat(response.json().path("errors").findValuesAsText("field")).contains("size");
    }
}
