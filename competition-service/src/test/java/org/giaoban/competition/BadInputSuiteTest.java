package org.giaoban.competition;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.badinput.BadInputSuite;
import org.giaoban.testsupport.security.TestTokens;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The generic bad-input suite over every route of the competition service's OpenAPI document. */
class BadInputSuiteTest extends RoundTestSupport {

    @TestFactory
    Stream<DynamicNode> everyRouteRefusesBadInputWithAProblemAndStoresNothing() {
        TestCluster cluster = givenACluster(3);
        String roundId = planned(cluster, "Hội trường A");
        String member = cluster.members().get(0);
        return BadInputSuite.of(port, "/api/competition/v3/api-docs", operation -> {
                    if (operation.path().contains("/ballots/")) {
                        return TestTokens.delegate(member);
                    }
                    boolean roundCommand = operation.path().startsWith("/api/competition/rounds") && !"GET".equals(operation.method());
                    return roundCommand ? TestTokens.coordinator(cluster.id()) : TestTokens.operator();
                }, (operation, variable) -> switch (variable) {
                    case "id", "roundId" -> roundId;
                    case "urbanAreaId" -> member;
                    case "clusterId" -> cluster.id();
                    default -> null;
                }, this::storedEvents).tests();
    }

    @Test
    void sqlAndHtmlMetacharactersInTextAreStoredAndReturnedVerbatim() {
        TestCluster cluster = givenACluster(3);
        String roundId = planned(cluster, Normalizer.normalize(BadInputSuite.METACHARACTERS, Normalizer.Form.NFD));
        awaitProcessorsCaughtUp();

        Http.Response round = http.get("/api/competition/rounds/" + roundId);
        assertThat(round.status()).as(round.body()).isEqualTo(200);
        assertThat(round.json().findValuesAsText("venue")).as(round.body()).contains(BadInputSuite.METACHARACTERS);
        assertThat(round.json().findValuesAsText("workshopTopic")).as(round.body()).contains(BadInputSuite.METACHARACTERS);
    }

    private String planned(TestCluster cluster, String text) {
        String json = JsonNodeFactory.instance.textNode(text).toString();
        Http.Response planned = coordinatorOf(cluster.id()).post("/api/competition/rounds", """
                {"clusterId":"%s","year":2023,"movement":"Đô thị Xanh - Sạch - Đẹp","theme":"Đô thị xanh",
                 "hostId":"%s","leaderId":"%s","conferenceDate":"2023-09-24","venue":%s,"workshopTopic":%s}"""
                .formatted(cluster.id(), cluster.members().get(0), cluster.members().get(1), json, json));
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        return cluster.id() + "-2023";
    }
}
