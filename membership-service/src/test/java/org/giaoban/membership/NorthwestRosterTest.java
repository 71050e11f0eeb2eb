package org.giaoban.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.giaoban.testsupport.Http;

/** The registry tells the Northwest cluster's story over HTTP, as an operator or analyst would ask it. */
class NorthwestRosterTest extends MembershipServiceTestBase {

    @Test
    void elevenMembersOnTheDayOfThe2023Conference() {
        JsonNode roster = http.get("/api/membership/clusters/tay-bac/members?asOf=2023-09-24").json();

        assertThat(ids(roster)).containsExactlyInAnyOrder("hoa-binh", "ha-giang", "yen-bai", "nghia-lo", "lai-chau",
                "lao-cai", "sa-pa", "son-la", "dien-bien-phu", "muong-lay", "tuyen-quang");
        assertThat(roster.path("clusterName").asText()).isEqualTo("Cụm các đô thị vùng Tây Bắc");
    }

    @Test
    void rosterIsInVietnameseOrderOfNames() {
        JsonNode roster = http.get("/api/membership/clusters/tay-bac/members?asOf=2023-09-24").json();
        List<String> names = new ArrayList<>();
        roster.path("members").forEach(member -> names.add(member.path("name").asText()));

        // Vietnamese order: "Thành phố ..." before "Thị xã ...", and Đ (after D) before H.
        assertThat(names).containsExactly("Thành phố Điện Biên Phủ", "Thành phố Hà Giang", "Thành phố Hòa Bình",
                "Thành phố Lai Châu", "Thành phố Lào Cai", "Thành phố Sơn La", "Thành phố Tuyên Quang", "Thành phố Yên Bái",
                "Thị xã Mường Lay", "Thị xã Nghĩa Lộ", "Thị xã Sa Pa");
    }

    @Test
    void vietTriWasAMemberIn2018ButNotIn2023() {
        assertThat(ids(http.get("/api/membership/clusters/tay-bac/members?asOf=2018-06-01").json()))
                .contains("viet-tri").doesNotContain("sa-pa");
        assertThat(ids(http.get("/api/membership/clusters/tay-bac/members?asOf=2023-09-24").json()))
                .doesNotContain("viet-tri");
    }

    @Test
    void yenBaiCityLeavesTheRosterWhenItIsDissolvedOnFirstJuly2025() {
        assertThat(ids(http.get("/api/membership/clusters/tay-bac/members?asOf=2025-06-30").json())).contains("yen-bai");
        assertThat(ids(http.get("/api/membership/clusters/tay-bac/members?asOf=2025-07-02").json())).doesNotContain("yen-bai");
    }

    @Test
    void yenBaiHistoryShowsTheDissolutionWithDateSuccessorsAndWhoRecordedIt() {
        JsonNode history = http.get("/api/membership/urban-areas/yen-bai/history").json();
        List<JsonNode> changes = new ArrayList<>();
        history.path("changes").forEach(changes::add);

        JsonNode dissolution = changes.stream().filter(c -> c.path("change").asText().equals("DISSOLVED")).findFirst().orElseThrow();
        assertThat(dissolution.path("effectiveFrom").asText()).isEqualTo("2025-07-01");
        assertThat(dissolution.path("details").path("dissolvedInto").get(0).asText()).isEqualTo("au-lau");
        assertThat(dissolution.path("clusterId").asText()).isEqualTo("tay-bac");
        assertThat(dissolution.path("recordedBy").asText()).as("the JWT subject of the client that acted").isEqualTo("operator");
        assertThat(dissolution.path("recordedAt").asText()).isNotBlank();
        assertThat(dissolution.path("correlationId").asText()).startsWith("demo-northwest-");

        JsonNode endOfMembership = changes.stream().filter(c -> c.path("change").asText().equals("WITHDRAWN")).findFirst().orElseThrow();
        assertThat(endOfMembership.path("effectiveFrom").asText()).isEqualTo("2025-07-01");
        assertThat(endOfMembership.path("details").path("reason").asText()).isEqualTo("DISSOLVED");
        assertThat(changes.get(0).path("change").asText()).isEqualTo("REGISTERED");
    }

    @Test
    void anUrbanAreaIsShownWithItsNameAndClusterOfTheDayAsked() {
        JsonNode before = http.get("/api/membership/urban-areas/yen-bai?asOf=2023-09-24").json();
        assertThat(before.path("name").asText()).isEqualTo("Thành phố Yên Bái");
        assertThat(before.path("province").asText()).isEqualTo("Yên Bái");
        assertThat(before.path("clusterId").asText()).isEqualTo("tay-bac");

        JsonNode after = http.get("/api/membership/urban-areas/yen-bai?asOf=2025-07-02").json();
        assertThat(after.path("province").asText()).isEqualTo("Lào Cai");
        assertThat(after.path("clusterId").isNull()).isTrue();
        assertThat(after.path("dissolvedOn").asText()).isEqualTo("2025-07-01");
    }

    @Test
    void loadingTheDemoAgainStoresNothing() throws Exception {
        long before = storedEvents();
        loadNorthwestDemo();
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void registeringWithTheOtherToneMarkPlacementIsTheSameRegistration() {
        long before = storedEvents();
        Http.Response again = http.post("/api/membership/urban-areas",
                "{\"id\":\"hoa-binh\",\"name\":\"Thành phố Hoà Bình\",\"kind\":\"CITY\",\"province\":\"Hoà Bình\"}");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("outcome").asText()).isEqualTo("UNCHANGED");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void clustersAreFoundByAliasWithoutDiacritics() {
        JsonNode found = http.get("/api/membership/clusters?q=vung%20nui%20tay%20bac").json();
        assertThat(found.path("items").get(0).path("id").asText()).isEqualTo("tay-bac");
        assertThat(found.path("total").asInt()).isEqualTo(1);
    }

    private static List<String> ids(JsonNode roster) {
        List<String> ids = new ArrayList<>();
        roster.path("members").forEach(member -> ids.add(member.path("urbanAreaId").asText()));
        return ids;
    }
}
