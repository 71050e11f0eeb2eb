package org.giaoban.news.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.giaoban.news.NewsServiceTestBase;
import org.giaoban.news.article.EditorialDesk;
import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.Multipart;
import org.junit.jupiter.api.Test;

/**
 * {@code Accept-Language: vi} answers a problem's {@code detail} in Vietnamese by its code — the article's refusals,
 * the uploads', the platform's — and the code never changes; without the header the detail stays English.
 */
class VietnameseProblemsTest extends NewsServiceTestBase {

    @Test
    void theArticlesRefusalsAreInVietnamese() {
        Map<String, Object> blank = EditorialDesk.content("Bài trống " + EditorialDesk.unique());
        blank.put("bodyFormat", "HTML");
        blank.put("body", "<script>alert(1)</script>");
        String body = EditorialDesk.json(blank);

        Http.Response vietnamese = editor.send(post("/api/news/articles", body).header("Accept-Language", "vi"));
        Http.Response english = editor.post("/api/news/articles", body);
        Http.Response unknown = http.send(HttpRequest.newBuilder(http.uri("/api/news/articles/khong-co-bai-nay"))
                .header("Accept-Language", "vi,en;q=0.8").GET());

        assertThat(vietnamese.status()).isEqualTo(400);
        assertThat(vietnamese.code()).isEqualTo("blank-body");
        assertThat(vietnamese.json().path("detail").asText()).isEqualTo("Nội dung bài viết không được để trống.");
        assertThat(english.code()).isEqualTo("blank-body");
        assertThat(english.json().path("detail").asText()).startsWith("body must not be blank");
        assertThat(unknown.code()).isEqualTo("unknown-article");
        assertThat(unknown.json().path("detail").asText()).isEqualTo("Không tìm thấy bài viết này.");
    }

    @Test
    void theUploadsAndThePlatformsRefusalsAreInVietnamese() {
        Multipart notAPicture = new Multipart().file("file", "bai.txt", "image/png", "không phải ảnh".getBytes(StandardCharsets.UTF_8));
        Http.Response upload = editor.send(notAPicture.post(editor.uri("/api/news/images")).header("Accept-Language", "vi"));
        Http.Response unknownImage = http.send(HttpRequest.newBuilder(http.uri("/news/images/00000000-0000-4000-8000-000000000000"))
                .header("Accept-Language", "vi").GET());
        Http.Response malformed = editor.send(post("/api/news/articles", "{\"title\": ").header("Accept-Language", "vi"));
        Http.Response noToken = http.send(post("/api/news/articles", "{}").header("Accept-Language", "vi"));

        assertThat(upload.code()).isEqualTo("not-an-image");
        assertThat(upload.json().path("detail").asText()).isEqualTo("Tệp tải lên không phải là ảnh.");
        assertThat(unknownImage.code()).isEqualTo("unknown-image");
        assertThat(unknownImage.json().path("detail").asText()).isEqualTo("Không tìm thấy ảnh này.");
        assertThat(malformed.code()).isEqualTo("malformed-json");
        assertThat(malformed.json().path("detail").asText()).isEqualTo("Nội dung yêu cầu không phải là JSON hợp lệ.");
        assertThat(noToken.code()).isEqualTo("unauthenticated");
        assertThat(noToken.json().path("detail").asText()).startsWith("Cần có mã truy cập hợp lệ");
    }

    private HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(http.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
}
