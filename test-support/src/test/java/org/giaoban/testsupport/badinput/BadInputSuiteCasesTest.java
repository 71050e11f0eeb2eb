package org.giaoban.testsupport.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The suite reaches number and date fields wherever they sit in a request body, and dates in query parameters. */
class BadInputSuiteCasesTest {

    private static final String BODY_SCHEMA = """
            {"type":"object","properties":{
              "conferenceDate":{"type":"string","format":"date"},
              "rules":{"type":"object","properties":{
                "approvalThreshold":{"type":"number"},
                "quotas":{"type":"object","propertyNames":{"enum":["MINISTRY_MERIT"]},"additionalProperties":{"type":"number"}},
                "criteria":{"type":"array","items":{"type":"object","properties":{
                  "name":{"type":"string"},"maxPoints":{"type":"number"}}}}}}}}""";

    private final BadInputSuite suite = BadInputSuite.of(1, "/v3/api-docs", operation -> null, (operation, name) -> "x", () -> 0);

    private List<BadInputSuite.Case> cases(String method, String path, String spec, String bodySchema) throws Exception {
        JsonNode schema = bodySchema == null ? null : BadInputSuite.JSON.readTree(bodySchema);
        return suite.cases(new BadInputSuite.Operation(method, path, BadInputSuite.JSON.readTree(spec), schema, schema != null));
    }

    private static String body(BadInputSuite.Case c) {
        return new String(c.body(), StandardCharsets.UTF_8);
    }

    @Test
    void nestedNumbersAndDatesGetOutOfRangeValues() throws Exception {
        List<BadInputSuite.Case> cases = cases("POST", "/rounds", "{}", BODY_SCHEMA);

        BadInputSuite.Case maxPoints = cases.stream().filter(c -> c.name().equals("out of range: rules.criteria.0.maxPoints = 1e200000"))
                .findFirst().orElseThrow();
        assertThat(body(maxPoints)).contains("\"criteria\":[{\"name\":\"bad-input\",\"maxPoints\":1e200000}]");
        BadInputSuite.Case quota = cases.stream().filter(c -> c.name().equals("out of range: rules.quotas.* = 1e-1000000"))
                .findFirst().orElseThrow();
        assertThat(body(quota)).contains("\"quotas\":{\"MINISTRY_MERIT\":1e-1000000}");
        BadInputSuite.Case date = cases.stream().filter(c -> c.name().equals("out of range: conferenceDate = +10000000-01-01"))
                .findFirst().orElseThrow();
        assertThat(BadInputSuite.JSON.readTree(body(date)).path("conferenceDate").asText()).isEqualTo("+10000000-01-01");
        assertThat(cases).anyMatch(c -> c.name().equals("out of range: rules.approvalThreshold = 1e999999999"));
    }

    @Test
    void dateQueryParametersGetOutOfRangeValues() throws Exception {
        List<BadInputSuite.Case> cases = cases("GET", "/members", """
                {"parameters":[{"name":"asOf","in":"query","schema":{"type":"string","format":"date"}}]}""", null);

        assertThat(cases).extracting(BadInputSuite.Case::query)
                .contains("asOf=%2B10000000-01-01", "asOf=1899-12-31", "asOf=2101-01-01");
    }
}
