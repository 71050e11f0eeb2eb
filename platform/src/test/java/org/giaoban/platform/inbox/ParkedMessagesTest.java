package org.giaoban.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.giaoban.platform.inbox.TestMessages.NOTE_TAKEN;
import static org.giaoban.platform.inbox.TestMessages.awaitRecord;
import static org.giaoban.platform.inbox.TestMessages.header;
import static org.giaoban.platform.inbox.TestMessages.noteTaken;
import static org.giaoban.platform.inbox.TestMessages.send;
import static org.giaoban.platform.inbox.TestMessages.sendNote;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;
import org.giaoban.platform.inbox.ParkedMessages.Parked;
import org.giaoban.platform.inbox.ParkedMessages.ReplayReport;
import org.giaoban.platform.outbox.CloudEventHeaders;
import org.giaoban.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.giaoban.testsupport.security.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * A message its handler cannot take is retried, parked, and replayed once the handler is fixed. Each test leaves
 * nothing parked on the notes consumer's dead-letter topic.
 */
@InboxServiceTest
class ParkedMessagesTest {

    private static final String NOTES = InboxTestApplication.NOTES.topic();
    private static final String DEAD_LETTERS = NOTES + ".dlt.inbox-test-notes";
    private static final String REPLAY = "/api/test/admin/dead-letters/inbox-test-notes/replay";

    @Autowired
    NoteBook book;
    @Autowired
    ParkedMessages parkedMessages;
    @Autowired
    TestRestTemplate http;

    /** The administration of dead letters is an operator's. */
    @BeforeEach
    void asAnOperator() {
        if (http.getRestTemplate().getInterceptors().isEmpty()) {
            http.getRestTemplate().getInterceptors().add((request, body, execution) -> {
                request.getHeaders().setBearerAuth(TestTokens.operator());
                return execution.execute(request, body);
            });
        }
    }

    /** Whatever a test left parked (a failed assertion before its replay) is cured and replayed, not left to the next. */
    @AfterEach
    void replayWhatIsLeft() {
        book.cureAll();
        parkedMessages.replay("inbox-test-notes");
    }

