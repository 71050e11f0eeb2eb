package org.giaoban.news.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.giaoban.news.article.ArticleContent.Image;
import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.Test;

/** A rebuild of published-news (reset and replay from the event store) gives exactly the rows live processing gave. */
class PublishedNewsRebuildTest extends ReadingTestBase {

    private static final List<String> TABLES = List.of("published_article", "published_article_revision");

    @Test
    void rebuildingGivesIdenticalRows() {
        String u = unique();
        Published corrected = publish(content("Bài sẽ đính chính " + u, "Tóm tắt.", "Nội dung.", "Thời sự", List.of("Tây Bắc"),
                List.of("tay-bac"), List.of("sa-pa"), List.of(new Image("https://example.org/a.jpg", "Ảnh."))));
        correct(corrected, content("Bài đã đính chính " + u, "Tóm tắt mới.", "Nội dung mới.", "Thời sự", List.of("Tây Bắc"),
                List.of("tay-bac"), List.of("sa-pa"), List.of()), "Sửa tiêu đề.");
        Published unpublished = publish(content("Bài sẽ gỡ " + u, "Nội dung.", "Thời sự"));
        unpublish(unpublished, "Gỡ để kiểm tra.");
        Published republished = publish(content("Bài đăng lại " + u, "Nội dung.", "Thời sự"));
        unpublish(republished, "Gỡ tạm.");
        republish(republished);

        Map<String, List<String>> live = snapshot();
        assertThat(live.get("published_article")).isNotEmpty();
        assertThat(live.get("published_article_revision")).isNotEmpty();

        Http.Response started = operator.post("/api/news/admin/projections/" + PublishedNewsProjection.NAME + "/rebuild", "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        awaitRebuilt();

        assertThat(snapshot()).isEqualTo(live);
        assertThat(http.get("/api/news/articles/" + corrected.slug()).json().path("revisions")).hasSize(2);
    }

    @Test
    void theAdminEndpointListsTheProjection() {
        JsonNode projections = operator.get("/api/news/admin/projections").json();

        assertThat(projections.findValuesAsText("name")).contains(PublishedNewsProjection.NAME);
    }

    private void awaitRebuilt() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (JsonNode projection : operator.get("/api/news/admin/projections").json()) {
                if (PublishedNewsProjection.NAME.equals(projection.path("name").asText())) {
                    return projection.path("running").asBoolean() && !projection.path("rebuilding").asBoolean()
                            && projection.path("lag").asLong() == 0;
                }
            }
            return false;
        });
    }

    private Map<String, List<String>> snapshot() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : TABLES) {
            tables.put(table, jdbc.sql("SELECT * FROM " + table + " ORDER BY 1, 2").query().listOfRows().stream()
                    .map(Object::toString).toList());
        }
        return tables;
    }
}
