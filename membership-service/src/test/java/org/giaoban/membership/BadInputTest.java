package org.giaoban.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.giaoban.testsupport.Http;

/** Bad input gets a clear problem+json with a stable code, and stores nothing. */
class BadInputTest extends MembershipServiceTestBase {

    private long before;

    @BeforeEach
    void anotherClusterExists() {
        http.post("/api/membership/clusters", "{\"id\":\"dong-bac\",\"name\":\"Cụm các đô thị vùng Đông Bắc\"}");
        before = storedEvents();
    }

    @ParameterizedTest(name = "{0} {1} -> {3} {4}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            // malformed JSON
            "POST|/api/membership/clusters|`{\"id\": \"x\",`|400|malformed-json",
            "POST|/api/membership/urban-areas|`[1, 2`|400|malformed-json",
            "POST|/api/membership/urban-areas/yen-bai/admission|``|400|malformed-json",
            // wrong types
            "POST|/api/membership/urban-areas|`{\"id\":\"ha-long\",\"name\":\"Thành phố Hạ Long\",\"kind\":\"VILLAGE\",\"province\":\"Quảng Ninh\"}`|400|invalid-type",
            "POST|/api/membership/urban-areas|`{\"id\":\"ha-long\",\"name\":\"Thành phố Hạ Long\",\"kind\":0,\"province\":\"Quảng Ninh\"}`|400|invalid-type",
            "POST|/api/membership/urban-areas|`{\"id\":\"ha-long\",\"name\":[\"Hạ Long\"],\"kind\":\"CITY\",\"province\":\"Quảng Ninh\"}`|400|invalid-type",
            "POST|/api/membership/clusters|`{\"id\":\"dong-nam-bo\",\"name\":\"Cụm Đông Nam Bộ\",\"aliases\":\"Đông Nam Bộ\"}`|400|invalid-type",
            "POST|/api/membership/urban-areas/yen-bai/withdrawal|`{\"effectiveFrom\":\"2023-13-45\",\"reason\":\"x\"}`|400|invalid-type",
            // blank or missing names, invalid ids
            "POST|/api/membership/clusters|`{\"id\":\"dong-nam-bo\",\"name\":\"   \"}`|400|invalid-input",
            "POST|/api/membership/urban-areas|`{\"id\":\"ha-long\",\"kind\":\"CITY\",\"province\":\"Quảng Ninh\"}`|400|invalid-input",
            "POST|/api/membership/clusters|`{\"id\":\"Tây Bắc\",\"name\":\"Cụm Tây Bắc\"}`|400|invalid-input",
            "POST|/api/membership/urban-areas/yen-bai/reorganisations|`{\"effectiveFrom\":\"2026-01-01\",\"note\":\"nothing changes\"}`|400|nothing-to-reorganise",
            "POST|/api/membership/urban-areas/yen-bai/withdrawal|`{\"effectiveFrom\":\"2024-01-01\",\"reason\":\"\"}`|400|invalid-input",
            // unknown ids
            "POST|/api/membership/urban-areas/ha-long/admission|`{\"clusterId\":\"tay-bac\",\"effectiveFrom\":\"2023-01-01\"}`|404|unknown-urban-area",
            "POST|/api/membership/urban-areas/lao-cai/admission|`{\"clusterId\":\"nam-bo\",\"effectiveFrom\":\"2023-01-01\"}`|404|unknown-cluster",
            "POST|/api/membership/urban-areas/son-la/reorganisations|`{\"effectiveFrom\":\"2026-01-01\",\"dissolvedInto\":[\"nowhere\"],\"note\":\"x\"}`|404|unknown-successor",
            "PUT|/api/membership/clusters/nam-bo|`{\"name\":\"Cụm Nam Bộ\"}`|404|unknown-cluster",
            "POST|/api/membership/urban-areas/yen-bai/retractions|`{\"eventId\":\"no-such-event\",\"note\":\"x\"}`|404|unknown-record",
            // rules of the registry
            "POST|/api/membership/urban-areas/lao-cai/admission|`{\"clusterId\":\"dong-bac\",\"effectiveFrom\":\"2023-01-01\"}`|409|member-of-another-cluster",
            "POST|/api/membership/urban-areas/viet-tri/admission|`{\"clusterId\":\"dong-bac\",\"effectiveFrom\":\"2005-01-01\"}`|409|member-of-another-cluster",
            "POST|/api/membership/urban-areas/lao-cai/admission|`{\"clusterId\":\"tay-bac\",\"effectiveFrom\":\"2023-01-01\"}`|409|already-a-member",
            "POST|/api/membership/urban-areas/yen-bai/admission|`{\"clusterId\":\"dong-bac\",\"effectiveFrom\":\"2025-09-01\"}`|409|urban-area-dissolved",
            "POST|/api/membership/urban-areas/viet-tri/withdrawal|`{\"effectiveFrom\":\"2023-01-01\",\"reason\":\"x\"}`|409|not-a-member",
            "POST|/api/membership/urban-areas|`{\"id\":\"yen-bai\",\"name\":\"Thành phố Yên Bình\",\"kind\":\"CITY\",\"province\":\"Yên Bái\"}`|409|urban-area-exists",
            "POST|/api/membership/clusters|`{\"id\":\"tay-bac\",\"name\":\"Cụm Tây Nguyên\"}`|409|cluster-exists",
            "POST|/api/membership/urban-areas/yen-bai/reorganisations|`{\"effectiveFrom\":\"2026-01-01\",\"dissolvedInto\":[\"au-lau\"],\"note\":\"again\"}`|409|already-dissolved",
    })
    void isRefusedWithACodeAndStoresNothing(String method, String path, String body, int status, String code) {
        Http.Response response = "PUT".equals(method) ? http.put(path, body) : http.post(path, body);

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.json().path("title").asText()).isNotBlank();
        assertThat(response.json().path("detail").asText()).isNotBlank();
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void invalidFieldsAreNamed() {
        Http.Response response = http.post("/api/membership/urban-areas", "{\"id\":\"ha-long\",\"name\":\"\",\"kind\":\"CITY\"}");

        assertThat(response.json().path("errors").findValuesAsText("field")).contains("name", "province");
    }

    @Test
    void aWrongMediaTypeIs415() {
        Http.Response response = http.send(HttpRequest.newBuilder(http.uri("/api/membership/clusters"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("tay-bac")));

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("unsupported-media-type");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void pathTraversalInAnIdIsRefused() {
        Http.Response response = http.post("/api/membership/urban-areas/..%2F..%2Fetc/admission",
                "{\"clusterId\":\"tay-bac\",\"effectiveFrom\":\"2023-01-01\"}");

        assertThat(response.status()).isBetween(400, 404);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void unknownThingsToReadAre404() {
        assertThat(http.get("/api/membership/clusters/nam-bo").code()).isEqualTo("unknown-cluster");
        assertThat(http.get("/api/membership/clusters/nam-bo/members?asOf=2023-01-01").code()).isEqualTo("unknown-cluster");
        assertThat(http.get("/api/membership/urban-areas/ha-long").code()).isEqualTo("unknown-urban-area");
        assertThat(http.get("/api/membership/urban-areas/ha-long/history").code()).isEqualTo("unknown-urban-area");
        assertThat(http.get("/api/membership/clusters/tay-bac/members?asOf=yesterday").status()).isEqualTo(400);
        assertThat(http.get("/api/membership/clusters?size=100000").status()).isEqualTo(400);
        assertThat(http.get("/api/membership/nothing-here").status()).isEqualTo(404);
    }
}
