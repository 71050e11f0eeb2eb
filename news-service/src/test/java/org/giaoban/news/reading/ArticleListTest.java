package org.giaoban.news.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.giaoban.news.article.ArticleContent.Image;
import org.giaoban.news.article.ArticleMessages.CreateDraft;
import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET /api/news/articles: published articles only, newest first, filtered and paged. */
class ArticleListTest extends ReadingTestBase {

    @Test
    void listsPublishedArticlesNewestFirstAndNeverDrafts() {
        String cluster = unique();
        Published first = publish(content("Bài thứ nhất " + cluster, null, "Nội dung.", "Thời sự", List.of(),
                List.of(cluster), List.of(), List.of()));
        Published second = publish(content("Bài thứ hai " + cluster, "Tóm tắt bài hai", "Nội dung.", "Thời sự", List.of(),
                List.of(cluster), List.of(), List.of(new Image("https://example.org/anh.jpg", "Quang cảnh hội nghị."))));
        Published third = publish(content("Bài thứ ba " + cluster, null, "Nội dung.", "Thời sự", List.of(),
                List.of(cluster), List.of(), List.of()));
        // A draft and an article in review are not public.
        commands.sendAndWait(new CreateDraft(UUID.randomUUID().toString(),
                content("Bản nháp " + cluster, "Tóm tắt.", "Chưa đăng.", "Thời sự", List.of(), List.of(cluster), List.of(), List.of()),
                null));
        awaitReadingCaughtUp();

        JsonNode page = http.get("/api/news/articles?clusterId=" + cluster).json();

        assertThat(page.path("items").findValuesAsText("slug")).containsExactly(third.slug(), second.slug(), first.slug());
        assertThat(page.path("total").asLong()).isEqualTo(3);
        JsonNode item = page.path("items").get(1);
        assertThat(item.path("title").asText()).isEqualTo("Bài thứ hai " + cluster);
        assertThat(item.path("summary").asText()).isEqualTo("Tóm tắt bài hai");
        assertThat(item.path("image").path("caption").asText()).isEqualTo("Quang cảnh hội nghị.");
        assertThat(item.path("url").asText()).isEqualTo("/news/" + second.slug());
        assertThat(item.path("revision").asInt()).isEqualTo(1);
        assertThat(item.path("publishedAt").asText()).isNotBlank();
    }

    @Test
    void pagesThroughTheList() {
        String cluster = unique();
        for (int i = 1; i <= 3; i++) {
            publish(content("Trang " + i + " " + cluster, null, "Nội dung.", "Thời sự", List.of(), List.of(cluster), List.of(), List.of()));
        }

        JsonNode first = http.get("/api/news/articles?clusterId=" + cluster + "&size=2").json();
        JsonNode second = http.get("/api/news/articles?clusterId=" + cluster + "&size=2&page=1").json();

        assertThat(first.path("items").findValuesAsText("title")).containsExactly("Trang 3 " + cluster, "Trang 2 " + cluster);
        assertThat(second.path("items").findValuesAsText("title")).containsExactly("Trang 1 " + cluster);
        assertThat(second.path("total").asLong()).isEqualTo(3);
        assertThat(second.path("page").asInt()).isEqualTo(1);
        assertThat(second.path("size").asInt()).isEqualTo(2);
    }

    @Test
    void filtersByCategoryTagClusterAndUrbanArea() {
        String u = unique();
        String category = "Chuyên mục Hoà Bình " + u;
        Published a = publish(content("Bài A " + u, null, "Nội dung.", category, List.of("Tây Bắc " + u, "Thi đua"),
                List.of("cum-" + u), List.of("phuong-" + u), List.of()));
        Published b = publish(content("Bài B " + u, null, "Nội dung.", "Chuyên mục khác " + u, List.of("Tây Bắc " + u),
                List.of("cum-" + u), List.of(), List.of()));
        Published c = publish(content("Bài C " + u, null, "Nội dung.", category, List.of(),
                List.of("cum-khac-" + u), List.of("phuong-" + u), List.of()));

        assertThat(slugs("category=" + enc(category))).containsExactly(c.slug(), a.slug());
        // Category and tag compare as names: case, spacing and the place of the tone mark aside.
        assertThat(slugs("category=" + enc("chuyên  mục HÒA Bình " + u))).containsExactly(c.slug(), a.slug());
        assertThat(slugs("tag=" + enc("Tây Bắc " + u))).containsExactly(b.slug(), a.slug());
        assertThat(slugs("clusterId=cum-" + u)).containsExactly(b.slug(), a.slug());
        assertThat(slugs("urbanAreaId=phuong-" + u)).containsExactly(c.slug(), a.slug());
        assertThat(slugs("urbanAreaId=phuong-" + u + "&category=" + enc(category) + "&tag=" + enc("Tây Bắc " + u)))
                .containsExactly(a.slug());
        assertThat(slugs("clusterId=cum-" + u + "&q=" + u)).containsExactly(b.slug(), a.slug());
        assertThat(slugs("clusterId=nowhere-" + u)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"size=0", "size=101", "size=-1", "page=-1", "size=abc", "page=100000"})
    void refusesPagingOutOfRange(String paging) {
        Http.Response response = http.get("/api/news/articles?" + paging);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isIn("invalid-input", "invalid-parameter");
    }

    @Test
    void acceptsTheLargestPage() {
        assertThat(http.get("/api/news/articles?size=100").status()).isEqualTo(200);
        assertThat(http.get("/api/news/articles?size=1").status()).isEqualTo(200);
    }

    private List<String> slugs(String query) {
        Http.Response response = http.get("/api/news/articles?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("items").findValuesAsText("slug");
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
