package org.giaoban.news;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Map;
import java.util.stream.Stream;

import org.giaoban.news.article.EditorialDesk;
import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.badinput.BadInputSuite;
import org.giaoban.testsupport.security.TestTokens;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The generic bad-input suite over every route of the news service's OpenAPI document, and text kept verbatim. */
class BadInputSuiteTest extends NewsServiceTestBase {

    @TestFactory
    Stream<DynamicNode> everyRouteRefusesBadInputWithAProblemAndStoresNothing() {
        EditorialDesk desk = new EditorialDesk(editor);
        String draft = desk.create(EditorialDesk.content("Bài nháp " + EditorialDesk.unique()));
        String published = desk.published(EditorialDesk.content("Bài đăng " + EditorialDesk.unique()));
        awaitProjectionsCaughtUp();
        String slug = http.get("/api/news/drafts/" + published).json().path("slug").asText(null);
        return BadInputSuite.of(port, "/api/news/v3/api-docs",
                operation -> operation.path().startsWith("/api/news/admin") ? TestTokens.operator() : TestTokens.editor(),
                (operation, variable) -> switch (variable) {
                    case "articleId" -> draft;
                    case "slug" -> slug == null ? published : slug;
                    default -> null;
                }, () -> storedEvents() + storedImages()).tests();
    }

    /** The upload is in the document as a multipart form with a binary file, so the suite sends it bad uploads. */
    @Test
    void theUploadIsDescribedAsAMultipartFormWithAFile() {
        BadInputSuite.Operation upload = BadInputSuite.of(port, "/api/news/v3/api-docs", operation -> null,
                        (operation, variable) -> null, this::storedEvents).operations().stream()
                .filter(operation -> operation.method().equals("POST") && operation.path().equals("/api/news/images"))
                .findFirst().orElseThrow();
        assertThat(upload.multipart()).isTrue();
        assertThat(upload.bodyRequired()).isTrue();
        assertThat(upload.bodySchema().path("properties").path("file").path("format").asText()).isEqualTo("binary");
        assertThat(upload.bodySchema().path("properties").path("caption").path("type").asText()).isEqualTo("string");
        assertThat(upload.bodySchema().path("required").toString()).contains("file");
    }

    /** Pictures are rows, not events: a refused upload stores none either. */
    private long storedImages() {
        return jdbc.sql("SELECT count(*) FROM news_image").query(Long.class).single();
    }

    @Test
    void sqlAndHtmlMetacharactersInATitleAreStoredVerbatimAndEscapedInPages() {
        String title = BadInputSuite.METACHARACTERS + " " + EditorialDesk.unique();
        Map<String, Object> content = EditorialDesk.content(Normalizer.normalize(title, Normalizer.Form.NFD));
        content.put("summary", "<b>&amp;\"'</b> <script>alert(2)</script>");
        String articleId = new EditorialDesk(editor).published(content);
        awaitProjectionsCaughtUp();

        Http.Response articles = http.get("/api/news/articles?size=100");
        assertThat(articles.json().path("items").findValuesAsText("title")).as(articles.body()).contains(title);
        String slug = null;
        for (var item : articles.json().path("items")) {
            if (title.equals(item.path("title").asText())) {
                slug = item.path("slug").asText();
            }
        }
        assertThat(slug).as(articleId).isNotBlank().doesNotContain("<", ">", "'", "\"", " ");

        Http.Response article = http.get("/api/news/articles/" + slug);
        assertThat(article.json().path("title").asText()).isEqualTo(title);
        assertThat(article.json().path("summary").asText()).isEqualTo("<b>&amp;\"'</b> <script>alert(2)</script>");

        Http.Response page = http.get("/news/" + slug);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).doesNotContain("<script>alert(1)</script>", "<script>alert(2)</script>", "<b>&amp;")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
}
