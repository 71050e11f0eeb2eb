package org.giaoban.membership;

import static org.assertj.core.api.Assertions.assertThat;

import org.giaoban.testsupport.Http;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12: {@code "effectiveFrom":"+10000000-01-01"} was recorded and then stalled the rosters and the history (no
 * PostgreSQL date holds it); an {@code asOf} out of range answered 500. Every date a caller sends lies between
 * 1900-01-01 and 2100-12-31: anything else is 400 problem+json naming the field, and nothing is stored.
 */
class OutOfRangeDatesTest extends MembershipServiceTestBase {

    private void refused(Http.Response response, String field, long before) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("errors").findValuesAsText("field")).as(response.body()).contains(field);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"+10000000-01-01", "1899-12-31", "2101-01-01", "-0001-01-01"})
    void recordsWithADateOutOfRangeAreRefused(String date) {
        long before = storedEvents();
        refused(http.post("/api/membership/urban-areas/viet-tri/admission",
                "{\"clusterId\":\"tay-bac\",\"effectiveFrom\":\"" + date + "\"}"), "effectiveFrom", before);
        refused(http.post("/api/membership/urban-areas/lao-cai/withdrawal",
                "{\"effectiveFrom\":\"" + date + "\",\"reason\":\"Rút khỏi cụm\"}"), "effectiveFrom", before);
        refused(http.post("/api/membership/urban-areas/lao-cai/reorganisations",
                "{\"effectiveFrom\":\"" + date + "\",\"urbanClass\":\"I\",\"note\":\"Nâng loại\"}"), "effectiveFrom", before);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"%2B10000000-01-01", "1899-12-31", "2101-01-01", "-0001-01-01"})
    void readsAsOfADateOutOfRangeAre400NotAFailure(String date) {
        long before = storedEvents();
        refused(http.get("/api/membership/clusters/tay-bac/members?asOf=" + date), "asOf", before);
        refused(http.get("/api/membership/urban-areas/lao-cai?asOf=" + date), "asOf", before);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1900-01-01", "2100-12-31"})
    void theEndsOfTheRangeAreReadable(String date) {
        Http.Response roster = http.get("/api/membership/clusters/tay-bac/members?asOf=" + date);
        assertThat(roster.status()).as(roster.body()).isEqualTo(200);
        assertThat(roster.json().path("asOf").asText()).isEqualTo(date);
    }
}
