package org.giaoban.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.giaoban.systemtest.harness.Gateway;
import org.giaoban.systemtest.harness.KafkaTopic;
import org.giaoban.systemtest.harness.SystemTest;
import org.giaoban.systemtest.harness.SystemUnderTest;
import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The 2023 conference of the Northwest cluster told end to end, as {@code ./giaoban demo} tells it: the three demo
 * programs run as processes against the gateway (operator, coordinator, delegates, editor, each with its own token),
 * then every read model and every topic is checked as the users and an analytics consumer see them.
 */
@SystemTest
class Northwest2023StoryTest {

    private static final String ROUND = "tay-bac-2023";
    private static final String COORDINATOR = "tay-bac-coordinator";
    private static final List<String> MEMBERS = List.of("hoa-binh", "ha-giang", "yen-bai", "nghia-lo", "lai-chau", "lao-cai",
            "sa-pa", "son-la", "dien-bien-phu", "muong-lay", "tuyen-quang");
    private static final String THEME_2024_START = "Thực trạng hạ tầng giao thông đô thị";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_2023_conference_is_told_through_the_gateway_and_every_read_model_and_topic_tells_it(SystemUnderTest system) {
        runDemo(system, "membership-service", "org.giaoban.membership.demo.DemoLoader");
        runDemo(system, "competition-service", "org.giaoban.competition.demo.NorthwestRound2023");
        runDemo(system, "news-service", "org.giaoban.news.demo.NewsDemo");

        Gateway gateway = system.gateway();
        Http operator = gateway.http(gateway.operatorToken());
        Http anyone = gateway.http();

        // Membership: the roster on the day of the conference.
        JsonNode roster = Story.ok(operator.get("/api/membership/clusters/tay-bac/members?asOf=2023-09-24"), "roster").json();
        assertThat(ids(roster.path("members"), "urbanAreaId")).containsExactlyInAnyOrderElementsOf(MEMBERS);

        // The round, concluded with its 11 participants; every motion carried 11/11.
        JsonNode round = Story.roundWhen(anyone, ROUND, r -> "CONCLUDED".equals(r.path("state").asText()));
        assertThat(ids(round.path("participants"), "id")).containsExactlyInAnyOrderElementsOf(MEMBERS);
        assertThat(round.path("motions")).hasSize(7).allSatisfy(motion -> {
            assertThat(motion.path("outcome").asText()).as(motion.toString()).isEqualTo("CARRIED");
            assertThat(motion.path("ballots").asInt()).as(motion.toString()).isEqualTo(11);
            assertThat(motion.path("tally").path("approvals").asInt()).as(motion.toString()).isEqualTo(11);
        });
        assertThat(round.path("results").path("nextHost").path("id").asText()).isEqualTo("lai-chau");
        assertThat(round.path("results").path("flagHandedOverTo").path("id").asText()).isEqualTo("lai-chau");

        // Nominations: 2 Bằng khen, 3 Giấy khen.
        AtomicReference<JsonNode> nominations = new AtomicReference<>();
        await("nominations of 2023").atMost(Story.PROJECTED).until(() -> {
            nominations.set(anyone.get("/api/competition/nominations?clusterId=tay-bac&year=2023").json().path("items"));
            return nominations.get().size() == 5;
        });
        Map<String, List<String>> byAward = new HashMap<>();
        nominations.get().forEach(n -> byAward.computeIfAbsent(n.path("award").asText(), k -> new ArrayList<>())
                .add(n.path("urbanArea").path("id").asText()));
        assertThat(byAward.get("MINISTRY_MERIT")).containsExactlyInAnyOrder("lai-chau", "tuyen-quang");
        assertThat(byAward.get("ASSOCIATION_COMMENDATION")).containsExactlyInAnyOrder("ha-giang", "hoa-binh", "sa-pa");

        // Hosts: Lai Châu next, the flag handed to it.
        JsonNode year2023 = await("hosts of 2023").atMost(Story.PROJECTED).until(
                () -> find(anyone.get("/api/competition/hosts?clusterId=tay-bac").json().path("items"), "year", "2023"),
                y -> y != null && y.path("concluded").asBoolean());
        assertThat(year2023.path("upcoming").path("host").path("id").asText()).isEqualTo("lai-chau");
        assertThat(year2023.path("flagHandedOverTo").path("id").asText()).isEqualTo("lai-chau");

        // Themes: the 2024 theme adopted.
        JsonNode themes2024 = await("themes of 2024").atMost(Story.PROJECTED).until(
                () -> find(anyone.get("/api/competition/themes?clusterId=tay-bac&year=2024").json().path("items"), "year", "2024"),
                y -> y != null && y.path("adoptedTheme").asText().startsWith(THEME_2024_START));
        assertThat(themes2024.path("adoptedInRoundId").asText()).isEqualTo(ROUND);

        // Next year's round, planned with Lai Châu as host.
        JsonNode next = Story.roundWhen(anyone, "tay-bac-2024", r -> true);
        assertThat(next.path("state").asText()).isEqualTo("PLANNED");
        assertThat(next.path("plan").path("host").path("id").asText()).isEqualTo("lai-chau");

        // Accounts: the coordinator and the 11 delegates.
        List<String> accounts = ids(Story.ok(operator.get("/api/accounts"), "accounts").json(), "clientId");
        assertThat(accounts).contains(COORDINATOR, "news-desk");
        assertThat(accounts).containsAll(MEMBERS.stream().map(m -> "delegate-" + m).toList());

        // Kafka, as an analytics consumer reads it.
        List<ConsumerRecord<String, byte[]>> membership = records(system, "membership.events.v1",
                all -> types(all).containsAll(Set.of("ClusterFormed", "UrbanAreaRegistered", "MemberAdmitted")));
        assertEnvelopes(membership, record -> Gateway.OPERATOR);

        List<ConsumerRecord<String, byte[]>> competition = records(system, "competition.events.v1",
                all -> all.stream().anyMatch(r -> ROUND.equals(r.key()) && type(r).equals("RoundConcluded"))).stream()
                .filter(r -> ROUND.equals(r.key())).toList();
        assertThat(count(competition, "RoundPlanned")).isEqualTo(1);
        assertThat(count(competition, "RoundOpened")).isEqualTo(1);
        assertThat(count(competition, "ScoreRecorded")).isEqualTo(33);
        assertThat(count(competition, "MotionTabled")).isEqualTo(7);
        assertThat(count(competition, "BallotCast")).isEqualTo(77);
        assertThat(count(competition, "MotionDecided")).isEqualTo(7);
        assertThat(count(competition, "RoundConcluded")).isEqualTo(1);
        assertEnvelopes(competition, record -> type(record).equals("BallotCast")
                ? "delegate-" + json(record).path("urbanAreaId").asText() : COORDINATOR);

        List<ConsumerRecord<String, byte[]>> news = records(system, "news.events.v1",
                all -> all.stream().anyMatch(r -> type(r).equals("ArticlePublished") && ROUND.equals(json(r).path("roundId").asText())));
        List<ConsumerRecord<String, byte[]>> report = news.stream()
                .filter(r -> type(r).equals("ArticlePublished") && ROUND.equals(json(r).path("roundId").asText())).toList();
        assertThat(report).hasSize(1);
        assertEnvelopes(news.stream().filter(r -> "news-desk".equals(KafkaTopic.header(r, "ce_actor"))
                || ROUND.equals(json(r).path("roundId").asText())).toList(), record -> "news-desk");

        // An anonymous reader finds the report, with and without diacritics, and opens its page.
        String slug = json(report.get(0)).path("slug").asText();
        String title = json(report.get(0)).path("title").asText();
        for (String q : List.of("giao ban tay bac", "tây bắc", "tay bac")) {
            JsonNode found = await("search " + q).atMost(Story.PROJECTED).until(
                    () -> anyone.get("/api/news/articles?size=50&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).json().path("items"),
                    items -> ids(items, "slug").contains(slug));
            assertThat(ids(found, "slug")).as(q).contains(slug);
        }
        Http.Response page = anyone.get("/news/" + slug);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains(title);
    }

    private static void runDemo(SystemUnderTest system, String module, String mainClass) {
        Path log = Path.of("target", "system-logs", "demo-" + module + ".log").toAbsolutePath();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8",
                "-cp", system.jar(module).toString(), "-Dloader.main=" + mainClass,
                "org.springframework.boot.loader.launch.PropertiesLauncher", system.gateway().url());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("GIAOBAN_") || key.equals("JAVA_TOOL_OPTIONS"));
        try {
            Files.createDirectories(log.getParent());
            Process process = builder.start();
            if (!process.waitFor(240, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(mainClass + " did not finish in 240 s; see " + log);
            }
            assertThat(process.exitValue()).as(mainClass + " exit code; its output:\n" + Files.readString(log)).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<ConsumerRecord<String, byte[]>> records(SystemUnderTest system, String topicName,
                                                               java.util.function.Predicate<List<ConsumerRecord<String, byte[]>>> complete) {
        try (KafkaTopic topic = system.topic(topicName)) {
            return await(topicName).atMost(Story.PROJECTED).until(topic::poll, complete);
        }
    }

    /** Every record: a unique ce_id, the acting client as ce_actor, a correlation id. */
    private static void assertEnvelopes(List<ConsumerRecord<String, byte[]>> records,
                                        java.util.function.Function<ConsumerRecord<String, byte[]>, String> actor) {
        assertThat(records).isNotEmpty();
        Set<String> ids = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            String what = type(record) + " " + record.key() + " " + KafkaTopic.value(record);
            assertThat(ids.add(KafkaTopic.header(record, "ce_id"))).as("unique ce_id of " + what).isTrue();
            assertThat(KafkaTopic.header(record, "ce_actor")).as("ce_actor of " + what).isEqualTo(actor.apply(record));
            assertThat(KafkaTopic.header(record, "ce_correlationid")).as("ce_correlationid of " + what).isNotBlank();
        }
    }

    static String type(ConsumerRecord<String, byte[]> record) {
        String type = KafkaTopic.header(record, "ce_type");   // org.giaoban.<service>.<Type>.v1
        String[] parts = type == null ? new String[0] : type.split("\\.");
        return parts.length < 2 ? String.valueOf(type) : parts[parts.length - 2];
    }

    private static Set<String> types(List<ConsumerRecord<String, byte[]>> records) {
        Set<String> types = new HashSet<>();
        records.forEach(r -> types.add(type(r)));
        return types;
    }

    static long count(List<ConsumerRecord<String, byte[]>> records, String type) {
        return records.stream().filter(r -> type(r).equals(type)).count();
    }

    static JsonNode json(ConsumerRecord<String, byte[]> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> ids(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(node -> node.path(field).asText()).toList();
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false).filter(node -> value.equals(node.path(field).asText()))
                .findFirst().orElse(null);
    }
}
