package org.giaoban.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.giaoban.platform.inbox.TestMessages.NOTE_TAKEN;
import static org.giaoban.platform.inbox.TestMessages.noteTaken;
import static org.giaoban.platform.inbox.TestMessages.send;

import java.time.Duration;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code giaoban_kafka_consumed_total{consumer, outcome}} counts what the inbox consumers did with each message. */
@InboxServiceTest
class ConsumptionMetricsTest {

    private static final String NOTES = InboxTestApplication.NOTES.topic();
    private static final String DRAFTS = InboxTestApplication.DRAFTS.topic();

    @Autowired
    MeterRegistry registry;
    @Autowired
    NoteBook book;

    @Test
    void handledDuplicateAndParkedMessagesAreCountedPerConsumer() {
        double handled = consumed("inbox-test-notes", "handled");
        double duplicates = consumed("inbox-test-notes", "duplicate");
        double parked = consumed("inbox-test-drafts", "parked");
        String note = "note-" + UUID.randomUUID();
        String messageId = UUID.randomUUID().toString();

        send(NOTES, note, messageId, NOTE_TAKEN, noteTaken(note, "Hà Giang reports"), null);
        send(NOTES, note, messageId, NOTE_TAKEN, noteTaken(note, "Hà Giang reports"), null);
        // Without a ce_id it cannot be handled exactly once: parked at once, no retries.
        send(DRAFTS, note, null, NOTE_TAKEN, noteTaken(note + "-draft", "no ce_id"), null);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(consumed("inbox-test-notes", "handled")).isEqualTo(handled + 1);
            assertThat(consumed("inbox-test-notes", "duplicate")).isEqualTo(duplicates + 1);
            assertThat(consumed("inbox-test-drafts", "parked")).isEqualTo(parked + 1);
        });
        assertThat(book.rows(note)).isEqualTo(1);
    }

    private double consumed(String consumer, String outcome) {
        Counter counter = registry.find("giaoban.kafka.consumed").tag("consumer", consumer).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