    @Test
    void aPoisonMessageIsParkedWithoutBlockingItsPartitionAndAppliedOnceWhenReplayedAfterTheFix() throws Exception {
        String poison = "note-" + UUID.randomUUID();
        String poisonId = UUID.randomUUID().toString();
        String next = poison + "-next";

        sendNote(NOTES, poisonId, poison, "poison: the minutes of Mộc Châu");
        send(NOTES, poison, UUID.randomUUID().toString(), NOTE_TAKEN, noteTaken(next, "Mộc Châu hosts 2025"), null);

        // The message behind it on the same partition is handled: the partition is not blocked.
        await().atMost(Duration.ofSeconds(60)).until(() -> book.rows(next) == 1);
        ConsumerRecord<byte[], byte[]> parked = awaitRecord(DEAD_LETTERS,
                record -> header(record, CloudEventHeaders.ID).orElse("").equals(poisonId));
        assertThat(book.attempts(poison)).as("max-attempts").isEqualTo(3);
        assertThat(book.rows(poison)).isZero();
        // The original record (key, value, CloudEvents headers) plus where it came from and why it failed.
        assertThat(parked.headers()).extracting(Header::key).contains(CloudEventHeaders.ID, CloudEventHeaders.TYPE,
                CloudEventHeaders.SOURCE, CloudEventHeaders.SUBJECT, CloudEventHeaders.ACTOR,
                KafkaHeaders.DLT_ORIGINAL_TOPIC, KafkaHeaders.DLT_ORIGINAL_PARTITION, KafkaHeaders.DLT_ORIGINAL_OFFSET,
                KafkaHeaders.DLT_ORIGINAL_TIMESTAMP,
                KafkaHeaders.DLT_EXCEPTION_FQCN, KafkaHeaders.DLT_EXCEPTION_MESSAGE, KafkaHeaders.DLT_EXCEPTION_STACKTRACE);
        assertThat(new String(parked.key(), StandardCharsets.UTF_8)).isEqualTo(poison);
        assertThat(new String(parked.value(), StandardCharsets.UTF_8)).isEqualTo(noteTaken(poison, "poison: the minutes of Mộc Châu"));
        assertThat(header(parked, CloudEventHeaders.TYPE)).contains(NOTE_TAKEN);
        assertThat(header(parked, KafkaHeaders.DLT_ORIGINAL_TOPIC)).contains(NOTES);
        assertThat(header(parked, KafkaHeaders.DLT_EXCEPTION_FQCN)).contains(IllegalStateException.class.getName());
        assertThat(ByteBuffer.wrap(parked.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION).value()).getInt())
                .isEqualTo(parked.partition()); // same key, same partition count: the same partition number
        assertThat(header(parked, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                .hasValueSatisfying(message -> assertThat(message).contains("cannot take poisoned note " + poison));
        assertThat(retentionOf(DEAD_LETTERS)).isEqualTo("-1");
        assertThat(listed()).contains(new Parked("inbox-test-notes", NOTES, DEAD_LETTERS, 1));

        ReplayReport beforeTheFix = parkedMessages.replay("inbox-test-notes");
        assertThat(beforeTheFix.applied()).isZero();
        assertThat(beforeTheFix.stoppedAt().messageId()).isEqualTo(poisonId);
        assertThat(beforeTheFix.stoppedAt().reason()).contains("cannot take poisoned note");
        assertThat(beforeTheFix.stillParked()).isEqualTo(1);

        book.cure(poison);
        ResponseEntity<ReplayReport> afterTheFix = http.postForEntity(REPLAY, null, ReplayReport.class);
        assertThat(afterTheFix.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(afterTheFix.getBody()).isEqualTo(new ReplayReport("inbox-test-notes", DEAD_LETTERS, 1, 0, 0, null, 0));
        assertThat(book.rows(poison)).isEqualTo(1);

        ReplayReport again = parkedMessages.replay("inbox-test-notes");
        assertThat(again).isEqualTo(new ReplayReport("inbox-test-notes", DEAD_LETTERS, 0, 0, 0, null, 0));
        assertThat(book.rows(poison)).isEqualTo(1);
        assertThat(listed()).contains(new Parked("inbox-test-notes", NOTES, DEAD_LETTERS, 0));
    }

    @Test
    void aParkedMessageThatWasHandledMeanwhileIsNotAppliedAgainByTheReplay() {
        String poison = "note-" + UUID.randomUUID();
        String poisonId = UUID.randomUUID().toString();

        sendNote(NOTES, poisonId, poison, "poison: the vote of Lạng Sơn");
        awaitRecord(DEAD_LETTERS, record -> header(record, CloudEventHeaders.ID).orElse("").equals(poisonId));
        book.cure(poison);
        // The producer publishes it again (same ce_id), as its relay does after a crash.
        sendNote(NOTES, poisonId, poison, "poison: the vote of Lạng Sơn");
        await().atMost(Duration.ofSeconds(60)).until(() -> book.rows(poison) == 1);

        ReplayReport report = parkedMessages.replay("inbox-test-notes");

        assertThat(report).isEqualTo(new ReplayReport("inbox-test-notes", DEAD_LETTERS, 0, 1, 0, null, 0));
        assertThat(book.rows(poison)).isEqualTo(1);
    }

    @Test
    void anUnknownConsumerIsNotFound() {
        ResponseEntity<Map<String, Object>> response = http.exchange("/api/test/admin/dead-letters/nobody/replay",
                HttpMethod.POST, null, new ParameterizedTypeReference<>() {
                });

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody()).containsEntry("code", "unknown-consumer");
    }

    private List<Parked> listed() {
        return http.exchange("/api/test/admin/dead-letters", HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Parked>>() {
                }).getBody();
    }

    private static String retentionOf(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
            return config.get(TopicConfig.RETENTION_MS_CONFIG).value();
        }
    }
}
