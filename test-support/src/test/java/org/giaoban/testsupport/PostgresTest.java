package org.giaoban.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

class PostgresTest {

    private final TestInfrastructure infrastructure = TestInfrastructure.get();

    @Test
    void answersSelectOne() throws SQLException {
        assertThat(infrastructure.postgresSource()).isIn("testcontainers", "local", "embedded");
        try (Connection connection = connect("postgres");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select 1")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void createsUsesAndDropsADatabase() throws SQLException {
        String database = "giaoban_test_support_" + Long.toHexString(System.nanoTime());
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute("create table roster (city text primary key)");
            statement.execute("insert into roster values ('Hà Nội')");
            try (ResultSet result = statement.executeQuery("select city from roster")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).isEqualTo("Hà Nội");
            }
        }
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE " + database + " WITH (FORCE)");
            try (ResultSet result = statement.executeQuery(
                    "select count(*) from pg_database where datname = '" + database + "'")) {
                result.next();
                assertThat(result.getInt(1)).isZero();
            }
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(infrastructure.jdbcUrl(database),
                infrastructure.postgresUser(), infrastructure.postgresPassword());
    }
}
