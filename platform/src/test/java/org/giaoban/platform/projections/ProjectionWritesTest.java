package org.giaoban.platform.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.giaoban.platform.StoreTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A projection's writes in a processor's batch (a unit of work with the processor's transaction, as Axon runs it):
 * sent when the batch commits, in the order given, together or not at all.
 */
@StoreTest
class ProjectionWritesTest {

    static final String INSERT = "INSERT INTO pw_row (id, batch, value) VALUES (?, ?, ?)";
    static final String UPDATE = "UPDATE pw_row SET value = ? WHERE id = ?";

    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionManager transactions;
    @Autowired
    JdbcClient jdbc;

    ProjectionWrites writes;
    String batch;

    @BeforeEach
    void table() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS pw_row (id VARCHAR(64) PRIMARY KEY, batch VARCHAR(64), value VARCHAR(64))").update();
        writes = new ProjectionWrites(dataSource);
        batch = UUID.randomUUID().toString();
    }

    @Test
    void writesOfABatchReachTheTableWhenItCommitsInTheOrderGiven() {
        DefaultUnitOfWork<?> unitOfWork = startBatch();
        for (int i = 0; i < 250; i++) {
            writes.update(INSERT, id(i), batch, "first");
        }
        writes.update(UPDATE, "changed", id(7));
        writes.update(INSERT, id(250), batch, "last");
        writes.update(UPDATE, "changed again", id(7));
        assertThat(rows()).as("nothing is sent before the batch commits").isZero();

        unitOfWork.commit();

        assertThat(rows()).isEqualTo(251);
        assertThat(value(7)).as("later statements run after earlier ones").isEqualTo("changed again");
        assertThat(value(250)).isEqualTo("last");
    }

    @Test
    void aBatchRolledBackWritesNothing() {
        DefaultUnitOfWork<?> unitOfWork = startBatch();
        writes.update(INSERT, id(1), batch, "first");
        unitOfWork.rollback();

        assertThat(rows()).isZero();
    }

    @Test
    void aFailingStatementFailsTheBatchAndNoneOfItsRowsAreWritten() {
        DefaultUnitOfWork<?> unitOfWork = startBatch();
        writes.update(INSERT, id(1), batch, "first");
        writes.update(INSERT, id(2), batch, "second");
        writes.update(INSERT, id(1), batch, "the same key again");

        assertThatThrownBy(unitOfWork::commit).isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        assertThat(rows()).isZero();
    }

    @Test
    void flushLetsTheBatchReadWhatItWrote() {
        DefaultUnitOfWork<?> unitOfWork = startBatch();
        writes.update(INSERT, id(1), batch, "first");
        writes.flush();
        List<String> seenInside = jdbc.sql("SELECT value FROM pw_row WHERE id = ?").param(id(1)).query(String.class).list();
        writes.update(UPDATE, "second", id(1));
        unitOfWork.commit();

        assertThat(seenInside).containsExactly("first");
        assertThat(value(1)).isEqualTo("second");
    }

    @Test
    void outsideABatchAWriteRunsAtOnce() {
        writes.update(INSERT, id(1), batch, "first");

        assertThat(rows()).isEqualTo(1);
    }

    /** Which event's row PostgreSQL refused is unknown at commit: the group turns careful, and its retry finds out. */
    @Test
    void aBatchThatFailsAtCommitMakesItsGroupCareful() {
        ProjectionFaults faults = new ProjectionFaults(java.time.Clock.systemUTC());
        ProjectionWrites guarded = new ProjectionWrites(new org.springframework.jdbc.core.JdbcTemplate(dataSource), faults);
        DefaultUnitOfWork<?> unitOfWork = startBatch();
        unitOfWork.resources().put(ProjectionFaults.GROUP, "history");
        guarded.update(INSERT, id(1), batch, "first");
        guarded.update(INSERT, id(1), batch, "the same key again");

        assertThat(faults.careful("history")).isFalse();
        assertThatThrownBy(unitOfWork::commit).isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        assertThat(faults.careful("history")).isTrue();
        assertThat(faults.careful("another group")).isFalse();
    }

    /** Careful, a write runs at once, so that a refused statement fails the event that made it (inside its savepoint). */
    @Test
    void whileItsGroupIsCarefulAWriteRunsAtOnce() {
        ProjectionFaults faults = new ProjectionFaults(java.time.Clock.systemUTC());
        faults.batchFailed("history");
        ProjectionWrites guarded = new ProjectionWrites(new org.springframework.jdbc.core.JdbcTemplate(dataSource), faults);
        DefaultUnitOfWork<?> unitOfWork = startBatch();
        unitOfWork.resources().put(ProjectionFaults.GROUP, "history");

        assertThatThrownBy(() -> {
            guarded.update(INSERT, id(1), batch, "first");
            guarded.update(INSERT, id(1), batch, "the same key again");
        }).isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        unitOfWork.rollback();
    }

    private DefaultUnitOfWork<?> startBatch() {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        return unitOfWork;
    }

    private String id(int i) {
        return batch + "/" + i;
    }

    private long rows() {
        return jdbc.sql("SELECT count(*) FROM pw_row WHERE batch = ?").param(batch).query(Long.class).single();
    }

    private String value(int i) {
        return jdbc.sql("SELECT value FROM pw_row WHERE id = ?").param(id(i)).query(String.class).single();
    }
}
