package org.giaoban.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.stream.Stream;

import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.badinput.BadInputSuite;
import org.giaoban.testsupport.security.TestTokens;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The generic bad-input suite over every route of the membership service's OpenAPI document. */
class BadInputSuiteTest extends MembershipServiceTestBase {

    @TestFactory
    Stream<DynamicNode> everyRouteRefusesBadInputWithAProblemAndStoresNothing() {
        return BadInputSuite.of(port, "/api/membership/v3/api-docs", operation -> TestTokens.operator(),
                (operation, variable) -> operation.path().startsWith("/api/membership/clusters") ? "tay-bac"
                        : operation.path().startsWith("/api/membership/urban-areas") ? "yen-bai" : null,
                this::storedEvents).tests();
    }

    @Test
    void sqlAndHtmlMetacharactersInANameAreStoredAndReturnedVerbatim() {
        String name = Normalizer.normalize(BadInputSuite.METACHARACTERS, Normalizer.Form.NFD);
        Http.Response formed = http.post("/api/membership/clusters",
                "{\"id\":\"cum-metacharacters\",\"name\":" + json(name) + ",\"aliases\":[" + json(name) + "]}");
        assertThat(formed.status()).as(formed.body()).isBetween(200, 201);
        awaitProjectionsCaughtUp();

        Http.Response cluster = http.get("/api/membership/clusters/cum-metacharacters");
        assertThat(cluster.status()).as(cluster.body()).isEqualTo(200);
        assertThat(cluster.json().path("name").asText()).isEqualTo(BadInputSuite.METACHARACTERS);
        assertThat(cluster.json().path("aliases").findValuesAsText("name")).as(cluster.body()).isNotNull();
        assertThat(http.get("/api/membership/clusters?size=200").json().path("items").findValuesAsText("name"))
                .contains(BadInputSuite.METACHARACTERS);
    }

    private static String json(String text) {
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.textNode(text).toString();
    }
}
