package org.giaoban.news.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.giaoban.news.article.EditorialDesk.content;
import static org.giaoban.news.article.EditorialDesk.json;
import static org.giaoban.news.article.EditorialDesk.unique;


import java.net.http.HttpRequest;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.giaoban.contracts.Topics;
import org.giaoban.news.NewsServiceTestBase;
import org.giaoban.news.article.ArticleMessages.CreateDraft;
import org.giaoban.news.article.ArticleMessages.Source;
import org.giaoban.platform.text.VietnameseText;
import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An editor writes, edits, submits, returns, publishes, unpublishes and corrects articles over HTTP. */
class EditorialWorkflowTest extends NewsServiceTestBase {

    @Autowired
    private CommandGateway commands;
    private EditorialDesk desk;

    @BeforeEach
    void desk() {
        desk = new EditorialDesk(editor);
    }

    @Test
    void aDraftIsCreatedSubmittedAndPublishedAndListedAsADraftUntilThen() {
        String suffix = unique();
        Map<String, Object> content = content(Normalizer.normalize("  Giao ban cụm các đô thị vùng Tây Bắc năm 2023 " + suffix,
                Normalizer.Form.NFD));

        Http.Response created = editor.post("/api/news/articles", json(content));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String articleId = created.json().path("articleId").asText();
        assertThat(UUID.fromString(articleId).toString()).isEqualTo(articleId);
        assertThat(created.json().path("slug").asText()).isEqualTo("giao-ban-cum-cac-do-thi-vung-tay-bac-nam-2023-" + suffix);
        assertThat(created.json().path("outcome").asText()).isEqualTo("RECORDED");
        assertThat(created.raw().headers().firstValue("Location")).hasValue("/api/news/drafts/" + articleId);

        JsonNode draft = draft(articleId);
        assertThat(draft.path("title").asText()).isEqualTo("Giao ban cụm các đô thị vùng Tây Bắc năm 2023 " + suffix);
        assertThat(draft.path("state").asText()).isEqualTo("DRAFT");
        assertThat(draft.path("slug").asText()).isEqualTo(created.json().path("slug").asText());
        assertThat(draft.path("source").asText()).isEqualTo("EDITOR");
        assertThat(draft.path("roundId").isNull()).isTrue();
        assertThat(draft.path("body").asText()).isEqualTo(content.get("body"));
        assertThat(draft.path("category").asText()).isEqualTo("Hoạt động các cụm");
        assertThat(texts(draft.path("tags"))).containsExactly("Tây Bắc", "thi đua");
        assertThat(texts(draft.path("clusterIds"))).containsExactly("tay-bac");
        assertThat(texts(draft.path("urbanAreaIds"))).containsExactly("sa-pa", "lai-chau");
        assertThat(draft.path("images").get(0).path("url").asText()).isEqualTo("https://giaoban.org/anh/sa-pa-2023.jpg");
        assertThat(draft.path("images").get(0).path("caption").asText()).isEqualTo("Trao cờ đăng cai cho thành phố Lai Châu");
        assertThat(draft.path("revision").asInt()).isZero();
        assertThat(draft.path("createdAt").asText()).isNotBlank().isEqualTo(draft.path("updatedAt").asText());
        assertThat(listed(null)).contains(articleId);
        assertThat(listed("DRAFT")).contains(articleId);

        JsonNode submitted = desk.move(articleId, "submission", null);
        assertThat(submitted.path("articleId").asText()).isEqualTo(articleId);
        assertThat(submitted.path("state").asText()).isEqualTo("IN_REVIEW");
        assertThat(listed("IN_REVIEW")).contains(articleId);
        assertThat(listed("DRAFT")).doesNotContain(articleId);

        JsonNode published = desk.move(articleId, "publication", null);
        assertThat(published.path("state").asText()).isEqualTo("PUBLISHED");
        assertThat(listed(null)).doesNotContain(articleId);
        assertThat(listed("IN_REVIEW")).doesNotContain(articleId);
        Http.Response gone = editor.get("/api/news/drafts/" + articleId);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.contentType()).startsWith("application/problem+json");
        assertThat(gone.code()).isEqualTo("unknown-draft");

