package org.giaoban.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

/** The PostgreSQL server configured by {@code GIAOBAN_DB_*}, if it answers. This JVM neither starts nor stops it. */
record LocalPostgres(String host, int port, String user, String password) implements PostgresServer {

    private static final int CONNECT_TIMEOUT_MILLIS = 1_000;

    /**
     * Looks for a usable server at the configured address: a TCP connection within a second, then a JDBC
     * {@code select 1} on database {@code postgres}.
     *
     * @param whyNot receives the reason when nothing usable answers
     */
    static Optional<LocalPostgres> find(StringBuilder whyNot) {
        LocalPostgres candidate = new LocalPostgres(Settings.dbHost(), Settings.dbPort(), Settings.dbUser(), Settings.dbPassword());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(candidate.host, candidate.port), CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            whyNot.append("nothing answers at ").append(candidate.address()).append(": ").append(e.getMessage());
            return Optional.empty();
        }
        Properties properties = new Properties();
        properties.setProperty("user", candidate.user);
        properties.setProperty("password", candidate.password);
        properties.setProperty("connectTimeout", "1");
        properties.setProperty("loginTimeout", "2");
        properties.setProperty("socketTimeout", "3");
        properties.setProperty("ApplicationName", "giaoban-test-probe");
        try (Connection connection = DriverManager.getConnection(JdbcUrls.of(candidate.host, candidate.port, "postgres"), properties);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select 1")) {
            if (result.next() && result.getInt(1) == 1) {
                return Optional.of(candidate);
            }
            whyNot.append("select 1 at ").append(candidate.address()).append(" gave no 1");
        } catch (SQLException e) {
            whyNot.append("the server at ").append(candidate.address()).append(" refused ").append(candidate.user)
                    .append(": ").append(e.getMessage());
        }
        return Optional.empty();
    }

    String address() {
        return host + ":" + port;
    }

    @Override
    public String source() {
        return "local";
    }

    @Override
    public void stop() {
        // Not ours to stop.
    }
}
