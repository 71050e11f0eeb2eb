package org.giaoban.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.giaoban.systemtest.harness.Gateway;
import org.giaoban.systemtest.harness.KafkaTopic;
import org.giaoban.systemtest.harness.ManagedProcess;
import org.giaoban.systemtest.harness.SystemTest;
import org.giaoban.systemtest.harness.SystemUnderTest;
import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/**
 * Two instances of the competition service behind the gateway (round-robin), one database: twelve delegates change
 * their ballots concurrently, and nothing is lost or counted twice, in the aggregate, the read model or the topic.
 */
@SystemTest
class TwoInstancesTest {

    private static final int DELEGATES = 12;
    private static final List<String> PROJECTIONS = List.of("rounds", "ranking", "nominations", "hosts", "themes");

    @Test
    void concurrent_ballots_over_two_instances_are_each_counted_once(SystemUnderTest system) throws Exception {
        Gateway gateway = system.gateway();
        Http operatorBefore = gateway.http(gateway.operatorToken());
        String cluster = Story.fresh("scale");
        String roundId = cluster + "-2030";
        List<String> members = Story.clusterWithMembers(operatorBefore, cluster, DELEGATES);
        String coordinatorToken = Story.coordinator(gateway, operatorBefore, cluster);
        Map<String, String> delegateTokens = new LinkedHashMap<>();
        members.forEach(member -> delegateTokens.put(member, Story.delegate(gateway, operatorBefore, member)));
        String operatorToken = gateway.operatorToken();

        ManagedProcess first = system.process(SystemUnderTest.COMPETITION);
        ManagedProcess second = system.startSecondInstance(SystemUnderTest.COMPETITION);
        try {
            // Starting the second instance restarted the gateway: tokens it issued before still pass (keys persisted).
            Http.Response accounts = gateway.http(operatorToken).get("/api/accounts");
            assertThat(accounts.status()).as(accounts.body()).isEqualTo(200);
            String analystToken = gateway.analystToken();
            long firstBefore = ballotsServed(first, analystToken);
            Http coordinator = gateway.http(coordinatorToken);
            Story.planRound(coordinator, cluster, 2030, members.get(0), "OPEN");
            Story.open(coordinator, roundId, null);
            List<String> motions = List.of(
                    Story.motion(coordinator, roundId, "{\"kind\":\"NEXT_HOST\",\"urbanAreaId\":\"" + members.get(1) + "\"}"),
                    Story.motion(coordinator, roundId, "{\"kind\":\"NEXT_THEME\",\"theme\":\"Đô thị thông minh 2031\"}"));

            // Each delegate: three different votes on each motion, the last one final; all delegates at once.
            Map<String, String> finals = new HashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(DELEGATES);
            try {
                List<Future<?>> casting = new ArrayList<>();
                for (int i = 0; i < DELEGATES; i++) {
                    String member = members.get(i);
                    List<String> votes = i < 7 ? List.of("REJECT", "ABSTAIN", "APPROVE")
                            : i < 10 ? List.of("APPROVE", "ABSTAIN", "REJECT") : List.of("APPROVE", "REJECT", "ABSTAIN");
                    finals.put(member, votes.get(2));
                    Http delegate = gateway.http(delegateTokens.get(member));
                    casting.add(pool.submit(() -> {
                        for (String vote : votes) {
                            for (String motion : motions) {
                                castRetryingConflicts(delegate, roundId, motion, member, vote);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> future : casting) {
                    future.get();
                }
            } finally {
                pool.shutdownNow();
            }
            motions.forEach(motion -> Story.close(coordinator, roundId, motion));

            // The aggregate's tallies and the read model: each delegate's last ballot, once.
            long approvals = finals.values().stream().filter("APPROVE"::equals).count();
            long rejections = finals.values().stream().filter("REJECT"::equals).count();
            long abstentions = finals.values().stream().filter("ABSTAIN"::equals).count();
            JsonNode round = Story.roundWhen(gateway.http(), roundId, r -> {
                for (String motion : motions) {
                    if (Story.motionIn(r, motion).path("outcome").isMissingNode() || Story.motionIn(r, motion).path("outcome").isNull()) {
                        return false;
                    }
                }
                return true;
            });
            for (String motion : motions) {
                JsonNode view = Story.motionIn(round, motion);
                assertThat(view.path("ballots").asInt()).as(view.toString()).isEqualTo(DELEGATES);
                assertThat(view.path("tally").path("approvals").asLong()).as(view.toString()).isEqualTo(approvals);
                assertThat(view.path("tally").path("rejections").asLong()).as(view.toString()).isEqualTo(rejections);
                assertThat(view.path("tally").path("abstentions").asLong()).as(view.toString()).isEqualTo(abstentions);
                Map<String, String> shown = new HashMap<>();
                view.path("votes").forEach(v -> assertThat(shown.put(v.path("urbanAreaId").asText(), v.path("vote").asText()))
                        .as("one ballot per member in " + view).isNull());
                assertThat(shown).isEqualTo(finals);
            }

            // The topic: every accepted ballot once, in order (the last is the final one), each outcome once.
            try (KafkaTopic topic = system.topic("competition.events.v1")) {
                List<ConsumerRecord<String, byte[]>> records = await("the round's events").atMost(Story.PROJECTED)
                        .until(() -> topic.poll().stream().filter(r -> roundId.equals(r.key())).toList(),
                                all -> Northwest2023StoryTest.count(all, "MotionDecided") >= motions.size());
                assertThat(Northwest2023StoryTest.count(records, "BallotCast")).isEqualTo(DELEGATES * 3L * motions.size());
                for (String motion : motions) {
                    assertThat(records.stream().filter(r -> Northwest2023StoryTest.type(r).equals("MotionDecided")
                            && motion.equals(Northwest2023StoryTest.json(r).path("motionId").asText()))).hasSize(1);
                    Map<String, String> last = new HashMap<>();
                    records.stream().filter(r -> Northwest2023StoryTest.type(r).equals("BallotCast"))
                            .map(Northwest2023StoryTest::json).filter(b -> motion.equals(b.path("motionId").asText()))
                            .forEach(b -> last.put(b.path("urbanAreaId").asText(), b.path("vote").asText()));
                    assertThat(last).isEqualTo(finals);
                }
                java.util.Set<String> ids = new java.util.HashSet<>();
                records.forEach(r -> assertThat(ids.add(KafkaTopic.header(r, "ce_id"))).as("unique ce_id").isTrue());
            }

            // Both instances served ballots; each projection's two segments are claimed once between them.
            assertThat(ballotsServed(first, analystToken) - firstBefore).as("ballots served by " + first.name()).isPositive();
            assertThat(ballotsServed(second, analystToken)).as("ballots served by " + second.name()).isPositive();
            Map<String, Integer> claimed = new HashMap<>();
            for (ManagedProcess instance : List.of(first, second)) {
                JsonNode projections = Story.ok(new Http(instance.port()).as(operatorToken).get("/api/competition/admin/projections"),
                        "projections of " + instance.name()).json();
                // Each instance counts the segments it holds itself; together they hold each segment exactly once.
                projections.forEach(p -> {
                    int here = 0;
                    for (JsonNode segment : p.path("segmentStatus")) {
                        here += segment.path("claimedHere").asBoolean() ? 1 : 0;
                    }
                    claimed.merge(p.path("name").asText(), here, Integer::sum);
                });
            }
            PROJECTIONS.forEach(name -> assertThat(claimed.get(name)).as("segments of " + name + " claimed over both instances")
                    .isEqualTo(2));
        } finally {
            system.stopSecondInstance(SystemUnderTest.COMPETITION);
        }
    }

    /**
     * Two instances appending to the same round at once: the loser's insert hits the event store's unique (aggregate,
     * sequence) key, a concurrency conflict that the service retries itself; only when its retries are spent does the
     * client see 409 concurrent-modification (nothing recorded), and sends the ballot again. Anything else — a 503
     * above all — fails the test.
     */
    private static void castRetryingConflicts(Http delegate, String roundId, String motion, String member, String vote) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Http.Response response = delegate.put("/api/competition/rounds/" + roundId + "/motions/" + motion + "/ballots/" + member,
                    "{\"vote\":\"" + vote + "\"}");
            if (response.status() == 409 && "concurrent-modification".equals(response.code())) {
                continue;
            }
            assertThat(response.status()).as("ballot of " + member + ": " + response.body()).isBetween(200, 299);
            return;
        }
        throw new AssertionError("ballot of " + member + " conflicted 20 times");
    }

    /** How many ballots an instance answered 2xx (its own Prometheus counter, read as an analyst). */
    private static long ballotsServed(ManagedProcess instance, String analystToken) {
        Http.Response metrics = new Http(instance.port()).as(analystToken).get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        return metrics.body().lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count{"))
                .filter(line -> line.contains("/ballots/") && line.contains("method=\"PUT\"") && line.contains("outcome=\"SUCCESS\""))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
