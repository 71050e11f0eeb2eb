package org.giaoban.news.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * When tay-bac-2023 concludes, its draft is written; an editor submits and publishes it; readers find it in the list,
 * the feed and the search, with or without diacritics and with either tone-mark placement.
 */
class ConferenceReportPublishedTest extends DraftingTestBase {

    @LocalServerPort
    private int port;

    @Test
    void theDraftOfTheConferenceIsPublishedAndFoundByReaders() {
        givenTheNorthwest2023Conclusion();
        String articleId = ConferenceReport.articleId(Northwest2023.ROUND);
        Http http = new Http(port);

        Http.Response submitted = http.post("/api/news/articles/" + articleId + "/submission", "");
        assertThat(submitted.status() == 200 || "not-a-draft".equals(submitted.code())).as(submitted.body()).isTrue();
        Http.Response published = http.post("/api/news/articles/" + articleId + "/publication", "");
        assertThat(published.status() == 200 || "already-published".equals(published.code())).as(published.body()).isTrue();
        String slug = jdbc.sql("SELECT slug FROM article_slug WHERE article_id = ?").param(articleId).query(String.class).single();

        await().atMost(PATIENCE).until(() -> http.get("/api/news/articles/" + slug).status() == 200);
        assertThat(http.get("/api/news/articles?clusterId=tay-bac&size=100").json().path("items").findValuesAsText("slug")).contains(slug);
        assertThat(http.get("/api/news/feed.atom?clusterId=tay-bac").body()).contains("/news/" + slug);
        for (String q : List.of("giao ban tay bac", "Hoà Bình", "Hòa Bình", "giao ban cụm các đô thị vùng Tây Bắc")) {
            assertThat(http.get("/api/news/articles?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).json().path("items")
                    .findValuesAsText("slug")).as(q).contains(slug);
        }
        assertThat(http.get("/news/" + slug).body()).contains("Bằng khen", "Thành phố Lai Châu");
    }
}
