package org.giaoban.systemtest.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.giaoban.systemtest.harness.SystemUnderTest;
import org.giaoban.testsupport.Http;

/** What the fault tests share: a client that retries until acknowledged, noting every refusal, and SQL on a service's database. */
final class Faults {

    /** "Processing resumes by itself within 60 s". */
    static final Duration RESUME = Duration.ofSeconds(60);
    /** How long a writer keeps retrying one command while its service is down and starting again (two cores, loaded). */
    static final Duration OUTAGE = Duration.ofSeconds(240);
    /** What the gateway may answer while a service is down: its own problem, never a service's 500. */
    static final Set<Integer> SERVICE_DOWN = Set.of(502, 503, 504);

    private Faults() {
    }

    static String runId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    /** Every answer that was not an acknowledgement, as {@code status body}; -1 for no answer at all. */
    static final class Refusals {
        final List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        final List<String> details = Collections.synchronizedList(new ArrayList<>());

        void add(int status, String detail) {
            statuses.add(status);
            details.add(status + " " + detail);
        }

        /** None was a 5xx of a service (a 500 would be a lost or unknown write): only the gateway's "service down". */
        void assertOnlyServiceDown() {
            synchronized (statuses) {
                assertThat(statuses).as("refusals while the service was down: %s", details)
                        .allSatisfy(status -> assertThat(status).isIn(SERVICE_DOWN));
            }
        }
    }

    /**
     * Sends {@code request} until it is acknowledged (2xx), for at most {@link #OUTAGE}: while the service is down the
     * gateway answers 502/503/504, noted in {@code refusals}. Creation with one's own id is idempotent, so an attempt
     * whose answer was lost with the killed process is safe to send again.
     */
    static Http.Response untilAcknowledged(String what, Refusals refusals, Supplier<Http.Response> request) {
        AtomicReference<Http.Response> acknowledged = new AtomicReference<>();
        await(what).atMost(OUTAGE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250)).until(() -> {
            Http.Response response;
            try {
                response = request.get();
            } catch (UncheckedIOException e) {
                refusals.add(-1, what + ": " + e.getCause());
                return false;
            }
            if (response.status() / 100 == 2) {
                acknowledged.set(response);
                return true;
            }
            refusals.add(response.status(), what + ": " + response.body());
            return false;
        });
        return acknowledged.get();
    }

    static long count(SystemUnderTest system, String service, String sql, Object... params) {
        try (Connection connection = system.connect(service); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static List<String> strings(SystemUnderTest system, String service, String sql, Object... params) {
        try (Connection connection = system.connect(service); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static void execute(SystemUnderTest system, String service, String sql) {
        try (Connection connection = system.connect(service); var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Stored events of the aggregates whose identifier ends with {@code id}, of a payload type ending with {@code type}. */
    static long storedEvents(SystemUnderTest system, String service, String id, String type) {
        return count(system, service, "SELECT count(*) FROM domain_event_entry WHERE (aggregate_identifier = ? "
                + "OR aggregate_identifier LIKE ?) AND payload_type LIKE ?", id, "%:" + id, "%" + type);
    }
}
