package org.giaoban.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.axonframework.common.jdbc.JdbcException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** A database that cannot be reached is a 503 "store-unavailable" (retry), not a 500: found by PostgresRestartFaultTest. */
class DatabaseUnreachableTest {

    private final ProblemHandler handler = new ProblemHandler();

    @Test
    void a_closed_connection_under_axon_is_the_store_being_unavailable() {
        var failure = new JdbcException("Failed to create a SQL statement", new SQLException("Connection is closed", "08003"));
        var response = handler.unexpected(failure);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getBody().getProperties()).containsEntry("code", "store-unavailable");
    }

    @Test
    void a_pool_timeout_or_a_server_shutting_down_too() {
        assertThat(ProblemHandler.databaseUnreachable(new IllegalStateException(new SQLTransientConnectionException("timeout")))).isTrue();
        assertThat(ProblemHandler.databaseUnreachable(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(ProblemHandler.databaseUnreachable(new JdbcException("Failed to create a SQL statement",
                new SQLException("Connection is closed")))).isTrue();
    }

    @Test
    void any_other_failure_stays_a_500() {
        assertThat(ProblemHandler.databaseUnreachable(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(handler.unexpected(new IllegalStateException("bug")).getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }
}
