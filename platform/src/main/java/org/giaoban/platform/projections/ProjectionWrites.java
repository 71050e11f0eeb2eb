package org.giaoban.platform.projections;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A projection's writes, sent to PostgreSQL as JDBC batches when the processor's batch commits instead of one round
 * trip per event: a replay of a long history is otherwise bound by those round trips (docs/benchmarks, B3: one
 * INSERT per event ran at a sixth of the no-op replay).
 * <p>
 * Statements run in the order they were given (consecutive ones with the same SQL form one JDBC batch), inside the
 * processor's transaction, before it commits: the token and the rows still move together, and a failed batch rolls
 * both back. A read in the same batch does not see queued writes unless it calls {@link #flush()} first. Outside a
 * unit of work (a test, a startup task) a write runs at once.
 */
public class ProjectionWrites {

    private final JdbcTemplate jdbc;
    private final String resourceKey = ProjectionWrites.class.getName() + "@" + Integer.toHexString(System.identityHashCode(this));

    private final ProjectionFaults faults;

    public ProjectionWrites(DataSource dataSource) {
        this(new JdbcTemplate(dataSource), null);
    }

    public ProjectionWrites(JdbcTemplate jdbc) {
        this(jdbc, null);
    }

    /** {@code faults}: the processors' failures, to write at once while careful (null: always at commit). */
    public ProjectionWrites(JdbcTemplate jdbc, ProjectionFaults faults) {
        this.jdbc = jdbc;
        this.faults = faults;
    }

    /**
     * An INSERT, UPDATE or DELETE with positional parameters, run before the current batch commits; at once while the
     * processor's group is careful after a failure ({@link ProjectionFaults}), so that a refused statement fails its own
     * event, which can then be parked, rather than the whole batch at commit.
     */
    public void update(String sql, Object... parameters) {
        if (!CurrentUnitOfWork.isStarted() || (faults != null && faults.carefulNow())) {
            jdbc.update(sql, parameters);
            return;
        }
        pending().add(new Statement(sql, parameters));
    }

    /** Runs what the current batch has queued so far, e.g. before reading rows it wrote. */
    public void flush() {
        if (CurrentUnitOfWork.isStarted()) {
            execute(pending());
        }
    }

    private List<Statement> pending() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(resourceKey, key -> {
            List<Statement> statements = new ArrayList<>();
            String group = ProjectionFaults.currentGroup();
            batch.onPrepareCommit(unitOfWork -> {
                try {
                    execute(statements);
                } catch (RuntimeException e) {
                    // Which event's row was refused is unknown here: the retry of the batch, careful, will tell.
                    if (faults != null && group != null) {
                        faults.batchFailed(group);
                    }
                    throw e;
                }
            });
            return statements;
        });
    }

    private void execute(List<Statement> statements) {
        int from = 0;
        while (from < statements.size()) {
            String sql = statements.get(from).sql();
            int to = from;
            List<Object[]> rows = new ArrayList<>();
            while (to < statements.size() && statements.get(to).sql().equals(sql)) {
                rows.add(statements.get(to++).parameters());
            }
            if (rows.size() == 1) {
                jdbc.update(sql, rows.get(0));
            } else {
                jdbc.batchUpdate(sql, rows);
            }
            from = to;
        }
        statements.clear();
    }

    private record Statement(String sql, Object[] parameters) {
    }
}
