package org.giaoban.news.drafting;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.giaoban.contracts.membership.ClusterFormed;
import org.giaoban.contracts.membership.UrbanAreaRegistered;
import org.giaoban.news.article.Article;
import org.giaoban.news.article.ArticleMessages.DraftCreated;
import org.giaoban.testsupport.ServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The news service running for real (its own PostgreSQL database, the test Kafka broker, HTTP on a random port), fed
 * by {@link #feed} as the competition and membership services would feed it. All service tests of the module share
 * one application context, and with it the consumer groups {@code news-drafting} and {@code news-names}: do not add
 * {@code @MockBean}s or properties in a subclass, which would start a second context consuming in the same groups.
 */
@ServiceTest
public abstract class DraftingTestBase {

    protected static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected ObjectMapper objectMapper;
    @Autowired
    protected KafkaProperties kafkaProperties;

    protected EventFeed feed;

    @BeforeEach
    void openFeed() {
        feed = new EventFeed(kafkaProperties, objectMapper);
    }

    @AfterEach
    void closeFeed() {
        if (feed != null) {
            feed.close();
            feed = null;
        }
    }

    /**
     * Publishes the conclusion of the Northwest round of 2023 under its fixed {@code ce_id} (again: a redelivery) and
     * waits for its draft; returns the {@code ce_id}.
     */
    protected String givenTheNorthwest2023Conclusion() {
        String ceId = feed.competition(Northwest2023.conclusion(), EventFeed.fixedId("competition/tay-bac-2023/RoundConcluded"));
        awaitDraft(ConferenceReport.articleId(Northwest2023.ROUND));
        return ceId;
    }

    /** The names membership gives the Northwest cluster and Lai Châu, as its events would bring them. */
    protected void givenTheNorthwestNames() {
        feed.membership(new ClusterFormed("tay-bac", "Cụm các đô thị vùng Tây Bắc", null, "Tây Bắc", List.of()));
        feed.membership(new UrbanAreaRegistered("lai-chau", "Thành phố Lai Châu", "CITY", "Lai Châu", "III"));
    }

    /** Waits until the article has at least one stored event. */
    protected void awaitDraft(String articleId) {
        await().atMost(PATIENCE).until(() -> !events(articleId).isEmpty());
    }

    /** Waits until {@code consumer} has applied the message {@code ceId} (its inbox holds it). */
    protected void awaitHandled(String consumer, String ceId) {
        await().atMost(PATIENCE).until(() -> handled(consumer, ceId));
    }

    protected boolean handled(String consumer, String ceId) {
        return jdbc.sql("SELECT count(*) FROM processed_message WHERE consumer = ? AND message_id = ?")
                .params(consumer, ceId).query(Long.class).single() > 0;
    }

    /** The article's stream in the event store, in order: each event's payload type and JSON payload. */
    protected List<StoredEvent> events(String articleId) {
        return jdbc.sql("""
                        SELECT payload_type, convert_from(payload, 'UTF8') AS payload FROM domain_event_entry
                        WHERE aggregate_identifier = ? ORDER BY sequence_number""")
                .param(Article.streamId(articleId))
                .query((rs, row) -> new StoredEvent(rs.getString("payload_type"), read(rs.getString("payload"))))
                .list();
    }

    /** The {@code DraftCreated} events of the article. */
    protected List<JsonNode> draftsCreated(String articleId) {
        return events(articleId).stream().filter(e -> e.type().equals(DraftCreated.class.getName()))
                .map(StoredEvent::payload).toList();
    }

    /** How many article streams the event store holds for this id (one, or none). */
    protected long articleStreams(String articleId) {
        return jdbc.sql("SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(Article.streamId(articleId)).query(Long.class).single();
    }

    private JsonNode read(String json) {
        try {
            return objectMapper.readTree(json.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    protected record StoredEvent(String type, JsonNode payload) {
    }
}
