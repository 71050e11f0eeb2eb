package org.giaoban.platform.inbox;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.giaoban.platform.web.RequestContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The test consumers' effect: a row per note taken, with the correlation id the handler saw. A note whose text starts
 * with "poison" fails every time until it is cured, as if the handler had a bug fixed later.
 */
class NoteBook {

    private final JdbcClient jdbc;
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    private final Set<String> cured = ConcurrentHashMap.newKeySet();

    NoteBook(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        jdbc.sql("CREATE TABLE IF NOT EXISTS inbox_test_note (note_id VARCHAR(100) NOT NULL, text VARCHAR(1000), "
                + "correlation_id VARCHAR(128))").update();
    }

    void take(NoteTaken note) {
        attempts.merge(note.noteId(), 1, Integer::sum);
        if (note.text().startsWith("poison") && !cured.contains(note.noteId())) {
            throw new IllegalStateException("cannot take poisoned note " + note.noteId());
        }
        jdbc.sql("INSERT INTO inbox_test_note (note_id, text, correlation_id) VALUES (?, ?, ?)")
                .params(note.noteId(), note.text(), RequestContext.correlationId())
                .update();
    }

    void cure(String noteId) {
        cured.add(noteId);
    }

    /** Cures every note tried so far. */
    void cureAll() {
        cured.addAll(attempts.keySet());
    }

    int attempts(String noteId) {
        return attempts.getOrDefault(noteId, 0);
    }

    int rows(String noteId) {
        return jdbc.sql("SELECT count(*) FROM inbox_test_note WHERE note_id = ?").param(noteId).query(Integer.class).single();
    }

    String correlationId(String noteId) {
        return jdbc.sql("SELECT correlation_id FROM inbox_test_note WHERE note_id = ?").param(noteId).query(String.class).single();
    }
}
