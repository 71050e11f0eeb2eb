package org.giaoban.news.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.giaoban.news.NewsServiceTestBase;
import org.giaoban.news.article.EditorialDesk;
import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.Test;

/** An editor previews a draft: the page a reader will see once it is published, body and pictures alike. */
class DraftPreviewTest extends NewsServiceTestBase {

    private static final Pattern ARTICLE_BODY = Pattern.compile("<div class=\"body\">.*?</div>", Pattern.DOTALL);

    @Test
    void thePreviewShowsTheBodyBylineAndPicturesAsThePublishedPageWill() {
        EditorialDesk desk = new EditorialDesk(editor);
        Map<String, Object> content = EditorialDesk.content("Bài xem trước " + EditorialDesk.unique());
        content.put("bodyFormat", "HTML");
        content.put("byline", "Ban biên tập");
        content.put("body", "<p>Mở đầu <b>đậm</b>.</p><script>alert(1)</script><h3>Mục</h3><p>Kết.</p>");
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("url", "https://giaoban.org/anh/xem-truoc.jpg");
        image.put("caption", "Ảnh xem trước");
        image.put("afterParagraph", 1);
        content.put("images", List.of(image));
        String articleId = desk.create(content);
        awaitProjectionsCaughtUp();

        Http.Response preview = editor.get("/api/news/drafts/" + articleId + "/preview");

        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.contentType()).startsWith("text/html");
        assertThat(preview.raw().headers().firstValue("Content-Security-Policy")).contains(NewsPageHeaders.CONTENT_SECURITY_POLICY);
        assertThat(preview.body()).contains("<p class=\"byline\" id=\"byline\">Ban biên tập</p>")
                .containsPattern("<p>Mở đầu <b>đậm</b>\\.</p><figure><img src=\"https://giaoban.org/anh/xem-truoc.jpg\"[^>]*>"
                        + "<figcaption>Ảnh xem trước</figcaption></figure><h3>Mục</h3><p>Kết\\.</p>")
                .doesNotContain("alert");
        assertThat(http.get("/api/news/drafts/" + articleId + "/preview").status()).isEqualTo(401);
        assertThat(editor.get("/api/news/drafts/khong-co-bai-nay/preview").code()).isEqualTo("unknown-draft");

        desk.submit(articleId);
        desk.publish(articleId);
        awaitProjectionsCaughtUp();
        String slug = jdbc.sql("SELECT slug FROM article_slug WHERE article_id = ?").param(articleId).query(String.class).single();
        assertThat(body(http.get("/news/" + slug).body())).isEqualTo(body(preview.body()));
    }

    private static String body(String page) {
        Matcher matcher = ARTICLE_BODY.matcher(page);
        assertThat(matcher.find()).as(page).isTrue();
        return matcher.group();
    }
}
