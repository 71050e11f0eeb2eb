package org.giaoban.testsupport;

/** A running PostgreSQL server as the tests see it: where it is, who to log in as, where it came from. */
interface PostgresServer {

    String host();

    int port();

    String user();

    String password();

    /** {@code testcontainers}, {@code local} or {@code embedded}. */
    String source();

    /** Stops the server if this JVM started it; does nothing for a server it found. */
    void stop();
}
