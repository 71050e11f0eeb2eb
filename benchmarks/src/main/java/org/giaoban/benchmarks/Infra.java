package org.giaoban.benchmarks;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.giaoban.platform.eventstore.AxonJdbcStorage;
import org.giaoban.platform.eventstore.PlatformJdbcStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * PostgreSQL and Axon wired as a Giao Ban service wires them: the platform's Flyway schema
 * ({@code db/platform/V1__axon_event_store.sql}), the JDBC storage engine with the snake_case {@link EventSchema} of
 * {@code org.giaoban.platform.eventstore.AxonJdbcStorage} (copied), Jackson serialisation, byte[] columns, Spring's
 * transaction manager and transaction-bound connections (what axon-spring-boot-autoconfigure builds).
 */
final class Infra implements AutoCloseable {

    final String database;
    final HikariDataSource dataSource;
    final ObjectMapper json = new ObjectMapper();
    final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(json).build();
    final ConnectionProvider connections;
    final TransactionManager transactions;

    Infra(String database, int poolSize) {
        this.database = database;
        HikariConfig config = new HikariConfig();
        // As the services' data source (platform defaults): batched INSERTs rewritten into multi-row statements.
        config.setJdbcUrl(url(database) + "?reWriteBatchedInserts=true");
        config.setUsername(Settings.dbUser());
        config.setMaximumPoolSize(poolSize);
        this.dataSource = new HikariDataSource(config);
        this.connections = new SpringDataSourceConnectionProvider(dataSource);
        this.transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
    }

    /** A new, empty database with the platform's event store schema. */
    static Infra fresh(String database, int poolSize) throws Exception {
        try (Connection admin = DriverManager.getConnection(url("postgres"), Settings.dbUser(), null);
             Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database);
        }
        Infra infra = new Infra(database, poolSize);
        String schema;
        try (InputStream in = Infra.class.getResourceAsStream("/db/platform/V1__axon_event_store.sql")) {
            schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = infra.dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(schema);
        }
        return infra;
    }

    static String url(String database) {
        return "jdbc:postgresql://" + Settings.dbHost() + ":" + Settings.dbPort() + "/" + database;
    }

    /** The platform's own table names: the benchmarks measure the store the services use. */
    static EventSchema eventSchema() {
        return AxonJdbcStorage.events();
    }

    static TokenSchema tokenSchema() {
        return AxonJdbcStorage.tokens();
    }

    /**
     * The platform's storage engine ({@link PlatformJdbcStorageEngine}: Axon's, reading timestamps once);
     * {@code batchSize} is its fetch size when streaming (the platform's {@code AxonJdbcStorage.FETCH_SIZE}, Axon's
     * default is 100).
     */
    JdbcEventStorageEngine engine(int batchSize) {
        return new PlatformJdbcStorageEngine(PlatformJdbcStorageEngine.builder(eventSchema())
                .connectionProvider(connections)
                .transactionManager(transactions)
                .dataType(byte[].class)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .batchSize(batchSize), eventSchema());
    }

    EmbeddedEventStore store(JdbcEventStorageEngine engine) {
        return EmbeddedEventStore.builder().storageEngine(engine).build();
    }

    JdbcTokenStore tokenStore() {
        return JdbcTokenStore.builder()
                .connectionProvider(connections)
                .serializer(serializer)
                .schema(tokenSchema())
                .contentType(byte[].class)
                .build();
    }

    void sql(String statement) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    long count(String query) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); var rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
