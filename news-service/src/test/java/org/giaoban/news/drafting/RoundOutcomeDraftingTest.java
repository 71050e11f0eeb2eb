package org.giaoban.news.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.giaoban.news.drafting.EventFeed.uniqueId;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.giaoban.contracts.competition.CompetitionEvents;
import org.giaoban.contracts.competition.Ref;
import org.giaoban.contracts.competition.RoundConcluded;
import org.giaoban.contracts.competition.RoundPlanned;
import org.giaoban.news.article.ArticleContent;
import org.giaoban.news.article.ArticleMessages.DraftCreated;
import org.giaoban.news.article.ArticleMessages.DraftEdited;
import org.giaoban.news.article.ArticleMessages.EditDraft;
import org.giaoban.platform.text.VietnameseText;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;

/**
 * On {@code RoundConcluded} the news service writes the draft report of the conference, once per round whatever
 * Kafka delivers: the same message again, a copy under a new {@code ce_id}, the whole topic read again from offset 0.
 */
class RoundOutcomeDraftingTest extends DraftingTestBase {

    private static final String ARTICLE = "round-tay-bac-2023";
    private static final String TOPIC = CompetitionEvents.CATALOG.topic();

    @Autowired
    private BindingsLifecycleController bindings;
    @Autowired
    private CommandGateway commandGateway;

    @Test
    void theConclusionOf2023IsDraftedAsTheReportOfTheConference() throws JsonProcessingException {
        givenTheNorthwest2023Conclusion();

        assertThat(articleStreams(ARTICLE)).isEqualTo(1);
        List<JsonNode> drafts = draftsCreated(ARTICLE);
        assertThat(drafts).hasSize(1);
        JsonNode draft = drafts.get(0);
        assertThat(draft.path("articleId").asText()).isEqualTo(ARTICLE);
        assertThat(draft.path("source").path("kind").asText()).isEqualTo("ROUND_OUTCOME");
        assertThat(draft.path("source").path("roundId").asText()).isEqualTo("tay-bac-2023");
        assertThat(draft.path("slug").asText()).startsWith("giao-ban-cum-cac-do-thi-vung-tay-bac-nam-2023");

        ArticleContent content = objectMapper.treeToValue(draft.path("content"), ArticleContent.class);
        assertThat(content.title()).isEqualTo("Giao ban cụm các đô thị vùng Tây Bắc năm 2023");
        assertThat(content.summary()).contains("24/9/2023", "Thị xã Sa Pa");
        assertThat(content.body())
                .contains("Ngày 24/9/2023, tại Thị xã Sa Pa,")
                .contains("đề nghị Bộ Xây dựng tặng Bằng khen đối với 2 đô thị: Thành phố Lai Châu, Thành phố Tuyên Quang.")
                .contains("đề nghị Hiệp hội các đô thị Việt Nam tặng Giấy khen đối với 3 đô thị: Thành phố Hà Giang, "
                        + "Thành phố Hòa Bình, Thị xã Sa Pa.")
                .contains("thống nhất chủ đề năm 2024 với nội dung: “" + Northwest2023.THEME_2024 + "”.")
                .contains("đơn vị đăng cai, địa điểm tổ chức hội nghị cụm các đô thị vùng Tây Bắc năm 2024 là Thành phố "
                        + "Lai Châu.")
                .contains("trao cờ thi đua của cụm cho Thành phố Lai Châu", "Cụm trưởng năm 2024 là Thị xã Sa Pa")
                .contains("hội thảo với chủ đề “" + Northwest2023.WORKSHOP + "”");
        assertThat(content.category()).isEqualTo(ConferenceReport.CATEGORY);
        assertThat(content.tags()).containsExactly("giao ban", "thi đua", "2023");
        assertThat(content.clusterIds()).containsExactly("tay-bac");
        assertThat(content.urbanAreaIds()).containsExactly("sa-pa", "lai-chau", "tuyen-quang", "ha-giang", "hoa-binh");
        assertThat(content.images()).isEmpty();
        // As composed, up to white space: the Article aggregate stores text through VietnameseText.clean, which today
        // also folds the blank lines between paragraphs into single spaces.
        ArticleContent composed = ConferenceReport.of(Northwest2023.conclusion());
        assertThat(content).usingRecursiveComparison().ignoringFields("body").isEqualTo(composed);
        assertThat(VietnameseText.clean(content.body())).isEqualTo(VietnameseText.clean(composed.body()));
    }

    @Test
    void theSameMessageAgainOrACopyUnderANewIdWritesNoSecondDraft() {
        String ceId = givenTheNorthwest2023Conclusion();

        feed.competition(Northwest2023.conclusion(), ceId);
        String copy = feed.competition(Northwest2023.conclusion());
        // Same key, same partition: once the copy is handled, the redelivery before it has been read too.
        awaitHandled(RoundOutcomeDrafting.NAME, copy);

        assertThat(articleStreams(ARTICLE)).isEqualTo(1);
        assertThat(draftsCreated(ARTICLE)).hasSize(1);
        assertThat(handled(RoundOutcomeDrafting.NAME, ceId)).isTrue();
    }

