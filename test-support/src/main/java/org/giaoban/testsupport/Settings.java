package org.giaoban.testsupport;

import java.util.Locale;

/**
 * The settings the test infrastructure reads. Each is looked up as a JVM system property first, then as an
 * environment variable, then falls back to its default; the system property may use the environment variable's
 * name ({@code -DGIAOBAN_DB_PORT=5544}) or its lower-case dotted form ({@code -Dgiaoban.db.port=5544}).
 */
final class Settings {

    static final String DB_HOST = "GIAOBAN_DB_HOST";
    static final String DB_PORT = "GIAOBAN_DB_PORT";
    static final String DB_USER = "GIAOBAN_DB_USER";
    static final String DB_PASSWORD = "GIAOBAN_DB_PASSWORD";
    static final String TEST_DOCKER = "GIAOBAN_TEST_DOCKER";

    private Settings() {
    }

    static String get(String envName, String defaultValue) {
        String dotted = envName.toLowerCase(Locale.ROOT).replace('_', '.');
        for (String candidate : new String[] {System.getProperty(envName), System.getProperty(dotted), System.getenv(envName)}) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.trim();
            }
        }
        return defaultValue;
    }

    static String dbHost() {
        return get(DB_HOST, "127.0.0.1");
    }

    static int dbPort() {
        String value = get(DB_PORT, "5432");
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(DB_PORT + " is not a port number: " + value, e);
        }
    }

    static String dbUser() {
        return get(DB_USER, "postgres");
    }

    /** The password; empty by default. An empty value given explicitly is kept (unlike the other settings). */
    static String dbPassword() {
        String property = System.getProperty(DB_PASSWORD, System.getProperty("giaoban.db.password"));
        if (property != null) {
            return property;
        }
        String env = System.getenv(DB_PASSWORD);
        return env == null ? "" : env;
    }

    /** {@code auto} (default), {@code false} (do not probe for Docker) or {@code true} (Docker is required). */
    static String testDocker() {
        String value = get(TEST_DOCKER, "auto").toLowerCase(Locale.ROOT);
        if (!value.equals("auto") && !value.equals("true") && !value.equals("false")) {
            throw new IllegalStateException("giaoban.test.docker must be auto, true or false, not " + value);
        }
        return value;
    }
}
