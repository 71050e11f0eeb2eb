package org.giaoban.news.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.giaoban.news.article.Article;
import org.giaoban.news.drafting.DraftingTestBase;
import org.giaoban.platform.text.VietnameseText;
import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.security.TestCredentials;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code ./giaoban demo}'s news part against the running service, with tokens of the test issuer instead of the
 * gateway's: the editor {@value NewsDemo#EDITOR} publishes the conference report and the related articles, which
 * anyone then reads; a second run changes nothing.
 */
class NewsDemoTest extends DraftingTestBase {

    @LocalServerPort
    private int port;

    @Test
    void theEditorPublishesTheConferenceReportAndTheRelatedArticlesAndASecondRunChangesNothing() throws Exception {
        givenTheNorthwestNames();
        givenTheNorthwest2023Conclusion();
        String baseUrl = "http://localhost:" + port;

        demo(baseUrl).load();

        Http reader = new Http(port);
        String reportSlug = jdbc.sql("SELECT slug FROM article_slug WHERE article_id = ?")
                .param(NewsDemo.CONFERENCE_DRAFT).query(String.class).single();
        assertThat(reader.get("/api/news/articles/" + reportSlug).status()).as("the conference report, published").isEqualTo(200);
        for (String title : relatedTitles()) {
            String slug = VietnameseText.slug(title);
            Http.Response article = reader.get("/api/news/articles/" + slug);
            assertThat(article.status()).as(title).isEqualTo(200);
            String articleId = jdbc.sql("SELECT article_id FROM article_slug WHERE slug = ?").param(slug).query(String.class).single();
            assertThat(actorsOf(articleId)).as("written and published by the demo's editor, its JWT subject the actor")
                    .isNotEmpty().containsOnly(NewsDemo.EDITOR);
        }

        long stored = storedEvents();
        demo(baseUrl).load();
        assertThat(storedEvents()).as("a second run stores nothing").isEqualTo(stored);
    }

    private static NewsDemo demo(String baseUrl) {
        return new NewsDemo(baseUrl, new TestCredentials(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private List<String> relatedTitles() throws Exception {
        List<String> titles = new ArrayList<>();
        try (InputStream in = NewsDemo.class.getResourceAsStream("/demo/related-articles.json")) {
            for (JsonNode article : objectMapper.readTree(in).path("articles")) {
                titles.add(article.path("title").asText());
            }
        }
        assertThat(titles).isNotEmpty();
        return titles;
    }

    private List<String> actorsOf(String articleId) {
        return jdbc.sql("SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(Article.streamId(articleId)).query(String.class).list();
    }

    private long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }
}
