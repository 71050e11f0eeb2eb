package org.giaoban.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

@SpringJUnitConfig(initializers = RealInfrastructureInitializer.class)
@TestPropertySource(properties = "spring.datasource.url=jdbc:postgresql://elsewhere/overridden")
class RealInfrastructureInitializerTest {

    @Configuration
    static class Empty {
    }

    @Autowired
    Environment environment;

    @Test
    void pointsTheContextAtItsOwnDatabaseAndTheTestBroker() throws Exception {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        String database = environment.getProperty("giaoban.test.database");

        assertThat(database).matches("giaoban_test_[0-9a-f]{8}");
        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo(infrastructure.jdbcUrl(database));
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo(infrastructure.postgresUser());
        assertThat(environment.getProperty("spring.datasource.password")).isEqualTo(infrastructure.postgresPassword());
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo(infrastructure.kafkaBootstrapServers());
        assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.brokers")).isEqualTo(infrastructure.kafkaBootstrapServers());
        assertThat(environment.getProperty("giaoban.kafka.replication-factor")).isEqualTo("1");

        // What a service does on start: create its database when missing (dropped again at JVM exit).
        try (Connection connection = DriverManager.getConnection(infrastructure.jdbcUrl("postgres"),
                infrastructure.postgresUser(), infrastructure.postgresPassword());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        try (Connection connection = DriverManager.getConnection(environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password"));
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select current_database()")) {
            result.next();
            assertThat(result.getString(1)).isEqualTo(database);
        }
    }
}
