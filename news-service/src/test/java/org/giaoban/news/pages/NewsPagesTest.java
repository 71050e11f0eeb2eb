package org.giaoban.news.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.giaoban.news.article.ArticleContent.Image;
import org.giaoban.news.reading.ReadingTestBase;
import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.Test;

/** The public HTML pages over HTTP: Vietnamese, for phones, every text escaped, 404 for what is not published. */
class NewsPagesTest extends ReadingTestBase {

    @Test
    void theArticlePageShowsEverythingAReaderNeeds() {
        String u = unique();
        Published related = publish(content("Lai Châu đăng cai năm 2024 " + u, null, "Nội dung.", "Sự kiện " + u,
                List.of("Tây Bắc " + u), List.of(), List.of(), List.of()));
        Published sameCategory = publish(content("Tin cùng chuyên mục " + u, null, "Nội dung.", "Thời sự " + u,
                List.of(), List.of(), List.of(), List.of()));
        Published article = publish(content("Giao ban cụm các đô thị vùng Tây Bắc năm 2023 " + u,
                "Sáng 24/9, tại thị xã Sa Pa, Hiệp hội các đô thị Việt Nam tổ chức hội nghị.",
                "Dự hội nghị có lãnh đạo của 11 đô thị thành viên.", "Thời sự " + u, List.of("Tây Bắc " + u),
                List.of(), List.of(), List.of(new Image("https://example.org/quang-canh-2.jpg", "Quang cảnh hội nghị."),
                        new Image("https://example.org/thao-luan.jpg", "Các đại biểu thảo luận về phương hướng năm 2024."))));

        Http.Response response = http.get("/news/" + article.slug());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
        String html = response.body();
        String pageUrl = "http://localhost:" + port + "/news/" + article.slug();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"vi\">")
                .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .contains("<title>Giao ban cụm các đô thị vùng Tây Bắc năm 2023 " + u + " — Tin tức Giao Ban</title>")
                .contains("<h1 id=\"title\">Giao ban cụm các đô thị vùng Tây Bắc năm 2023 " + u + "</h1>")
                .contains("<p class=\"summary\">Sáng 24/9, tại thị xã Sa Pa, Hiệp hội các đô thị Việt Nam tổ chức hội nghị.</p>")
                .contains("<p>Dự hội nghị có lãnh đạo của 11 đô thị thành viên.</p>")
                .contains("<img src=\"https://example.org/quang-canh-2.jpg\" alt=\"Quang cảnh hội nghị.\" loading=\"lazy\">"
                        + "<figcaption>Quang cảnh hội nghị.</figcaption>")
                .contains("<figcaption>Các đại biểu thảo luận về phương hướng năm 2024.</figcaption>")
                .contains("<h2>Có thể bạn quan tâm</h2>").contains("<h2>Tin cùng chuyên mục</h2>")
                .contains("href=\"/news/" + related.slug() + "\"").contains("href=\"/news/" + sameCategory.slug() + "\"")
                .contains("href=\"https://www.facebook.com/sharer/sharer.php?u=" + URLEncoder.encode(pageUrl, StandardCharsets.UTF_8) + "\"")
                .contains("href=\"mailto:?subject=")
                .contains("&amp;body=" + URLEncoder.encode(pageUrl, StandardCharsets.UTF_8) + "\"")
                .contains("data-url=\"" + pageUrl + "\"");
        // The two lists, in the order of the seed page.
        assertThat(html.indexOf("Có thể bạn quan tâm")).isLessThan(html.indexOf("Tin cùng chuyên mục"));
        assertThat(html.substring(html.indexOf("id=\"you-may-be-interested\""), html.indexOf("id=\"same-category\"")))
                .contains(related.slug()).doesNotContain(sameCategory.slug()).doesNotContain("/news/" + article.slug() + "\"");
    }

    @Test
    void everyTextIsEscaped() {
        String u = unique();
        String title = "<script>alert(1)</script> Tin \"thử\" & 'kiểm tra' " + u;
        Published article = publish(content(title, "<b>tóm tắt</b>", "<img src=x onerror=alert(2)>", "Thời sự " + u,
                List.of("<i>tag</i>"), List.of(), List.of(), List.of(new Image("https://example.org/a.jpg?x=1&y=2", "<script>c</script>"))));

        String html = http.get("/news/" + article.slug()).body();

        assertThat(html).doesNotContain("<script>").doesNotContain("<b>tóm").doesNotContain("<img src=x").doesNotContain("<i>tag")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; Tin &quot;thử&quot; &amp; &#39;kiểm tra&#39; " + u)
                .contains("&lt;b&gt;tóm tắt&lt;/b&gt;").contains("&lt;img src=x onerror=alert(2)&gt;")
                .contains("src=\"https://example.org/a.jpg?x=1&amp;y=2\"")
                .contains("<figcaption>&lt;script&gt;c&lt;/script&gt;</figcaption>");

        String list = http.get("/news?q=" + URLEncoder.encode("\"><script>alert(3)</script> " + u, StandardCharsets.UTF_8)).body();
        assertThat(list).doesNotContain("<script>").contains("value=\"&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt; " + u + "\"");
        String found = http.get("/news?q=" + u).body();
        assertThat(found).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void theListSearchesAndPages() {
        String u = unique();
        for (int i = 1; i <= 3; i++) {
            publish(content("Hội nghị Hoà Bình số " + i + " " + u, "Tóm tắt " + i, "Nội dung.", "Thời sự"));
        }

        Http.Response first = http.get("/news?q=" + URLEncoder.encode("hội nghị hòa bình " + u, StandardCharsets.UTF_8) + "&size=2");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.contentType()).startsWith("text/html");
        assertThat(first.body()).contains("<html lang=\"vi\">").contains("name=\"viewport\"")
                .contains("<form class=\"search\" role=\"search\" action=\"/news\" method=\"get\">")
                .contains("3 bài viết").contains("Trang 1 / 2")
                .contains("Hội nghị Hoà Bình số 3 " + u).contains("Hội nghị Hoà Bình số 2 " + u)
                .doesNotContain("Hội nghị Hoà Bình số 1 " + u)
                .contains("rel=\"next\" href=\"/news?page=1&amp;size=2&amp;q=");
        Http.Response second = http.get("/news?page=1&size=2&q=" + URLEncoder.encode("hoi nghi hoa binh " + u, StandardCharsets.UTF_8));
        assertThat(second.body()).contains("Hội nghị Hoà Bình số 1 " + u).contains("Trang 2 / 2").contains("rel=\"prev\"");
        assertThat(http.get("/news?q=" + unique()).body()).contains("Không tìm thấy bài viết nào.");
        // Paging parameters out of range give a page, not an error.
        assertThat(http.get("/news?page=-3&size=abc").status()).isEqualTo(200);
    }

    @Test
    void anUnknownOrUnpublishedArticleIsA404Page() {
        String u = unique();
        Published article = publish(content("Bài sẽ gỡ " + u, "Nội dung.", "Thời sự"));
        unpublish(article, "Gỡ.");

        for (String path : List.of("/news/khong-co-" + u, "/news/" + article.slug())) {
            Http.Response response = http.get(path);
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("text/html");
            assertThat(response.body()).contains("<html lang=\"vi\">").contains("Không tìm thấy bài viết").doesNotContain(u);
        }
    }
}
