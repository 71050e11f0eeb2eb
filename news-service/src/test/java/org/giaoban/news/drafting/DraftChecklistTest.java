package org.giaoban.news.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import org.giaoban.news.article.EditorialDesk;
import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The draft the system writes from a concluded round carries a checklist of what a machine cannot know — guests,
 * the year's assessment, photos — unticked; an edit ticks items (or unticks them) with or without changing the
 * content; publishing does not wait for it; an editor's own article has none, and ticking an item on it is refused.
 */
class DraftChecklistTest extends DraftingTestBase {

    @LocalServerPort
    private int port;

    @Test
    void aDraftedReportCarriesTheChecklistThatAnEditorTicks() {
        // A round of its own (the Northwest 2023 draft is shared with other tests).
        String roundId = "tay-bac-2023-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
        feed.competition(Northwest2023.conclusion(roundId, Northwest2023.CLUSTER));
        String articleId = ConferenceReport.articleId(roundId);
        awaitDraft(articleId);
        Http editor = new Http(port).as(TestTokens.editor());
        await().atMost(PATIENCE).until(() -> editor.get("/api/news/drafts/" + articleId).status() == 200);

        JsonNode draft = editor.get("/api/news/drafts/" + articleId).json();
        assertThat(draft.path("checklist").findValuesAsText("item")).containsExactly("GUESTS", "ASSESSMENT", "PHOTOS");
        assertThat(draft.path("checklist").findValuesAsText("label")).containsExactly("Khách mời", "Đánh giá kết quả năm", "Ảnh");
        assertThat(draft.path("checklist").findValues("done")).allMatch(done -> !done.asBoolean());
        assertThat(draft.path("bodyFormat").asText()).isEqualTo("TEXT");

        Map<String, Object> edit = contentOf(draft);
        edit.put("checklistDone", List.of("PHOTOS", "GUESTS"));
        assertThat(editor.put("/api/news/articles/" + articleId, EditorialDesk.json(edit)).status()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> done(editor, articleId).equals(List.of(true, false, true)));

        Map<String, Object> untouched = contentOf(draft);
        untouched.put("body", draft.path("body").asText() + "\n\nKhách mời: lãnh đạo Bộ Xây dựng.");
        Http.Response edited = editor.put("/api/news/articles/" + articleId, EditorialDesk.json(untouched));
        assertThat(edited.json().path("outcome").asText()).isEqualTo("RECORDED");
        await().atMost(PATIENCE).until(() -> editor.get("/api/news/drafts/" + articleId).json().path("body").asText()
                .endsWith("Bộ Xây dựng."));
        assertThat(done(editor, articleId)).as("ticks stay when checklistDone is left out").containsExactly(true, false, true);

        Http.Response notOnIt = editor.put("/api/news/articles/" + articleId,
                EditorialDesk.json(withChecklist(contentOf(draft), List.of("NOT_AN_ITEM"))));
        assertThat(notOnIt.status()).isEqualTo(400);

        assertThat(editor.post("/api/news/articles/" + articleId + "/submission", "").status()).isEqualTo(200);
        Http.Response published = editor.post("/api/news/articles/" + articleId + "/publication", "");
        assertThat(published.status()).as("the assessment is not ticked, and publishing does not wait: " + published.body())
                .isEqualTo(200);
    }

    @Test
    void anEditorsArticleHasNoChecklistAndTickingOneIsRefused() {
        Http editor = new Http(port).as(TestTokens.editor());
        String articleId = new EditorialDesk(editor).create(EditorialDesk.content("Bài không có việc cần làm " + EditorialDesk.unique()));
        await().atMost(PATIENCE).until(() -> editor.get("/api/news/drafts/" + articleId).status() == 200);
        JsonNode draft = editor.get("/api/news/drafts/" + articleId).json();
        assertThat(draft.path("checklist").isArray()).isTrue();
        assertThat(draft.path("checklist")).isEmpty();
        long events = events(articleId).size();

        Http.Response refused = editor.put("/api/news/articles/" + articleId,
                EditorialDesk.json(withChecklist(contentOf(draft), List.of("GUESTS"))));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("not-on-checklist");
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("checklistDone");
        assertThat(events(articleId)).hasSize((int) events);
    }

    private static List<Boolean> done(Http editor, String articleId) {
        List<Boolean> done = new ArrayList<>();
        editor.get("/api/news/drafts/" + articleId).json().path("checklist").forEach(item -> done.add(item.path("done").asBoolean()));
        return done;
    }

    private static Map<String, Object> withChecklist(Map<String, Object> content, List<String> done) {
        content.put("checklistDone", done);
        return content;
    }

    /** The draft's content as an edit's body, changing nothing. */
    private static Map<String, Object> contentOf(JsonNode draft) {
        Map<String, Object> content = new LinkedHashMap<>();
        for (String field : List.of("title", "summary", "body", "bodyFormat", "byline", "category")) {
            content.put(field, draft.path(field).isNull() ? null : draft.path(field).asText());
        }
        for (String field : List.of("tags", "clusterIds", "urbanAreaIds")) {
            content.put(field, texts(draft.path(field)));
        }
        content.put("images", List.of());
        return content;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }
}