        // Analysts read the publication on news.events.v1, attributed to the editor who published it.
        try (TopicReader topic = new TopicReader(Topics.NEWS)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.poll().stream().anyMatch(r -> articleId.equals(r.key())));
            ConsumerRecord<String, byte[]> publication = topic.poll().stream().filter(r -> articleId.equals(r.key())).findFirst().orElseThrow();
            assertThat(TopicReader.header(publication, "ce_type")).isEqualTo("org.giaoban.news.ArticlePublished.v1");
            assertThat(TopicReader.header(publication, "ce_actor")).as("the JWT subject of the editor who published").isEqualTo("editor");
        }
        assertThat(actorsOf(articleId)).as("each event of the article, attributed to the editor's JWT subject")
                .hasSize(3).containsOnly("editor");
    }

    @Test
    void aDraftIsEditedAndAReturnedOneShowsTheNote() {
        String articleId = desk.create(content("Hội thảo giao thông đô thị thông minh " + unique()));
        String updatedBefore = draft(articleId).path("updatedAt").asText();

        Map<String, Object> edited = content("Hội thảo giao thông thông minh tại Lai Châu " + unique());
        edited.put("tags", List.of("giao thông", "Lai Châu"));
        Http.Response edit = editor.put("/api/news/articles/" + articleId, json(edited));
        assertThat(edit.status()).as(edit.body()).isEqualTo(200);
        assertThat(edit.json().path("state").asText()).isEqualTo("DRAFT");
        assertThat(edit.json().path("outcome").asText()).isEqualTo("RECORDED");
        Http.Response again = editor.put("/api/news/articles/" + articleId, json(edited));
        assertThat(again.json().path("outcome").asText()).isEqualTo("UNCHANGED");

        desk.submit(articleId);
        JsonNode returned = desk.move(articleId, "return", Map.of("note", "Bổ sung ảnh  hội thảo. "));
        assertThat(returned.path("state").asText()).isEqualTo("DRAFT");

        JsonNode draft = draft(articleId);
        assertThat(draft.path("state").asText()).isEqualTo("DRAFT");
        assertThat(draft.path("title").asText()).isEqualTo(edited.get("title"));
        assertThat(texts(draft.path("tags"))).containsExactly("giao thông", "Lai Châu");
        assertThat(draft.path("returnNote").asText()).isEqualTo("Bổ sung ảnh hội thảo.");
        assertThat(draft.path("updatedAt").asText()).isNotEqualTo(updatedBefore);
        assertThat(draft.path("createdAt").asText()).isEqualTo(updatedBefore);

        // A return needs no body at all.
        desk.submit(articleId);
        Http.Response bare = editor.send(HttpRequest.newBuilder(editor.uri("/api/news/articles/" + articleId + "/return"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(bare.status()).as(bare.body()).isEqualTo(200);
        assertThat(draft(articleId).path("returnNote").isNull()).isTrue();
    }

    @Test
    void anUnpublishedArticleIsADraftAgainWithItsCorrectedContentAndSlug() {
        String title = "Trao cờ đăng cai năm 2024 cho thành phố Lai Châu " + unique();
        String articleId = desk.published(content(title));
        awaitProjectionsCaughtUp();
        assertThat(editor.get("/api/news/drafts/" + articleId).code()).isEqualTo("unknown-draft");

        Map<String, Object> corrected = content("Thành phố Lai Châu nhận cờ đăng cai năm 2024 " + unique());
        Map<String, Object> correction = new LinkedHashMap<>(corrected);
        correction.put("note", "Sửa tiêu đề.");
        Http.Response corrects = editor.post("/api/news/articles/" + articleId + "/corrections", json(correction));
        assertThat(corrects.status()).as(corrects.body()).isEqualTo(200);
        assertThat(corrects.json().path("state").asText()).isEqualTo("PUBLISHED");

        JsonNode unpublished = desk.move(articleId, "unpublication", Map.of("reason", "Chờ xác nhận số liệu"));
        assertThat(unpublished.path("state").asText()).isEqualTo("UNPUBLISHED");

        JsonNode draft = draft(articleId);
        assertThat(draft.path("state").asText()).isEqualTo("UNPUBLISHED");
        assertThat(draft.path("title").asText()).isEqualTo(corrected.get("title"));
        assertThat(draft.path("slug").asText()).isEqualTo(VietnameseText.slug(title));
        assertThat(draft.path("revision").asInt()).isEqualTo(2);
        assertThat(draft.path("unpublicationReason").asText()).isEqualTo("Chờ xác nhận số liệu");
        assertThat(listed("UNPUBLISHED")).contains(articleId);

        assertThat(desk.move(articleId, "publication", null).path("state").asText()).isEqualTo("PUBLISHED");
        awaitProjectionsCaughtUp();
        assertThat(editor.get("/api/news/drafts/" + articleId).code()).isEqualTo("unknown-draft");
    }

    @Test
    void twoArticlesWithTheSameTitleGetTwoSlugs() {
        String suffix = unique();
        String title = "Giao ban cụm các đô thị vùng Tây Bắc năm 2023 " + suffix;
        String slug = "giao-ban-cum-cac-do-thi-vung-tay-bac-nam-2023-" + suffix;

        Http.Response first = editor.post("/api/news/articles", json(content(title)));
        Http.Response second = editor.post("/api/news/articles", json(content(title)));
        // The same title in another Unicode composition is the same title.
        Http.Response third = editor.post("/api/news/articles", json(content(Normalizer.normalize(title, Normalizer.Form.NFD))));

        assertThat(first.json().path("slug").asText()).isEqualTo(slug);
        assertThat(second.json().path("slug").asText()).isEqualTo(slug + "-2");
        assertThat(third.json().path("slug").asText()).isEqualTo(slug + "-3");
        assertThat(List.of(first, second, third)).extracting(r -> r.json().path("articleId").asText()).doesNotHaveDuplicates();
        assertThat(draft(second.json().path("articleId").asText()).path("slug").asText()).isEqualTo(slug + "-2");
    }

    @Test
    void theListIsNewestFirstAndPaged() {
        String older = desk.create(content("Bài cũ hơn " + unique()));
        String newer = desk.create(content("Bài mới hơn " + unique()));
        awaitProjectionsCaughtUp();

        JsonNode page = editor.get("/api/news/drafts?state=DRAFT&page=0&size=2").json();
        assertThat(page.path("size").asInt()).isEqualTo(2);
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(texts(page.path("items"), "articleId")).containsExactly(newer, older);
        assertThat(page.path("items").get(0).has("body")).isFalse();
        JsonNode next = editor.get("/api/news/drafts?state=DRAFT&page=1&size=1").json();
        assertThat(texts(next.path("items"), "articleId")).containsExactly(older);
    }

    @Test
    void theSystemsDraftOfARoundIsListedWithItsRoundAndWrittenOnce() {
        String roundId = "tay-bac-" + unique() + "-2023";
        String articleId = "round-" + roundId;
        ArticleContent content = new ArticleContent("Kết quả giao ban Cụm các đô thị vùng Tây Bắc năm 2023 " + unique(),
                "Hội nghị giao ban năm 2023.", "Thành phố Lai Châu đăng cai năm 2024.", "Hoạt động các cụm", List.of(), List.of("tay-bac"),
                List.of("lai-chau"), List.of());

        assertThat((Outcome) commands.sendAndWait(new CreateDraft(articleId, content, Source.roundOutcome(roundId))))
                .isEqualTo(Outcome.RECORDED);
        assertThat((Outcome) commands.sendAndWait(new CreateDraft(articleId, content, Source.roundOutcome(roundId))))
                .isEqualTo(Outcome.UNCHANGED);

        assertThat(eventsIn(Article.streamId(articleId))).isEqualTo(1);
        JsonNode draft = draft(articleId);
        assertThat(draft.path("source").asText()).isEqualTo("ROUND_OUTCOME");
        assertThat(draft.path("roundId").asText()).isEqualTo(roundId);
        assertThat(draft.path("summary").asText()).isEqualTo("Hội nghị giao ban năm 2023.");
        assertThat(draft.path("images").isArray()).isTrue();
        assertThat(draft.path("images")).isEmpty();
        assertThat(listed("DRAFT")).contains(articleId);
        // Editors take it from there, by its id.
        assertThat(desk.move(articleId, "submission", null).path("state").asText()).isEqualTo("IN_REVIEW");
    }

    /** The {@code actor} metadata of each event in the article's stream. */
    private List<String> actorsOf(String articleId) {
        return jdbc.sql("SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(Article.streamId(articleId)).query(String.class).list();
    }

    // ---- reading -----------------------------------------------------------------------------------------------------

    private JsonNode draft(String articleId) {
        awaitProjectionsCaughtUp();
        Http.Response response = editor.get("/api/news/drafts/" + articleId);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** The ids on the first page (newest first) of the drafts list, of one state or all. */
    private List<String> listed(String state) {
        awaitProjectionsCaughtUp();
        Http.Response response = editor.get("/api/news/drafts?size=100" + (state == null ? "" : "&state=" + state));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return texts(response.json().path("items"), "articleId");
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.path(field).asText()));
        return values;
    }
}
