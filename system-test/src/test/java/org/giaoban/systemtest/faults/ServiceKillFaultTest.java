package org.giaoban.systemtest.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.giaoban.systemtest.faults.Faults.RESUME;
import static org.giaoban.systemtest.faults.Faults.count;
import static org.giaoban.systemtest.faults.Faults.storedEvents;
import static org.giaoban.systemtest.faults.Faults.strings;
import static org.giaoban.systemtest.faults.Faults.untilAcknowledged;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.giaoban.systemtest.faults.Faults.Refusals;
import org.giaoban.systemtest.harness.Gateway;
import org.giaoban.systemtest.harness.KafkaTopic;
import org.giaoban.systemtest.harness.SystemTest;
import org.giaoban.systemtest.harness.SystemUnderTest;
import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of each service while it works: what it acknowledged is kept, nothing is applied twice (in its store, on
 * Kafka by {@code ce_id}, in its consumers' effects), and processing resumes by itself within 60 s of its restart.
 */
@SystemTest
class ServiceKillFaultTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void membership_killed_while_urban_areas_are_registered_keeps_every_acknowledged_one_once(SystemUnderTest system)
            throws Exception {
        Gateway gateway = system.gateway();
        Http operator = gateway.http(gateway.operatorToken());
        String run = Faults.runId();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add("fault-kill-m-" + run + "-" + i);
        }
        Refusals refusals = new Refusals();
        Map<String, Integer> acknowledged = new ConcurrentHashMap<>();

        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<?> writing = writer.submit(() -> {
            for (String id : ids) {
                Http.Response answer = untilAcknowledged("register " + id, refusals, () -> operator.post(
                        "/api/membership/urban-areas", """
                                {"id":"%s","name":"Thành phố Sự cố %s","kind":"CITY","province":"Lào Cai","urbanClass":"III"}"""
                                .formatted(id, id.substring(id.lastIndexOf('-') + 1))));
                acknowledged.put(id, answer.status());
            }
        });
        try {
            await("some registrations acknowledged").atMost(Duration.ofSeconds(120)).until(() -> acknowledged.size() >= 8);
            system.kill(SystemUnderTest.MEMBERSHIP);
            assertThat(acknowledged.size()).as("killed mid-stream").isLessThan(ids.size());
            system.start(SystemUnderTest.MEMBERSHIP);
            writing.get(5, TimeUnit.MINUTES);
        } finally {
            writer.shutdownNow();
        }

        assertThat(acknowledged).hasSize(ids.size()).allSatisfy((id, status) -> assertThat(status).isIn(200, 201));
        refusals.assertOnlyServiceDown();
        assertThat(refusals.statuses).as("the writer met the outage").isNotEmpty();

        // Stored once each: a retry after a lost answer recorded nothing more.
        Map<String, Long> stored = new HashMap<>();
        ids.forEach(id -> stored.put(id, storedEvents(system, "membership", id, "UrbanAreaRegistered")));
        assertThat(stored).allSatisfy((id, events) -> assertThat(events).as(id).isEqualTo(1L));

        // Readable again, published once per stored event (by ce_id), applied once by competition's roster replica.
        await("every acknowledged urban area readable").atMost(RESUME).pollInterval(Duration.ofSeconds(1)).until(() ->
                ids.stream().allMatch(id -> operator.get("/api/membership/urban-areas/" + id).status() == 200));
        Set<String> idSet = new HashSet<>(ids);
        try (KafkaTopic topic = system.topic("membership.events.v1")) {
            Map<String, Set<String>> ceIdsByKey = new HashMap<>();
            await("every registration on membership.events.v1").atMost(RESUME).until(() -> {
                ceIdsByKey.clear();
                for (ConsumerRecord<String, byte[]> record : topic.poll()) {
                    if (idSet.contains(record.key()) && KafkaTopic.header(record, "ce_type").contains("UrbanAreaRegistered")) {
                        ceIdsByKey.computeIfAbsent(record.key(), k -> new HashSet<>()).add(KafkaTopic.header(record, "ce_id"));
                    }
                }
                return ceIdsByKey.keySet().containsAll(idSet);
            });
            assertThat(ceIdsByKey).as("one ce_id per stored event (a redelivery repeats the same ce_id)")
                    .allSatisfy((id, ceIds) -> assertThat(ceIds).hasSize(1));
        }
        await("competition's roster replica has every name once").atMost(RESUME).until(() ->
                count(system, "competition", "SELECT count(*) FROM roster_replica_urban_area_name WHERE urban_area_id LIKE ?",
                        "fault-kill-m-" + run + "-%") >= ids.size());
        assertThat(count(system, "competition", "SELECT count(*) FROM roster_replica_urban_area_name WHERE urban_area_id LIKE ?",
                "fault-kill-m-" + run + "-%")).isEqualTo(ids.size());
    }

    @Test
    void competition_killed_while_ballots_are_cast_counts_each_acknowledged_ballot_once(SystemUnderTest system) throws Exception {
        Round round = Round.open(system, 12);
        Refusals refusals = new Refusals();
        Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
        String motion = round.tabled("{\"kind\":\"NEXT_THEME\",\"theme\":\"Đô thị thông minh\"}");

        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<?> voting = writer.submit(() -> {
            for (String member : round.members) {
                acknowledged.put(member, untilAcknowledged("ballot of " + member, refusals,
                        () -> round.ballot(motion, member, "APPROVE")).status());
            }
        });
        try {
            await("some ballots acknowledged").atMost(Duration.ofSeconds(120)).until(() -> acknowledged.size() >= 3);
            system.kill(SystemUnderTest.COMPETITION);
            assertThat(acknowledged.size()).as("killed mid-stream").isLessThan(round.members.size());
            system.start(SystemUnderTest.COMPETITION);
            voting.get(5, TimeUnit.MINUTES);
        } finally {
            writer.shutdownNow();
        }
        refusals.assertOnlyServiceDown();
        assertThat(refusals.statuses).as("the writer met the outage").isNotEmpty();

        Http.Response closed = round.coordinator.post(round.path() + "/motions/" + motion + "/closing", "");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().path("state").asText()).isEqualTo("CARRIED");
        JsonNode decided = JSON.readTree(strings(system, "competition", """
                SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type LIKE '%MotionDecided'""", "round:" + round.id).get(0));
        assertThat(decided.path("approvals").asInt()).as(decided.toString()).isEqualTo(round.members.size());
        assertThat(decided.path("rejections").asInt()).isZero();
        assertThat(decided.path("abstentions").asInt()).isZero();
    }

    @Test
    void news_killed_as_a_round_concludes_drafts_its_report_once(SystemUnderTest system) {
        Round round = Round.open(system, 3);
        round.carry("{\"kind\":\"NEXT_THEME\",\"theme\":\"Đô thị thông minh\"}");
        round.carry("{\"kind\":\"NEXT_HOST\",\"urbanAreaId\":\"" + round.members.get(2) + "\"}");

        Http.Response concluded = round.coordinator.post(round.path() + "/conclusion", "");
        assertThat(concluded.status()).as(concluded.body()).isEqualTo(200);
        system.kill(SystemUnderTest.NEWS);
        system.start(SystemUnderTest.NEWS);

        String articleId = "round-" + round.id;
        await("the conference report drafted").atMost(RESUME).until(() ->
                count(system, "news", "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier LIKE ?",
                        "%" + articleId) > 0);
        assertThat(count(system, "news", "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier LIKE ? "
                + "AND sequence_number = 0", "%" + articleId)).as("created once").isEqualTo(1);
        assertThat(count(system, "news", "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier LIKE ?",
                "%" + articleId)).as("nothing more was recorded on the draft").isEqualTo(1);
        Http editor = system.gateway().http(system.gateway().editorToken());
        await("the draft in news' read model").atMost(RESUME).until(() ->
                editor.get("/api/news/drafts/" + articleId).status() == 200);
    }

    /** A cluster of its own with {@code size} members, its coordinator's account, its 2023 round planned and opened. */
    static final class Round {
        final String id;
        final List<String> members;
        final Http coordinator;

        private Round(String id, List<String> members, Http coordinator) {
            this.id = id;
            this.members = members;
            this.coordinator = coordinator;
        }

        static Round open(SystemUnderTest system, int size) {
            Gateway gateway = system.gateway();
            Http operator = gateway.http(gateway.operatorToken());
            String cluster = "fault-cum-" + Faults.runId();
            ok(operator.post("/api/membership/clusters", "{\"id\":\"%s\",\"name\":\"Cụm sự cố %s\"}".formatted(cluster, cluster)));
            List<String> members = new ArrayList<>();
            for (int i = 1; i <= size; i++) {
                String member = cluster + "-" + i;
                members.add(member);
                ok(operator.post("/api/membership/urban-areas", """
                        {"id":"%s","name":"Thành phố Thử %d","kind":"CITY","province":"Lào Cai","urbanClass":"III"}"""
                        .formatted(member, i)));
                ok(operator.post("/api/membership/urban-areas/" + member + "/admission",
                        "{\"clusterId\":\"" + cluster + "\",\"effectiveFrom\":\"2020-01-01\"}"));
            }
            String clientId = "coordinator-" + cluster;
            String secret = "fault-secret-" + Faults.runId();
            ok(operator.post("/api/accounts", """
                    {"clientId":"%s","secret":"%s","role":"COORDINATOR","clusters":["%s"]}""".formatted(clientId, secret, cluster)));
            Http coordinator = gateway.http(gateway.token(clientId, secret));
            await("the roster replica of " + cluster).atMost(RESUME).until(() -> count(system, "competition",
                    "SELECT count(*) FROM roster_replica_membership_record WHERE cluster_id = ?", cluster) == size);
            Http.Response planned = ok(coordinator.post("/api/competition/rounds", """
                    {"clusterId":"%s","year":2023,"movement":"Đô thị Xanh - Sạch - Đẹp","theme":"Đô thị xanh",
                     "hostId":"%s","leaderId":"%s","conferenceDate":"2023-09-24"}"""
                    .formatted(cluster, members.get(0), members.get(1))));
            Round round = new Round(planned.json().path("roundId").asText(), List.copyOf(members), coordinator);
            // Refused with 409 roster-not-current while the replica's consumer still has messages to apply.
            await("the round opened").atMost(RESUME).until(() -> {
                Http.Response opened = coordinator.post(round.path() + "/opening", "{}");
                if (opened.status() == 409 && "roster-not-current".equals(opened.json().path("code").asText())) {
                    return false;
                }
                ok(opened);
                return true;
            });
            return round;
        }

        String path() {
            return "/api/competition/rounds/" + id;
        }

        String tabled(String motionJson) {
            return ok(coordinator.post(path() + "/motions", motionJson)).json().path("motionId").asText();
        }

        /** The coordinator records the room's show of hands for {@code member}. */
        Http.Response ballot(String motion, String member, String vote) {
            return coordinator.put(path() + "/motions/" + motion + "/ballots/" + member, "{\"vote\":\"" + vote + "\"}");
        }

        void carry(String motionJson) {
            String motion = tabled(motionJson);
            members.forEach(member -> ok(ballot(motion, member, "APPROVE")));
            Http.Response closed = ok(coordinator.post(path() + "/motions/" + motion + "/closing", ""));
            assertThat(closed.json().path("state").asText()).isEqualTo("CARRIED");
        }

        private static Http.Response ok(Http.Response response) {
            assertThat(response.status()).as(response.body()).isBetween(200, 299);
            return response;
        }
    }
}
