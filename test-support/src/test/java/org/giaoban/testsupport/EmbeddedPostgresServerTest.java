package org.giaoban.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

/** The fallback used when nothing answers at GIAOBAN_DB_HOST:PORT, exercised even where a local server exists. */
class EmbeddedPostgresServerTest {

    @Test
    void startsARealServerOnAFreePortAndStopsIt() throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start();
        try (Connection connection = DriverManager.getConnection(
                JdbcUrls.of(server.host(), server.port(), "postgres"), server.user(), server.password());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("show server_version")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).startsWith("14.");
            statement.execute("CREATE DATABASE giaoban_embedded_check");
        } finally {
            server.stop();
        }
        assertThat(server.source()).isEqualTo("embedded");
    }
}
