package org.giaoban.news.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.giaoban.contracts.membership.ClusterFormed;
import org.giaoban.contracts.membership.UrbanAreaRegistered;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.giaoban.contracts.Topics;
import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.TopicReader;
import org.giaoban.testsupport.contracts.PublishedSchemas;
import org.giaoban.testsupport.security.TestTokens;
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
        feed.membership(new ClusterFormed("tay-bac", "Cụm các đô thị vùng Tây Bắc", null, "Tây Bắc", List.of()));
        feed.membership(new UrbanAreaRegistered("lai-chau", "Thành phố Lai Châu", "CITY", "Lai Châu", "III"));
        givenTheNorthwest2023Conclusion();
        String articleId = ConferenceReport.articleId(Northwest2023.ROUND);
        // Readers need no token; the editor moves the draft with hers.
        Http http = new Http(port);
        Http editor = http.as(TestTokens.editor());

        Http.Response submitted = editor.post("/api/news/articles/" + articleId + "/submission", "");
        assertThat(submitted.status() == 200 || "not-a-draft".equals(submitted.code())).as(submitted.body()).isTrue();
        Http.Response published = editor.post("/api/news/articles/" + articleId + "/publication", "");
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

        // Links to the cluster and the members it reports on carry the names membership gives them.
        await().atMost(PATIENCE).until(() -> http.get("/api/news/articles/" + slug).json().path("clusters").get(0).path("name")
                .asText().equals("Cụm các đô thị vùng Tây Bắc"));
        assertThat(http.get("/api/news/articles/" + slug).json().path("urbanAreas").findValuesAsText("name")).contains("Thành phố Lai Châu");
        assertThat(http.get("/news/" + slug).body()).contains("/news?clusterId=tay-bac");

        // Analysts read the publication on news.events.v1, valid against its published schema.
        try (TopicReader topic = new TopicReader(Topics.NEWS)) {
            await().atMost(PATIENCE).until(() -> topic.poll().stream().anyMatch(r -> articleId.equals(r.key())));
            ConsumerRecord<String, byte[]> publication = topic.poll().stream().filter(r -> articleId.equals(r.key())).findFirst().orElseThrow();
            assertThat(TopicReader.header(publication, "ce_type")).isEqualTo("org.giaoban.news.ArticlePublished.v1");
            PublishedSchemas.assertValid("org.giaoban.news.ArticlePublished.v1", TopicReader.value(publication));
            assertThat(TopicReader.value(publication)).contains("\"source\":\"ROUND_OUTCOME\"", "\"roundId\":\"tay-bac-2023\"");
            if (published.status() == 200) {
                // Published here, not earlier by the demo's editor (NewsDemoTest): the actor is this editor's JWT subject.
                assertThat(TopicReader.header(publication, "ce_actor")).as("the JWT subject of the editor who published").isEqualTo("editor");
            }
        }
    }
}