    @Test
    void readingTheTopicAgainFromOffsetZeroWritesNoSecondDraft() throws Exception {
        givenTheNorthwest2023Conclusion();

        try (Admin admin = Admin.create(kafkaProperties.buildAdminProperties(null))) {
            bindings.stop(RoundOutcomeDrafting.BINDING);
            try {
                Map<TopicPartition, OffsetAndMetadata> earliest = earliestOffsets(admin);
                // The group's member leaves as the binding stops; until it has, the broker refuses to move its offsets.
                await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() ->
                        admin.alterConsumerGroupOffsets(RoundOutcomeDrafting.NAME, earliest).all().get(10, TimeUnit.SECONDS));
                assertThat(recordsBehind(admin)).as("records to read again").isPositive();
            } finally {
                bindings.start(RoundOutcomeDrafting.BINDING);
            }

            await().atMost(PATIENCE).until(() -> recordsBehind(admin) == 0);
        }

        assertThat(articleStreams(ARTICLE)).isEqualTo(1);
        assertThat(draftsCreated(ARTICLE)).hasSize(1);
    }

    @Test
    void anEditorsChangesStayWhenTheConclusionComesAgain() {
        String cluster = uniqueId("cum");
        RoundConcluded conclusion = Northwest2023.conclusion(cluster + "-2023", new Ref(cluster, "Cụm thử nghiệm " + cluster));
        String articleId = ConferenceReport.articleId(conclusion.roundId());
        feed.competition(conclusion);
        awaitDraft(articleId);
        ArticleContent drafted = ConferenceReport.of(conclusion);
        ArticleContent edited = new ArticleContent(drafted.title(), drafted.summary(),
                "Sáng 24/9, tại thị xã Sa Pa, ...\n\n" + drafted.body(), drafted.category(), drafted.tags(),
                drafted.clusterIds(), drafted.urbanAreaIds(), List.of(new ArticleContent.Image("/images/quang-canh.jpg",
                "Quang cảnh hội nghị.")));
        commandGateway.sendAndWait(new EditDraft(articleId, edited));

        String again = feed.competition(conclusion);
        awaitHandled(RoundOutcomeDrafting.NAME, again);

        assertThat(events(articleId)).extracting(StoredEvent::type)
                .containsExactly(DraftCreated.class.getName(), DraftEdited.class.getName());
    }

    @Test
    void onlyAConclusionIsDraftedAndItWaitsForNoMembershipEvent() {
        String cluster = uniqueId("cum");
        String roundId = cluster + "-2023";
        Ref clusterRef = new Ref(cluster, "Cụm thử nghiệm " + cluster);
        RoundConcluded conclusion = Northwest2023.conclusion(roundId, clusterRef);
        String planned = feed.competition(new RoundPlanned(roundId, clusterRef, 2023, Northwest2023.MOVEMENT,
                Northwest2023.THEME, Northwest2023.SA_PA, Northwest2023.TUYEN_QUANG, Northwest2023.CONFERENCE,
                Northwest2023.VENUE, Northwest2023.WORKSHOP, null));
        String concluded = feed.competition(conclusion);

        awaitHandled(RoundOutcomeDrafting.NAME, concluded);

        assertThat(handled(RoundOutcomeDrafting.NAME, planned)).as("a planned round is no news").isFalse();
        List<JsonNode> drafts = draftsCreated(ConferenceReport.articleId(roundId));
        assertThat(drafts).hasSize(1);
        assertThat(drafts.get(0).path("content").path("title").asText())
                .isEqualTo("Giao ban cụm thử nghiệm " + cluster + " năm 2023");
        assertThat(drafts.get(0).path("content").path("clusterIds").get(0).asText()).isEqualTo(cluster);
    }

    private static List<TopicPartition> partitions(Admin admin) throws Exception {
        return admin.describeTopics(List.of(TOPIC)).allTopicNames().get(10, TimeUnit.SECONDS).get(TOPIC).partitions()
                .stream().map(info -> new TopicPartition(TOPIC, info.partition())).toList();
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, OffsetSpec spec) throws Exception {
        return admin.listOffsets(partitions(admin).stream().collect(Collectors.toMap(Function.identity(), p -> spec)))
                .all().get(10, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static Map<TopicPartition, OffsetAndMetadata> earliestOffsets(Admin admin) throws Exception {
        return offsets(admin, OffsetSpec.earliest()).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())));
    }

    /** Records of the topic beyond what the consumer group {@code news-drafting} has committed. */
    private static long recordsBehind(Admin admin) throws Exception {
        Map<TopicPartition, Long> ends = offsets(admin, OffsetSpec.latest());
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(RoundOutcomeDrafting.NAME)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        return ends.entrySet().stream().mapToLong(end -> {
            OffsetAndMetadata done = committed.get(end.getKey());
            return Math.max(0, end.getValue() - (done == null ? 0 : done.offset()));
        }).sum();
    }
}
