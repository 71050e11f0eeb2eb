package org.giaoban.news.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.giaoban.news.NewsServiceTestBase;
import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.Test;

/**
 * An editor's rich text over HTTP, as far as a reader sees it: the body is recorded sanitised, answered sanitised by
 * the API and shown as HTML (never escaped markup, never a script) on the public page, with the byline under the
 * title and each picture after the paragraph the editor chose; the search reads the body's text, not its markup.
 */
class RichTextArticleTest extends NewsServiceTestBase {

    private static final String DIRTY_BODY = "<h2 style=\"color:red\">Kết quả năm</h2>"
            + "<p onmouseover=\"alert(1)\">Đoạn <strong>một</strong> nói về %s.<script>alert('x')</script></p>"
            + "<p>Đoạn hai <img src=\"x\" onerror=\"alert(2)\"> với <a href=\"javascript:alert(3)\">liên kết xấu</a> "
            + "và <a href=\"https://%s.example.org/bai\">liên kết tốt</a>.</p>"
            + "<style>body{display:none}</style><ul><li>Mục <em>một</em></li><li>Mục hai</li></ul>"
            + "<p>Liên hệ: %s@giaoban.org</p>";

    @Test
    void anHtmlBodyIsStoredAndServedSanitisedWithTheBylineUnderTheTitle() {
        EditorialDesk desk = new EditorialDesk(editor);
        String word = EditorialDesk.unique();
        String hostWord = EditorialDesk.unique();
        Map<String, Object> content = EditorialDesk.content("Bài định dạng " + word);
        content.put("body", DIRTY_BODY.formatted(word, hostWord, word));
        content.put("bodyFormat", "HTML");
        content.put("byline", "Ban biên tập");
        content.put("images", List.of());
        String articleId = desk.create(content);
        awaitProjectionsCaughtUp();

        JsonNode draft = editor.get("/api/news/drafts/" + articleId).json();
        String body = draft.path("body").asText();
        assertThat(draft.path("bodyFormat").asText()).isEqualTo("HTML");
        assertThat(draft.path("byline").asText()).isEqualTo("Ban biên tập");
        assertThat(body).contains("<h2>Kết quả năm</h2>", "<strong>một</strong>", "<ul><li>Mục <em>một</em></li>",
                        "<a href=\"https://" + hostWord + ".example.org/bai\" rel=\"noopener noreferrer\">liên kết tốt</a>")
                .doesNotContain("<script", "alert", "onerror", "onmouseover", "javascript:", "style", "<img");
        assertThat(draft.path("checklist")).isEmpty();

        desk.submit(articleId);
        desk.publish(articleId);
        awaitProjectionsCaughtUp();
        String slug = draft.path("slug").asText();
        JsonNode published = http.get("/api/news/articles/" + slug).json();
        assertThat(published.path("body").asText()).isEqualTo(body);
        assertThat(published.path("bodyFormat").asText()).isEqualTo("HTML");
        assertThat(published.path("byline").asText()).isEqualTo("Ban biên tập");

        String page = http.get("/news/" + slug).body();
        assertThat(page).contains("<h2>Kết quả năm</h2>", "<strong>một</strong>", "<em>một</em>")
                .containsPattern("<h1 id=\"title\">Bài định dạng " + word + "</h1>\\s*<p class=\"byline\" id=\"byline\">Ban biên tập</p>")
                .doesNotContain("alert", "onerror", "javascript:", "&lt;h2&gt;", "&lt;strong&gt;");

        assertThat(titles(http.get("/api/news/articles?q=" + word))).containsExactly("Bài định dạng " + word);
        assertThat(titles(http.get("/api/news/articles?q=" + hostWord))).as("a link's address is markup, not text").isEmpty();
        // The markup writes the address's @ as &#64;, which the index would cut in two: the text keeps it whole.
        assertThat(titles(http.get("/api/news/articles?q=" + word + "%40giaoban.org"))).containsExactly("Bài định dạng " + word);
    }

