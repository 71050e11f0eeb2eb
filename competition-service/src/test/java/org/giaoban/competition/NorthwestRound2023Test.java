package org.giaoban.competition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.giaoban.testsupport.TopicReader.header;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.giaoban.competition.demo.NorthwestRound2023;
import org.giaoban.competition.nextround.NextRoundPlanner;
import org.giaoban.contracts.Topics;
import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.TopicReader;
import org.giaoban.testsupport.contracts.PublishedSchemas;
import org.giaoban.testsupport.security.TestCredentials;
import org.giaoban.testsupport.security.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The 2023 conference of the Northwest cluster told through the API by the product's own demo, on the real cluster
 * as membership publishes it: 11 participants vote; 2 Bằng khen and 3 Giấy khen proposals, Lai Châu as next host and
 * the 2024 theme carry; the flag passes from Sa Pa to Lai Châu, and tay-bac-2024 is planned once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NorthwestRound2023Test extends CompetitionServiceTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private EventStore eventStore;
    private Http http;

    @BeforeAll
    void theConferenceInSaPa() throws Exception {
        http = new Http(port);
        membership().publishNorthwest2023();
        awaitRosterCurrent();
        new NorthwestRound2023("http://localhost:" + port, null, new TestCredentials(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).load();
        awaitProjectionsCaughtUp();
    }

    @Test
    @Order(1)
    void elevenParticipantsVotedOnEveryMotion() {
        JsonNode round = http.get("/api/competition/rounds/tay-bac-2023").json();

        assertThat(round.path("state").asText()).isEqualTo("CONCLUDED");
        assertThat(round.path("participants").findValuesAsText("id")).containsExactlyInAnyOrderElementsOf(NorthwestRound2023.MEMBERS);
        assertThat(round.path("motions")).hasSize(7).allSatisfy(motion -> {
            assertThat(motion.path("state").asText()).isEqualTo("CARRIED");
            assertThat(motion.path("tally").path("approvals").asInt()).isEqualTo(11);
            assertThat(motion.path("ballots").asInt()).isEqualTo(11);
        });
        assertThat(round.path("results").path("flagHandedOverTo").path("id").asText()).isEqualTo("lai-chau");
    }

    @Test
    @Order(2)
    void twoBangKhenAndThreeGiayKhenAreProposed() {
        JsonNode nominations = http.get("/api/competition/nominations?clusterId=tay-bac&year=2023").json().path("items");
        Map<String, List<String>> byAward = new LinkedHashMap<>();
        nominations.forEach(n -> byAward.computeIfAbsent(n.path("award").asText(), a -> new ArrayList<>()).add(n.path("urbanArea").path("id").asText()));

        assertThat(byAward.get("MINISTRY_MERIT")).containsExactlyInAnyOrder("lai-chau", "tuyen-quang");
        assertThat(byAward.get("ASSOCIATION_COMMENDATION")).containsExactlyInAnyOrder("ha-giang", "hoa-binh", "sa-pa");
        assertThat(nominations.findValuesAsText("status")).containsOnly("PROPOSED");
    }

    @Test
    @Order(3)
    void theFlagPassesFromSaPaToLaiChauAndSaPaLeadsIn2024() {
        JsonNode years = http.get("/api/competition/hosts?clusterId=tay-bac").json().path("items");
        JsonNode y2023 = yearOf(years, 2023);
        JsonNode y2024 = yearOf(years, 2024);

        assertThat(y2023.path("host").path("id").asText()).isEqualTo("sa-pa");
        assertThat(y2023.path("leader").path("id").asText()).isEqualTo("tuyen-quang");
        assertThat(y2023.path("flagHandedOverTo").path("id").asText()).isEqualTo("lai-chau");
        assertThat(y2024.path("host").path("id").asText()).isEqualTo("lai-chau");
        assertThat(y2024.path("leader").path("id").asText()).isEqualTo("sa-pa");
    }

    @Test
    @Order(4)
    void the2024ThemeIsAdopted() {
        JsonNode themes = http.get("/api/competition/themes?clusterId=tay-bac&year=2024").json().path("items");

        assertThat(themes.get(0).path("theme").asText()).isEqualTo(NorthwestRound2023.THEME_2024);
    }

    @Test
    @Order(5)
    void theRoundOf2024IsPlannedOnceWithLaiChauAsHostAndSaPaAsLeader() {
        JsonNode next = await().atMost(Duration.ofSeconds(30))
                .until(() -> http.get("/api/competition/rounds/tay-bac-2024"), r -> r.status() == 200).json();

        assertThat(next.path("state").asText()).isEqualTo("PLANNED");
        assertThat(next.path("plan").path("host").path("id").asText()).isEqualTo("lai-chau");
        assertThat(next.path("plan").path("leader").path("id").asText()).isEqualTo("sa-pa");
        assertThat(next.path("plan").path("theme").asText()).isEqualTo(NorthwestRound2023.THEME_2024);
        assertThat(next.path("plan").path("rules").path("legalBasis").asText()).contains("Nghị định 91/2017");
        assertThat(eventsOf("tay-bac-2024")).isEqualTo(1);
    }

    @Test
    @Order(6)
    void everyEventIsPublishedOnceAndValidAgainstItsSchema() {
        List<String> stored = jdbc.sql("SELECT event_identifier FROM domain_event_entry WHERE aggregate_identifier = 'round:tay-bac-2023'")
                .query(String.class).list();
        try (TopicReader topic = new TopicReader(Topics.COMPETITION)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.countById(topic.poll()).keySet().containsAll(stored));
            List<ConsumerRecord<String, byte[]>> ours = topic.poll().stream().filter(r -> "tay-bac-2023".equals(r.key())).toList();

            assertThat(TopicReader.countById(ours)).allSatisfy((id, copies) -> assertThat(copies).isEqualTo(1));
            ours.forEach(record -> PublishedSchemas.assertValid(header(record, "ce_type"), TopicReader.value(record)));
            assertThat(ours).extracting(r -> header(r, "ce_type")).contains("org.giaoban.competition.RoundConcluded.v1",
                    "org.giaoban.competition.BallotCast.v1", "org.giaoban.competition.NominationProposed.v1");
            // Each record names the client that acted: the coordinator ran the round, each delegate cast its own ballot.
            assertThat(ours).filteredOn(r -> header(r, "ce_type").endsWith("RoundConcluded.v1")).singleElement()
                    .extracting(r -> header(r, "ce_actor")).isEqualTo(NorthwestRound2023.COORDINATOR);
            List<ConsumerRecord<String, byte[]>> ballots = ours.stream()
                    .filter(r -> stored.contains(header(r, "ce_id")) && header(r, "ce_type").endsWith("BallotCast.v1")).toList();
            assertThat(ballots).hasSize(7 * 11).allSatisfy(ballot -> {
                JsonNode value = JSON.readTree(TopicReader.value(ballot));
                assertThat(value.path("recordedBy").asText()).isEqualTo("DELEGATE");
                assertThat(header(ballot, "ce_actor")).isEqualTo("delegate-" + value.path("urbanAreaId").asText());
            });
        }
    }

    @Test
    @Order(7)
    void afterARestartOfEveryProcessorAndARebuildTheReadModelsAreTheSameAndNothingIsPlannedTwice() {
        Map<String, String> before = readModels();
        for (StreamingEventProcessor processor : processors()) {
            processor.shutDown();
        }
        for (StreamingEventProcessor processor : processors()) {
            if (!processor.getName().equals(NextRoundPlanner.NAME) && !processor.getName().equals("integration-publisher")) {
                processor.resetTokens();
            }
        }
        processors().forEach(StreamingEventProcessor::start);
        awaitProjectionsCaughtUp();

        assertThat(readModels()).isEqualTo(before);
        assertThat(eventsOf("tay-bac-2024")).isEqualTo(1);

        // Planning the same round again, as a redelivered conclusion would, changes nothing.
        Http.Response again = http.as(TestTokens.coordinatorNamed(NorthwestRound2023.COORDINATOR, "tay-bac")).post("/api/competition/rounds", """
                {"clusterId":"tay-bac","year":2024,"movement":"Đô thị Xanh - Sạch - Đẹp","theme":"%s","hostId":"lai-chau",
                 "leaderId":"sa-pa","rules":{"legalBasis":"Luật Thi đua, Khen thưởng 2003 (sửa đổi); Nghị định 91/2017/NĐ-CP; Quy chế Hiệp hội các đô thị Việt Nam",
                 "criteria":[{"name":"Xanh","maxPoints":40},{"name":"Sạch","maxPoints":30},{"name":"Đẹp","maxPoints":30}]}}"""
                .formatted(NorthwestRound2023.THEME_2024));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(eventsOf("tay-bac-2024")).isEqualTo(1);
    }

    private Map<String, String> readModels() {
        Map<String, String> views = new LinkedHashMap<>();
        for (String path : List.of("/api/competition/rounds/tay-bac-2023", "/api/competition/rounds/tay-bac-2024",
                "/api/competition/rounds/tay-bac-2023/ranking", "/api/competition/nominations?clusterId=tay-bac",
                "/api/competition/hosts?clusterId=tay-bac", "/api/competition/themes?clusterId=tay-bac")) {
            views.put(path, http.get(path).body());
        }
        return views;
    }

    private List<StreamingEventProcessor> processors() {
        return processing.eventProcessors().values().stream().map(StreamingEventProcessor.class::cast).toList();
    }

    private void awaitProjectionsCaughtUp() {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            long head = eventStore.createHeadToken().position().orElse(-1);
            return processors().stream().allMatch(p -> p.isRunning() && p.processingStatus().values().stream()
                    .allMatch(s -> s.getCurrentPosition().orElse(-1) >= head));
        });
    }

    private long eventsOf(String roundId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?").param("round:" + roundId)
                .query(Long.class).single();
    }

    private static JsonNode yearOf(JsonNode years, int year) {
        for (JsonNode y : years) {
            if (y.path("year").asInt() == year) {
                return y;
            }
        }
        throw new AssertionError("no year " + year + " in " + years);
    }
}
