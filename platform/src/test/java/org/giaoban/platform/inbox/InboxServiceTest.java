package org.giaoban.platform.inbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.giaoban.testsupport.ServiceTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link InboxTestApplication} on the real PostgreSQL and Kafka, bound as a service would bind it. One configuration
 * for all inbox tests, so they share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ServiceTest
// Restates @ServiceTest's web environment, naming the application instead of searching for one.
@SpringBootTest(classes = InboxTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
        "giaoban.api.base-path=/api/test",
        "giaoban.database=unused",
        "spring.cloud.function.definition=notes;drafts",
        "spring.cloud.stream.bindings.notes-in-0.destination=inbox-test.notes.v1",
        "spring.cloud.stream.bindings.notes-in-0.group=inbox-test-notes",
        // Quick retries: 3 attempts (the default), 50 ms then 100 ms apart.
        "spring.cloud.stream.bindings.notes-in-0.consumer.back-off-initial-interval=50",
        "spring.cloud.stream.bindings.notes-in-0.consumer.back-off-max-interval=100",
        "spring.cloud.stream.bindings.drafts-in-0.destination=inbox-test.drafts.v1",
        "spring.cloud.stream.bindings.drafts-in-0.group=inbox-test-drafts",
        // Slow retries: a message parked within seconds was parked without them.
        "spring.cloud.stream.bindings.drafts-in-0.consumer.back-off-initial-interval=30000",
        "spring.cloud.stream.bindings.drafts-in-0.consumer.back-off-max-interval=30000",
})
@interface InboxServiceTest {
}
