package org.giaoban.news.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.giaoban.news.article.EditorialDesk.content;
import static org.giaoban.news.article.EditorialDesk.json;
import static org.giaoban.news.article.EditorialDesk.unique;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.giaoban.news.NewsServiceTestBase;
import org.giaoban.news.article.ArticleMessages.ArticleState;
import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A move the workflow does not allow, an unknown article or invalid input: a problem+json with a stable code, and
 * nothing stored.
 */
class EditorialRefusalsTest extends NewsServiceTestBase {

    private EditorialDesk desk;

    @BeforeEach
    void desk() {
        desk = new EditorialDesk(editor);
    }

    @Test
    void publishingTwiceIsAConflictAndStoresNothing() {
        String articleId = desk.published(content("Lai Châu đăng cai giao ban năm 2024 " + unique()));
        long before = eventsIn(Article.streamId(articleId));

        Http.Response again = editor.post("/api/news/articles/" + articleId + "/publication", "");

        assertRefused(again, 409, "already-published");
        assertThat(eventsIn(Article.streamId(articleId))).isEqualTo(before).isEqualTo(3);
    }

    @Test
    void aPublishedArticleIsNotEditedButCorrected() {
        String articleId = desk.published(content("Hội nghị giao ban Tây Bắc " + unique()));
        long before = eventsIn(Article.streamId(articleId));

        Http.Response edit = editor.put("/api/news/articles/" + articleId, json(content("Tiêu đề khác " + unique())));

        assertRefused(edit, 409, "published-use-correction");
        assertThat(eventsIn(Article.streamId(articleId))).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} of a {1} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "submission|IN_REVIEW|``|not-a-draft",
            "return|DRAFT|`{\"note\":\"x\"}`|not-in-review",
            "publication|DRAFT|``|not-in-review",
            "unpublication|IN_REVIEW|`{\"reason\":\"x\"}`|not-published",
            "submission|UNPUBLISHED|``|not-a-draft",
            "unpublication|UNPUBLISHED|`{\"reason\":\"x\"}`|not-published",
    })
    void movesTheWorkflowDoesNotAllowAreConflicts(String move, ArticleState state, String body, String code) {
        String articleId = inState(state);
        long before = eventsIn(Article.streamId(articleId));

        Http.Response refused = editor.post("/api/news/articles/" + articleId + "/" + move, body);

        assertRefused(refused, 409, code);
        assertThat(eventsIn(Article.streamId(articleId))).isEqualTo(before);
    }

    @Test
    void aDraftIsNotCorrected() {
        String articleId = desk.create(content("Bản nháp " + unique()));
        Map<String, Object> correction = content("Bản nháp đã sửa " + unique());
        correction.put("note", "Sửa tiêu đề.");

        assertRefused(editor.post("/api/news/articles/" + articleId + "/corrections", json(correction)), 409, "not-published");
        assertThat(eventsIn(Article.streamId(articleId))).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} {1} -> unknown-article")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "POST|submission|``",
            "POST|return|``",
            "POST|publication|``",
            "POST|unpublication|`{\"reason\":\"x\"}`",
            "POST|corrections|CORRECTION",
            "PUT|``|CONTENT",
    })
    void anUnknownArticleIs404AndStoresNothing(String method, String move, String body) {
        String articleId = UUID.randomUUID().toString();
        String path = "/api/news/articles/" + articleId + (move.isEmpty() ? "" : "/" + move);
        String sent = "CONTENT".equals(body) ? json(content("Không có " + unique()))
                : "CORRECTION".equals(body) ? json(correction()) : body == null ? "" : body;

        Http.Response response = "PUT".equals(method) ? editor.put(path, sent) : editor.post(path, sent);

        assertRefused(response, 404, "unknown-article");
        assertThat(eventsIn(Article.streamId(articleId))).isZero();
        assertThat(storedBy(response)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "blank title|title|`   `",
            "no body|body|",
            "blank category|category|``",
            "title too long|title|LONG_TITLE",
            "a cluster id that is no slug|clusterIds|`[\"Tây Bắc\"]`",
            "an urban area id that is no slug|urbanAreaIds|`[\"sa-pa\", \"../etc\"]`",
            "a blank tag|tags|`[\"Tây Bắc\", \" \"]`",
            "too many tags|tags|MANY_TAGS",
            "an image without a url|images|`[{\"caption\":\"Trao cờ\"}]`",
            "a null image|images|`[null]`",
    })
    void invalidContentIsRefusedWithTheFieldAndStoresNothing(String what, String field, String value) {
        Map<String, Object> content = content("Bài không hợp lệ " + unique());
        content.put(field, switch (value == null ? "" : value) {
            case "" -> value;
            case "LONG_TITLE" -> "Tây Bắc ".repeat(40);
            case "MANY_TAGS" -> IntStream.range(0, 21).mapToObj(n -> "thẻ " + n).toList();
            default -> value.startsWith("[") ? parse(value) : value;
        });

        Http.Response response = editor.post("/api/news/articles", json(content));

        assertRefused(response, 400, "invalid-input");
        assertThat(response.json().path("errors").findValuesAsText("field")).anyMatch(f -> f.startsWith(field));
        assertThat(storedBy(response)).isZero();
    }

    @Test
    void whatTheRequestCannotSeeTheArticleRefusesWithItsCode() {
        Map<String, Object> content = content("Bài có ảnh lạ " + unique());
        content.put("images", List.of(Map.of("url", "javascript:alert(1)")));

        Http.Response response = editor.post("/api/news/articles", json(content));

        assertRefused(response, 400, "invalid-image");
        assertThat(storedBy(response)).isZero();
    }

    @Test
    void unpublicationNeedsAReasonCorrectionANoteAndMovesAKnownId() {
        String articleId = desk.published(content("Tin đã đăng " + unique()));
        long before = eventsIn(Article.streamId(articleId));

        assertRefused(editor.post("/api/news/articles/" + articleId + "/unpublication", "{}"), 400, "invalid-input");
        assertRefused(editor.post("/api/news/articles/" + articleId + "/unpublication", "{\"reason\":\" \"}"), 400, "invalid-input");
        assertRefused(editor.post("/api/news/articles/" + articleId + "/corrections", json(content("Sửa " + unique()))), 400,
                "invalid-input");
        assertRefused(editor.post("/api/news/articles/" + articleId + "/unpublication", "{\"reason\":"), 400, "malformed-json");
        assertRefused(editor.post("/api/news/articles/NOT_AN_ID/publication", ""), 400, "invalid-input");
        assertThat(eventsIn(Article.streamId(articleId))).isEqualTo(before);
    }

    @Test
    void unknownDraftsAndBadListParametersAreRefused() {
        assertRefused(editor.get("/api/news/drafts/" + UUID.randomUUID()), 404, "unknown-draft");
        assertRefused(editor.get("/api/news/drafts?state=PUBLISHED"), 400, "invalid-parameter");
        assertRefused(editor.get("/api/news/drafts?state=LOST"), 400, "invalid-parameter");
        assertRefused(editor.get("/api/news/drafts?size=100000"), 400, "invalid-input");
    }

    // ---- helpers -----------------------------------------------------------------------------------------------------

    private String inState(ArticleState state) {
        String articleId = desk.create(content("Bài ở trạng thái " + state + " " + unique()));
        if (state == ArticleState.DRAFT) {
            return articleId;
        }
        desk.submit(articleId);
        if (state == ArticleState.IN_REVIEW) {
            return articleId;
        }
        desk.publish(articleId);
        if (state == ArticleState.UNPUBLISHED) {
            desk.unpublish(articleId, "Tạm gỡ");
        }
        return articleId;
    }

    private static Map<String, Object> correction() {
        Map<String, Object> correction = content("Đính chính " + unique());
        correction.put("note", "Đính chính.");
        return correction;
    }

    private static Object parse(String json) {
        try {
            return new ObjectMapper().readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    /** Events stored with the correlation id of this request (every response carries it). */
    private long storedBy(Http.Response response) {
        String correlationId = response.raw().headers().firstValue("X-Correlation-Id").orElseThrow();
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE position(? IN convert_from(meta_data, 'UTF8')) > 0")
                .param(correlationId).query(Long.class).single();
    }

    private static void assertRefused(Http.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).as(response.body()).isEqualTo(code);
        assertThat(response.json().path("title").asText()).isNotBlank();
        assertThat(response.json().path("detail").asText()).isNotBlank();
    }
}
