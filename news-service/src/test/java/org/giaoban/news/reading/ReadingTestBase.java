package org.giaoban.news.reading;

import static org.awaitility.Awaitility.await;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.giaoban.news.article.ArticleContent;
import org.giaoban.news.article.ArticleContent.Image;
import org.giaoban.news.article.ArticleMessages.CorrectArticle;
import org.giaoban.news.article.ArticleMessages.CreateDraft;
import org.giaoban.news.article.ArticleMessages.PublishArticle;
import org.giaoban.news.article.ArticleMessages.Source;
import org.giaoban.news.article.ArticleMessages.SubmitArticle;
import org.giaoban.news.article.ArticleMessages.UnpublishArticle;
import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.ServiceTest;
import org.giaoban.testsupport.security.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The news service running for real (its own PostgreSQL database, Kafka, HTTP on a random port), with articles driven
 * through their workflow by Axon commands. The context and its database are shared by every test class of the module,
 * so each test writes words of its own ({@link #unique()}) into titles, categories, tags and ids, and reads only those.
 */
@ServiceTest
public abstract class ReadingTestBase {

    private static final SecureRandom RANDOM = new SecureRandom();

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected CommandGateway commands;
    @Autowired
    protected EventProcessingConfiguration processing;
    @Autowired
    protected EventStore eventStore;

    /** A reader without a token: reading is public. */
    protected Http http;
    /** An operator: the administration endpoints. */
    protected Http operator;

    @BeforeEach
    void httpClient() {
        http = new Http(port);
        operator = http.as(TestTokens.operator());
    }

    /** A word of ten ASCII letters that no other test writes: one token for the search index, valid in ids. */
    protected static String unique() {
        StringBuilder word = new StringBuilder("zz");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return word.toString();
    }

    protected static ArticleContent content(String title, String body, String category) {
        return new ArticleContent(title, null, body, category, List.of(), List.of(), List.of(), List.of());
    }

    protected static ArticleContent content(String title, String summary, String body, String category) {
        return new ArticleContent(title, summary, body, category, List.of(), List.of(), List.of(), List.of());
    }

    protected static ArticleContent content(String title, String summary, String body, String category, List<String> tags,
                                            List<String> clusterIds, List<String> urbanAreaIds, List<Image> images) {
        return new ArticleContent(title, summary, body, category, tags, clusterIds, urbanAreaIds, images);
    }

    /** An article as the reading side knows it: its id (for further commands) and its slug (for reading). */
    protected record Published(String articleId, String slug) {
    }

    /** Creates, submits and publishes an article as an editor would; returns once the reading side has it. */
    protected Published publish(ArticleContent content) {
        String articleId = UUID.randomUUID().toString();
        commands.sendAndWait(new CreateDraft(articleId, withSummary(content), Source.editor()));
        commands.sendAndWait(new SubmitArticle(articleId));
        commands.sendAndWait(new PublishArticle(articleId));
        awaitReadingCaughtUp();
        String slug = jdbc.sql("SELECT slug FROM article_slug WHERE article_id = ?").param(articleId).query(String.class).single();
        return new Published(articleId, slug);
    }

    /** Every article has a summary (sapo); tests that do not care about it get a neutral one. */
    private static ArticleContent withSummary(ArticleContent c) {
        return c.summary() != null ? c : new ArticleContent(c.title(), "Tóm tắt.", c.body(), c.category(), c.tags(), c.clusterIds(),
                c.urbanAreaIds(), c.images());
    }

    protected void correct(Published article, ArticleContent content, String note) {
        commands.sendAndWait(new CorrectArticle(article.articleId(), withSummary(content), note));
        awaitReadingCaughtUp();
    }

    protected void unpublish(Published article, String reason) {
        commands.sendAndWait(new UnpublishArticle(article.articleId(), reason));
        awaitReadingCaughtUp();
    }

    protected void republish(Published article) {
        commands.sendAndWait(new PublishArticle(article.articleId()));
        awaitReadingCaughtUp();
    }

    /** The published-news projection has processed everything in the event store. */
    protected void awaitReadingCaughtUp() {
        long head = eventStore.createHeadToken().position().orElse(-1);
        StreamingEventProcessor processor = processing
                .eventProcessor(PublishedNewsProjection.NAME, StreamingEventProcessor.class).orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> processor.isRunning() && !processor.processingStatus().isEmpty()
                && processor.processingStatus().values().stream()
                .allMatch(status -> status.getCurrentPosition().orElse(-1) >= head));
    }
}
