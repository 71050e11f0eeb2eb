package org.giaoban.membership;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.giaoban.membership.demo.DemoLoader;
import org.giaoban.testsupport.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.security.TestCredentials;
import org.giaoban.testsupport.security.TestTokens;

/**
 * The membership service running for real: its own PostgreSQL database, a real Kafka broker, HTTP on a random port.
 * All test classes share one application context (one database), with the Northwest demo loaded through the API.
 */
@ServiceTest
public abstract class MembershipServiceTestBase {

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected EventProcessingConfiguration processing;
    @Autowired
    protected EventStore eventStore;

    protected Http http;

    @BeforeEach
    void loadNorthwestDemo() throws Exception {
        http = new Http(port).as(TestTokens.operator());
        // Idempotent: after the first class, every step answers "unchanged" and stores nothing.
        new DemoLoader("http://localhost:" + port, new TestCredentials(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .load(DemoLoader.NORTHWEST);
        awaitProjectionsCaughtUp();
    }

    protected long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }

    /** Every projection (and the outbox relay) has processed everything in the event store. */
    protected void awaitProjectionsCaughtUp() {
        long head = eventStore.createHeadToken().position().orElse(-1);
        await().atMost(Duration.ofSeconds(30)).until(() -> processing.eventProcessors().values().stream()
                .map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::isRunning)
                .allMatch(processor -> processor.processingStatus().values().stream()
                        .allMatch(status -> status.getCurrentPosition().orElse(-1) >= head)));
    }
}
