package org.giaoban.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@InboxServiceTest
class InboxTest {

    @Autowired
    Inbox inbox;
    @Autowired
    NoteBook book;
    @Autowired
    DataSource dataSource;

    @Test
    void anEffectThatFailsLeavesNoTraceAndRunsWhenTheMessageComesAgain() {
        String messageId = UUID.randomUUID().toString();
        String note = "note-" + messageId;

        assertThatThrownBy(() -> inbox.handleOnce("inbox-test-direct", messageId, () -> {
            book.take(new NoteTaken(note, "Lào Cai hosts the 2024 briefing"));
            throw new IllegalStateException("crashed after the effect");
        })).hasMessage("crashed after the effect");
        assertThat(book.rows(note)).isZero();
        assertThat(recorded("inbox-test-direct", messageId)).isZero();

        assertThat(inbox.handleOnce("inbox-test-direct", messageId,
                () -> book.take(new NoteTaken(note, "Lào Cai hosts the 2024 briefing")))).isTrue();
        assertThat(inbox.handleOnce("inbox-test-direct", messageId,
                () -> book.take(new NoteTaken(note, "Lào Cai hosts the 2024 briefing")))).isFalse();

        assertThat(book.rows(note)).isEqualTo(1);
        assertThat(recorded("inbox-test-direct", messageId)).isEqualTo(1);
    }

    @Test
    void eachConsumerHandlesTheSameMessageOnceForItself() {
        String messageId = UUID.randomUUID().toString();
        String note = "note-" + messageId;

        assertThat(inbox.handleOnce("inbox-test-rosters", messageId, () -> book.take(new NoteTaken(note, "for rosters")))).isTrue();
        assertThat(inbox.handleOnce("inbox-test-news", messageId, () -> book.take(new NoteTaken(note, "for news")))).isTrue();

        assertThat(book.rows(note)).isEqualTo(2);
    }

    private int recorded(String consumer, String messageId) {
        return JdbcClient.create(dataSource)
                .sql("SELECT count(*) FROM processed_message WHERE consumer = ? AND message_id = ?")
                .params(consumer, messageId)
                .query(Integer.class).single();
    }
}
