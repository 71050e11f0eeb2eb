package org.giaoban.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.giaoban.platform.inbox.TestMessages.NOTE_TAKEN;
import static org.giaoban.platform.inbox.TestMessages.awaitRecord;
import static org.giaoban.platform.inbox.TestMessages.header;
import static org.giaoban.platform.inbox.TestMessages.noteTaken;
import static org.giaoban.platform.inbox.TestMessages.send;
import static org.giaoban.platform.inbox.TestMessages.withKey;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.giaoban.platform.outbox.CloudEventHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.support.KafkaHeaders;

/** The consumers as a producing service's messages reach them over Kafka. */
@InboxServiceTest
class IntegrationEventConsumerTest {

    private static final String NOTES = InboxTestApplication.NOTES.topic();
    private static final String DRAFTS = InboxTestApplication.DRAFTS.topic();

    @Autowired
    NoteBook book;
    @Autowired
    ParkedMessages parkedMessages;
    @Autowired
    DataSource dataSource;

    @Test
    void aMessageDeliveredTwiceIsAppliedOnceWithItsCorrelationId() {
        String note = "note-" + UUID.randomUUID();
        String messageId = UUID.randomUUID().toString();
        String next = note + "-next";

        send(NOTES, note, messageId, NOTE_TAKEN, noteTaken(note, "Điện Biên reports"), "req-dien-bien-1");
        send(NOTES, note, messageId, NOTE_TAKEN, noteTaken(note, "Điện Biên reports"), "req-dien-bien-1");
        // Same key, so the same partition, behind both: once it is applied, both copies have been handled.
        send(NOTES, note, UUID.randomUUID().toString(), NOTE_TAKEN, noteTaken(next, "Sơn La reports"), null);

        await().atMost(Duration.ofSeconds(60)).until(() -> book.rows(next) == 1);
        assertThat(book.rows(note)).isEqualTo(1);
        assertThat(book.correlationId(note)).isEqualTo("req-dien-bien-1");
        assertThat(processed(messageId)).containsExactly(NOTES);
    }

    @Test
    void theSameEventUnderTwoIdsIsTwoMessages() {
        String note = "note-" + UUID.randomUUID();

        send(NOTES, note, UUID.randomUUID().toString(), NOTE_TAKEN, noteTaken(note, "Yên Bái reports"), null);
        send(NOTES, note, UUID.randomUUID().toString(), NOTE_TAKEN, noteTaken(note, "Yên Bái reports"), null);

        await().atMost(Duration.ofSeconds(60)).until(() -> book.rows(note) == 2);
    }

    @Test
    void unknownFieldsAreIgnored() {
        String note = "note-" + UUID.randomUUID();

        send(NOTES, note, UUID.randomUUID().toString(), NOTE_TAKEN,
                "{\"noteId\":\"" + note + "\",\"text\":\"Lai Châu reports\",\"addedInALaterVersion\":{\"x\":1}}", null);

        await().atMost(Duration.ofSeconds(60)).until(() -> book.rows(note) == 1);
    }

    @Test
    void anUnknownTypeIsIgnoredWithoutBeingParked() {
        String key = "note-" + UUID.randomUUID();
        String unknownId = UUID.randomUUID().toString();
        String next = key + "-next";
        long parkedBefore = parkedNotes();

        send(NOTES, key, unknownId, "org.giaoban.inboxtest.NoteArchived.v1", "{\"noteId\":\"" + key + "\"}", null);
        send(NOTES, key, UUID.randomUUID().toString(), NOTE_TAKEN, noteTaken(next, "Hòa Bình reports"), null);

        await().atMost(Duration.ofSeconds(60)).until(() -> book.rows(next) == 1);
        assertThat(processed(unknownId)).isEmpty();
        assertThat(parkedNotes()).isEqualTo(parkedBefore);
    }

    /** The drafts consumer waits 30 s between attempts: what is parked within seconds was parked without retries. */
    @Test
    void messagesNoRetryCanHelpAreParkedAtOnceAndTheirPartitionMovesOn() {
        String deadLetters = DRAFTS + ".dlt.inbox-test-drafts";
        String key = "draft-" + UUID.randomUUID();
        String malformedId = UUID.randomUUID().toString();
        String next = key + "-next";

        send(DRAFTS, key, null, NOTE_TAKEN, noteTaken(key, "no ce_id"), null);
        send(DRAFTS, key, malformedId, NOTE_TAKEN, "{\"noteId\": \"" + key + "\", \"text\": ", null);
        send(DRAFTS, key, UUID.randomUUID().toString(), NOTE_TAKEN, noteTaken(next, "Phú Thọ reports"), null);

        await().atMost(Duration.ofSeconds(20)).until(() -> book.rows(next) == 1);
        ConsumerRecord<byte[], byte[]> withoutId = awaitRecord(deadLetters,
                withKey(key).and(record -> header(record, CloudEventHeaders.ID).isEmpty()));
        ConsumerRecord<byte[], byte[]> malformed = awaitRecord(deadLetters,
                record -> header(record, CloudEventHeaders.ID).orElse("").equals(malformedId));

        assertThat(header(withoutId, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).hasValueSatisfying(m -> assertThat(m).contains("has no ce_id"));
        assertThat(header(malformed, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).hasValueSatisfying(m -> assertThat(m).contains("does not read as"));
        assertThat(header(malformed, KafkaHeaders.DLT_ORIGINAL_TOPIC)).contains(DRAFTS);
        assertThat(book.rows(key)).isZero();
    }

    private long parkedNotes() {
        return parkedMessages.parked().stream()
                .filter(parked -> parked.consumer().equals("inbox-test-notes"))
                .findFirst().orElseThrow().parked();
    }

    private List<String> processed(String messageId) {
        return JdbcClient.create(dataSource)
                .sql("SELECT kafka_topic FROM processed_message WHERE consumer = 'inbox-test-notes' AND message_id = ?")
                .param(messageId)
                .query(String.class).list();
    }
}
