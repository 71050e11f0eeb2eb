package org.giaoban.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import org.giaoban.systemtest.harness.Gateway;
import org.giaoban.systemtest.harness.SystemTest;
import org.giaoban.systemtest.harness.SystemUnderTest;
import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** A service that is down stops none of the others, and catches up on what it missed when it is back. */
@SystemTest
class ServiceDownTest {

    @Test
    void with_news_down_a_round_concludes_and_news_drafts_its_report_exactly_once_when_back(SystemUnderTest system) {
        Gateway gateway = system.gateway();
        Http operator = gateway.http(gateway.operatorToken());
        Http editor = gateway.http(gateway.editorToken());
        String cluster = Story.fresh("down-news");
        String roundId = cluster + "-2030";

        system.stop(SystemUnderTest.NEWS);
        try {
            List<String> members = Story.clusterWithMembers(operator, cluster, 3);
            Http coordinator = gateway.http(Story.coordinator(gateway, operator, cluster));
            Story.planRound(coordinator, cluster, 2030, members.get(0), "OPEN");
            Story.open(coordinator, roundId, null);
            String host = Story.motion(coordinator, roundId, "{\"kind\":\"NEXT_HOST\",\"urbanAreaId\":\"" + members.get(1) + "\"}");
            String theme = Story.motion(coordinator, roundId, "{\"kind\":\"NEXT_THEME\",\"theme\":\"Đô thị xanh 2031\"}");
            for (String motion : List.of(host, theme)) {
                members.forEach(member -> Story.ballot(coordinator, roundId, motion, member, "APPROVE"));   // show of hands
                Story.close(coordinator, roundId, motion);
            }
            Story.ok(coordinator.post("/api/competition/rounds/" + roundId + "/conclusion", "{}"), "conclude " + roundId);
            assertThat(Story.roundWhen(gateway.http(), roundId, r -> "CONCLUDED".equals(r.path("state").asText()))
                    .path("results").path("nextHost").path("id").asText()).isEqualTo(members.get(1));
        } finally {
            system.start(SystemUnderTest.NEWS);
        }

        String draft = "round-" + roundId;
        await("the draft " + draft + " once news is back").atMost(Story.PROJECTED)
                .until(() -> drafts(editor, draft), count -> count == 1);

        system.restart(SystemUnderTest.NEWS);
        await("still one draft " + draft + " after a restart").atMost(Duration.ofSeconds(30))
                .during(Duration.ofSeconds(3)).until(() -> drafts(editor, draft), count -> count == 1);
        assertThat(Story.ok(editor.get("/api/news/drafts/" + draft), "the draft").json().path("roundId").asText()).isEqualTo(roundId);
    }

    @Test
    void membership_changes_made_while_competition_is_down_reach_its_roster_when_it_is_back(SystemUnderTest system) {
        Gateway gateway = system.gateway();
        Http operator = gateway.http(gateway.operatorToken());
        String cluster = Story.fresh("down-comp");
        List<String> members = Story.clusterWithMembers(operator, cluster, 3);
        String newcomer = cluster + "-new";
        Story.ok(operator.post("/api/membership/urban-areas", "{\"id\":\"" + newcomer + "\",\"name\":\"Thị xã " + newcomer
                + "\",\"kind\":\"TOWN\",\"province\":\"Tỉnh thử\"}"), "register " + newcomer);
        Http coordinator = gateway.http(Story.coordinator(gateway, operator, cluster));

        system.stop(SystemUnderTest.COMPETITION);
        try {
            Story.ok(operator.post("/api/membership/urban-areas/" + newcomer + "/admission",
                    "{\"clusterId\":\"" + cluster + "\",\"effectiveFrom\":\"2030-01-01\"}"), "admit " + newcomer);
            Story.ok(operator.post("/api/membership/urban-areas/" + members.get(2) + "/withdrawal",
                    "{\"effectiveFrom\":\"2030-01-01\",\"reason\":\"Sáp nhập\"}"), "withdraw " + members.get(2));
        } finally {
            system.start(SystemUnderTest.COMPETITION);
        }

        String roundId = cluster + "-2030";
        Story.planRound(coordinator, cluster, 2030, members.get(0), "OPEN");
        JsonNode opened = Story.open(coordinator, roundId, "2030-09-24");
        JsonNode round = Story.roundWhen(gateway.http(), roundId, r -> "OPEN".equals(r.path("state").asText()));
        assertThat(StreamSupport.stream(round.path("participants").spliterator(), false).map(p -> p.path("id").asText()))
                .as("participants (opening answered %s)", opened)
                .containsExactlyInAnyOrder(members.get(0), members.get(1), newcomer);
    }

    private static long drafts(Http editor, String articleId) {
        Http.Response response = editor.get("/api/news/drafts?size=100");
        if (response.status() != 200) {
            return -1;
        }
        return StreamSupport.stream(response.json().path("items").spliterator(), false)
                .filter(item -> articleId.equals(item.path("articleId").asText())).count();
    }
}
