package org.giaoban.localstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the local stack keeps its data and which ports it uses. Each setting comes from a command-line argument
 * ({@code --data-dir=...}), else the environment variable, else the default:
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>argument</th><th>environment</th><th>default</th></tr>
 *   <tr><td>{@code --data-dir}</td><td>{@code GIAOBAN_DATA_DIR}</td><td>{@code .giaoban} under the working directory</td></tr>
 *   <tr><td>{@code --kafka-port}</td><td>{@code GIAOBAN_KAFKA_PORT}</td><td>{@code 9092}</td></tr>
 *   <tr><td>{@code --kafka-controller-port}</td><td>{@code GIAOBAN_KAFKA_CONTROLLER_PORT}</td><td>{@code 9093}</td></tr>
 *   <tr><td>{@code --db-host}</td><td>{@code GIAOBAN_DB_HOST}</td><td>{@code 127.0.0.1}</td></tr>
 *   <tr><td>{@code --db-port}</td><td>{@code GIAOBAN_DB_PORT}</td><td>{@code 5432}</td></tr>
 *   <tr><td>{@code --db-user}</td><td>{@code GIAOBAN_DB_USER}</td><td>{@code postgres}</td></tr>
 *   <tr><td>{@code --db-password}</td><td>{@code GIAOBAN_DB_PASSWORD}</td><td>empty</td></tr>
 * </table>
 * The services themselves read {@code GIAOBAN_KAFKA_BOOTSTRAP} (default {@code localhost:9092}) and the
 * {@code GIAOBAN_DB_*} variables; the local stack only serves those addresses.
 */
record LocalStackSettings(Path dataDir, int kafkaPort, int kafkaControllerPort,
                          String dbHost, int dbPort, String dbUser, String dbPassword) {

    static final String USAGE = """
            Usage: java -jar local-stack.jar [--data-dir=DIR] [--kafka-port=N] [--kafka-controller-port=N]
                                             [--db-host=HOST] [--db-port=N] [--db-user=USER] [--db-password=PW]
            Environment: GIAOBAN_DATA_DIR (default ./.giaoban), GIAOBAN_KAFKA_PORT (9092),
              GIAOBAN_KAFKA_CONTROLLER_PORT (9093), GIAOBAN_DB_HOST (127.0.0.1), GIAOBAN_DB_PORT (5432),
              GIAOBAN_DB_USER (postgres), GIAOBAN_DB_PASSWORD (empty). Arguments win over the environment.""";

    static LocalStackSettings from(String[] args, Map<String, String> env) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || arg.indexOf('=') < 0) {
                throw new IllegalArgumentException("Unknown argument " + arg);
            }
            given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        Map<String, String> envNames = Map.of(
                "data-dir", "GIAOBAN_DATA_DIR",
                "kafka-port", "GIAOBAN_KAFKA_PORT",
                "kafka-controller-port", "GIAOBAN_KAFKA_CONTROLLER_PORT",
                "db-host", "GIAOBAN_DB_HOST",
                "db-port", "GIAOBAN_DB_PORT",
                "db-user", "GIAOBAN_DB_USER",
                "db-password", "GIAOBAN_DB_PASSWORD");
        for (String name : given.keySet()) {
            if (!envNames.containsKey(name)) {
                throw new IllegalArgumentException("Unknown argument --" + name);
            }
        }
        Settings settings = new Settings(given, env, envNames);
        LocalStackSettings result = new LocalStackSettings(
                Path.of(settings.get("data-dir", ".giaoban")).toAbsolutePath().normalize(),
                settings.port("kafka-port", 9092),
                settings.port("kafka-controller-port", 9093),
                settings.get("db-host", "127.0.0.1"),
                settings.port("db-port", 5432),
                settings.get("db-user", "postgres"),
                settings.getKeepingEmpty("db-password", ""));
        if (result.kafkaPort == result.kafkaControllerPort) {
            throw new IllegalArgumentException("The Kafka port and the controller port must differ");
        }
        return result;
    }

    Path postgresDataDir() {
        return dataDir.resolve("postgres");
    }

    Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    private record Settings(Map<String, String> given, Map<String, String> env, Map<String, String> envNames) {

        String get(String name, String defaultValue) {
            String value = given.get(name);
            if (value == null || value.isBlank()) {
                value = env.get(envNames.get(name));
            }
            return value == null || value.isBlank() ? defaultValue : value.trim();
        }

        String getKeepingEmpty(String name, String defaultValue) {
            if (given.containsKey(name)) {
                return given.get(name);
            }
            return env.getOrDefault(envNames.get(name), defaultValue);
        }

        int port(String name, int defaultValue) {
            String value = get(name, String.valueOf(defaultValue));
            try {
                int port = Integer.parseInt(value);
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " / " + envNames.get(name) + " is not a port: " + value);
            }
        }
    }
}
