package org.giaoban.platform.inbox;

import java.util.Map;

import javax.sql.DataSource;

import org.giaoban.contracts.EventCatalog;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

/**
 * A service with two consumers, as the platform's auto-configuration sees it. No component scan: the main classes of
 * this package (the controller among them) come from the auto-configuration only. Not a {@code @SpringBootConfiguration}
 * (which Spring Boot's search would offer to platform tests of other packages): {@link InboxServiceTest} names it.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
class InboxTestApplication {

    static final EventCatalog NOTES = EventCatalog.of("inbox-test.notes.v1", "/giaoban/inbox-test", "org.giaoban.inboxtest",
            Map.of(NoteTaken.class, 1));
    static final EventCatalog DRAFTS = EventCatalog.of("inbox-test.drafts.v1", "/giaoban/inbox-test", "org.giaoban.inboxtest",
            Map.of(NoteTaken.class, 1));

    /** After Flyway: its table must not be the first thing in the fresh database. */
    @Bean
    @DependsOn("flywayInitializer")
    NoteBook noteBook(DataSource dataSource) {
        return new NoteBook(dataSource);
    }

    @Bean
    IntegrationEventConsumer notes(InboxConsumers consumers, NoteBook book) {
        return consumers.define("inbox-test-notes", NOTES).on(NoteTaken.class, book::take).build();
    }

    @Bean
    IntegrationEventConsumer drafts(InboxConsumers consumers, NoteBook book) {
        return consumers.define("inbox-test-drafts", DRAFTS).on(NoteTaken.class, book::take).build();
    }
}