    @Test
    void picturesStandAfterTheParagraphTheEditorChose() {
        EditorialDesk desk = new EditorialDesk(editor);
        String word = EditorialDesk.unique();
        Map<String, Object> content = EditorialDesk.content("Bài có ảnh xen đoạn " + word);
        content.put("bodyFormat", "HTML");
        content.put("body", "<p>Đoạn thứ nhất.</p><h2>Tiêu đề phụ</h2><p>Đoạn thứ hai.</p><blockquote>Lời phát biểu.</blockquote>");
        content.put("images", List.of(image("/news/images/anh-mo-dau.jpg", "Ảnh mở đầu", 0),
                image("https://giaoban.org/anh/sau-tieu-de.jpg", "Ảnh sau tiêu đề phụ", 2),
                image("https://giaoban.org/anh/cuoi.jpg", "Ảnh cuối", 4)));
        String articleId = desk.published(content);
        awaitProjectionsCaughtUp();

        String page = http.get("/news/" + slug(articleId)).body();
        int opening = page.indexOf("alt=\"Ảnh mở đầu\"");
        int first = page.indexOf("<p>Đoạn thứ nhất.</p>");
        int heading = page.indexOf("<h2>Tiêu đề phụ</h2>");
        int afterHeading = page.indexOf("alt=\"Ảnh sau tiêu đề phụ\"");
        int second = page.indexOf("<p>Đoạn thứ hai.</p>");
        int quote = page.indexOf("<blockquote>Lời phát biểu.</blockquote>");
        int last = page.indexOf("alt=\"Ảnh cuối\"");
        assertThat(List.of(opening, first, heading, afterHeading, second, quote, last)).doesNotContain(-1).isSorted();
    }

    @Test
    void aPlainTextArticleWithABylineStaysPlainText() {
        EditorialDesk desk = new EditorialDesk(editor);
        Map<String, Object> content = EditorialDesk.content("Bài văn bản có tác giả " + EditorialDesk.unique());
        content.put("body", "Đoạn <b>một</b>.\n\nĐoạn hai.");
        content.put("byline", "Phóng viên Sa Pa");
        String articleId = desk.published(content);
        awaitProjectionsCaughtUp();

        String page = http.get("/news/" + slug(articleId)).body();
        assertThat(page).contains("<p>Đoạn &lt;b&gt;một&lt;/b&gt;.</p>", "<p>Đoạn hai.</p>",
                "<p class=\"byline\" id=\"byline\">Phóng viên Sa Pa</p>");
        assertThat(editor.get("/api/news/drafts/" + articleId).status()).isEqualTo(404);
        assertThat(http.get("/api/news/articles/" + slug(articleId)).json().path("bodyFormat").asText()).isEqualTo("TEXT");
    }

    @Test
    void aBodyWithoutTextAPictureBeyondTheBodyOrAnOverlongBylineIsRefusedAndNothingIsStored() {
        long before = storedEvents();
        Map<String, Object> noText = EditorialDesk.content("Bài trống " + EditorialDesk.unique());
        noText.put("bodyFormat", "HTML");
        noText.put("body", "<script>alert(1)</script><p> </p><img src=x onerror=alert(1)>");
        Map<String, Object> farPicture = EditorialDesk.content("Bài ảnh xa " + EditorialDesk.unique());
        farPicture.put("images", List.of(image("https://giaoban.org/anh.jpg", null, 2)));
        Map<String, Object> longByline = EditorialDesk.content("Bài tác giả dài " + EditorialDesk.unique());
        longByline.put("byline", "B".repeat(201));

        Http.Response blank = editor.post(EditorialDesk.BASE, EditorialDesk.json(noText));
        Http.Response far = editor.post(EditorialDesk.BASE, EditorialDesk.json(farPicture));
        Http.Response byline = editor.post(EditorialDesk.BASE, EditorialDesk.json(longByline));

        assertThat(blank.status()).as(blank.body()).isEqualTo(400);
        assertThat(blank.code()).isEqualTo("blank-body");
        assertThat(far.status()).as(far.body()).isEqualTo(400);
        assertThat(far.code()).isEqualTo("invalid-image-placement");
        assertThat(far.json().path("errors").get(0).path("field").asText()).isEqualTo("images[0].afterParagraph");
        assertThat(byline.status()).isEqualTo(400);
        assertThat(byline.json().path("errors").get(0).path("field").asText()).isEqualTo("byline");
        assertThat(storedEvents()).isEqualTo(before);
    }

    private static Map<String, Object> image(String url, String caption, Integer afterParagraph) {
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("url", url);
        image.put("caption", caption);
        image.put("afterParagraph", afterParagraph);
        return image;
    }

    private String slug(String articleId) {
        return jdbc.sql("SELECT slug FROM article_slug WHERE article_id = ?").param(articleId).query(String.class).single();
    }

    private static List<String> titles(Http.Response list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json().path("items").findValuesAsText("title");
    }
}
