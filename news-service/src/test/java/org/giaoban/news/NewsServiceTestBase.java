package org.giaoban.news;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.ServiceTest;
import org.giaoban.testsupport.security.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The news service running for real: its own PostgreSQL database, a real Kafka broker, HTTP on a random port. All test
 * classes share one application context (one database): do not add {@code @MockBean}s or properties in a subclass,
 * which would start a second context; and since the rows of other tests are there too, work with ids and titles of
 * your own.
 */
@ServiceTest
public abstract class NewsServiceTestBase {

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected EventProcessingConfiguration processing;
    @Autowired
    protected EventStore eventStore;

    /** A reader without a token: what anyone may do. */
    protected Http http;
    /** An editor (JWT subject {@code editor}): writes articles, reads drafts. */
    protected Http editor;
    /** An operator: the administration endpoints. */
    protected Http operator;

    @BeforeEach
    void httpClient() {
        http = new Http(port);
        editor = http.as(TestTokens.editor());
        operator = http.as(TestTokens.operator());
    }

    /** How many events the event store holds for one aggregate stream, e.g. {@code article:<id>}. */
    protected long eventsIn(String streamId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?").param(streamId)
                .query(Long.class).single();
    }

    /** How many events the event store holds in all. */
    protected long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }

    /** Every running projection (and the outbox relay, once there is one) has processed everything stored so far. */
    protected void awaitProjectionsCaughtUp() {
        TrackingToken headToken = eventStore.createHeadToken();
        long head = headToken == null ? -1 : headToken.position().orElse(-1); // null: nothing stored yet
        await().atMost(Duration.ofSeconds(30)).until(() -> processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::isRunning)
                .allMatch(processor -> !processor.processingStatus().isEmpty() && processor.processingStatus().values().stream()
                        .allMatch(status -> status.getCurrentPosition().orElse(-1) >= head)));
    }
}
