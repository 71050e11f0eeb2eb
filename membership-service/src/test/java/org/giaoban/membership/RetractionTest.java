package org.giaoban.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.giaoban.testsupport.Http;

/** A mistaken record is retracted by a new one; both stay in the history, and the roster follows. */
class RetractionTest extends MembershipServiceTestBase {

    @Test
    void aMistakenAdmissionIsRetractedAndStaysInTheHistory() {
        http.post("/api/membership/urban-areas", "{\"id\":\"muong-te\",\"name\":\"Thị trấn Mường Tè\",\"kind\":\"COMMUNE\",\"province\":\"Lai Châu\"}");
        assertThat(http.post("/api/membership/urban-areas/muong-te/admission",
                "{\"clusterId\":\"tay-bac\",\"effectiveFrom\":\"2022-01-01\"}").status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> roster2023().contains("muong-te"));
        String admission = await().atMost(Duration.ofSeconds(10)).until(() -> eventIdOf("ADMITTED"), id -> id != null);

        Http.Response retracted = http.post("/api/membership/urban-areas/muong-te/retractions",
                "{\"eventId\":\"" + admission + "\",\"note\":\"Ghi nhầm: Mường Tè không phải thành viên của cụm\"}");
        assertThat(retracted.status()).isEqualTo(201);
        assertThat(http.post("/api/membership/urban-areas/muong-te/retractions",
                "{\"eventId\":\"" + admission + "\",\"note\":\"again\"}").status()).as("idempotent").isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> !roster2023().contains("muong-te"));
        JsonNode history = http.get("/api/membership/urban-areas/muong-te/history").json().path("changes");
        assertThat(history.findValuesAsText("change")).containsExactly("REGISTERED", "ADMITTED", "RETRACTED");
        assertThat(history.get(1).path("retractedBy").asText()).isEqualTo(history.get(2).path("eventId").asText());
    }

    @Test
    void theRegistrationCannotBeRetracted() {
        String registration = http.get("/api/membership/urban-areas/lao-cai/history").json().path("changes").get(0).path("eventId").asText();

        Http.Response refused = http.post("/api/membership/urban-areas/lao-cai/retractions",
                "{\"eventId\":\"" + registration + "\",\"note\":\"x\"}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("not-retractable");
    }

    private String roster2023() {
        return http.get("/api/membership/clusters/tay-bac/members?asOf=2023-09-24").body();
    }

    private String eventIdOf(String change) {
        for (JsonNode entry : http.get("/api/membership/urban-areas/muong-te/history").json().path("changes")) {
            if (change.equals(entry.path("change").asText())) {
                return entry.path("eventId").asText();
            }
        }
        return null;
    }
}
