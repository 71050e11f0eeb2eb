package org.giaoban.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.giaoban.systemtest.harness.Gateway;
import org.giaoban.testsupport.Http;

import com.fasterxml.jackson.databind.JsonNode;

/** Small steps the scenarios share: fresh clusters, accounts, rounds, motions, all through the gateway. */
final class Story {

    static final Duration PROJECTED = Duration.ofSeconds(60);

    private Story() {
    }

    static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    static Http.Response ok(Http.Response response, String what) {
        assertThat(response.status()).as(what + ": " + response.body()).isBetween(200, 299);
        return response;
    }

    static void formCluster(Http operator, String clusterId) {
        ok(operator.post("/api/membership/clusters", "{\"id\":\"" + clusterId + "\",\"name\":\"Cụm " + clusterId + "\"}"),
                "form " + clusterId);
    }

    static void registerAndAdmit(Http operator, String urbanAreaId, String clusterId, String from) {
        ok(operator.post("/api/membership/urban-areas", "{\"id\":\"" + urbanAreaId + "\",\"name\":\"Thành phố " + urbanAreaId
                + "\",\"kind\":\"CITY\",\"province\":\"Tỉnh thử\"}"), "register " + urbanAreaId);
        ok(operator.post("/api/membership/urban-areas/" + urbanAreaId + "/admission",
                "{\"clusterId\":\"" + clusterId + "\",\"effectiveFrom\":\"" + from + "\"}"), "admit " + urbanAreaId);
    }

    /** A cluster with {@code count} members admitted from 2020-01-01: {@code <clusterId>-m1}, ... */
    static List<String> clusterWithMembers(Http operator, String clusterId, int count) {
        formCluster(operator, clusterId);
        List<String> members = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String member = clusterId + "-m" + i;
            registerAndAdmit(operator, member, clusterId, "2020-01-01");
            members.add(member);
        }
        return members;
    }

    /** An account and a token for it. */
    static String account(Gateway gateway, Http operator, String clientId, String roleFields) {
        String secret = "secret-" + UUID.randomUUID();
        ok(operator.post("/api/accounts", "{\"clientId\":\"" + clientId + "\",\"secret\":\"" + secret + "\"," + roleFields + "}"),
                "account " + clientId);
        return gateway.token(clientId, secret);
    }

    static String coordinator(Gateway gateway, Http operator, String clusterId) {
        return account(gateway, operator, clusterId + "-coordinator", "\"role\":\"COORDINATOR\",\"clusters\":[\"" + clusterId + "\"]");
    }

    static String delegate(Gateway gateway, Http operator, String urbanAreaId) {
        return account(gateway, operator, "delegate-" + urbanAreaId, "\"role\":\"DELEGATE\",\"urbanAreaId\":\"" + urbanAreaId + "\"");
    }

    static void planRound(Http coordinator, String clusterId, int year, String host, String voteMethod) {
        ok(coordinator.post("/api/competition/rounds", "{\"clusterId\":\"" + clusterId + "\",\"year\":" + year
                + ",\"movement\":\"Xanh - Sạch - Đẹp\",\"theme\":\"Chủ đề " + year + "\",\"hostId\":\"" + host
                + "\",\"leaderId\":\"" + host + "\",\"conferenceDate\":\"" + year + "-09-24\",\"rules\":{\"voteMethod\":\""
                + voteMethod + "\"}}"), "plan " + clusterId + "-" + year);
    }

    /** Opens the round, retrying while the competition service's roster copy is behind membership. */
    static JsonNode open(Http coordinator, String roundId, String rosterDate) {
        String body = rosterDate == null ? "{}" : "{\"rosterDate\":\"" + rosterDate + "\"}";
        AtomicReference<Http.Response> opened = new AtomicReference<>();
        await("opening " + roundId + " (roster copy current)").atMost(PROJECTED).pollInterval(Duration.ofMillis(500)).until(() -> {
            Http.Response response = coordinator.post("/api/competition/rounds/" + roundId + "/opening", body);
            opened.set(response);
            if (response.status() == 409 && List.of("roster-not-current", "no-participants", "host-not-a-participant")
                    .contains(response.code())) {
                return false;
            }
            return true;
        });
        return ok(opened.get(), "open " + roundId).json();
    }

    static String motion(Http coordinator, String roundId, String body) {
        return ok(coordinator.post("/api/competition/rounds/" + roundId + "/motions", body), "table " + body)
                .json().path("motionId").asText();
    }

    static void ballot(Http voter, String roundId, String motionId, String urbanAreaId, String vote) {
        ok(voter.put("/api/competition/rounds/" + roundId + "/motions/" + motionId + "/ballots/" + urbanAreaId,
                "{\"vote\":\"" + vote + "\"}"), "ballot " + urbanAreaId + " on " + motionId);
    }

    static JsonNode close(Http coordinator, String roundId, String motionId) {
        return ok(coordinator.post("/api/competition/rounds/" + roundId + "/motions/" + motionId + "/closing", "{}"),
                "close " + motionId).json();
    }

    /** The round's read model once {@code condition} holds. */
    static JsonNode roundWhen(Http reader, String roundId, java.util.function.Predicate<JsonNode> condition) {
        AtomicReference<JsonNode> round = new AtomicReference<>();
        await("round " + roundId).atMost(PROJECTED).pollInterval(Duration.ofMillis(300)).until(() -> {
            Http.Response response = reader.get("/api/competition/rounds/" + roundId);
            if (response.status() != 200) {
                return false;
            }
            round.set(response.json());
            return condition.test(response.json());
        });
        return round.get();
    }

    static JsonNode motionIn(JsonNode round, String motionId) {
        for (JsonNode motion : round.path("motions")) {
            if (motionId.equals(motion.path("motionId").asText())) {
                return motion;
            }
        }
        throw new AssertionError("No motion " + motionId + " in " + round);
    }
}
