package org.giaoban.benchmarks;

import java.util.HashMap;
import java.util.Map;

/** Command-line options {@code --name=value}; database address from the same variables the services use. */
final class Settings {

    private static final Map<String, String> OPTIONS = new HashMap<>();

    static void parse(String arg) {
        String[] kv = arg.substring(2).split("=", 2);
        OPTIONS.put(kv[0], kv.length > 1 ? kv[1] : "true");
    }

    static Map<String, String> all() {
        return OPTIONS;
    }

    static int integer(String name, int fallback) {
        return OPTIONS.containsKey(name) ? Integer.parseInt(OPTIONS.get(name).replace("_", "")) : fallback;
    }

    static String text(String name, String fallback) {
        return OPTIONS.getOrDefault(name, fallback);
    }

    static String dbHost() {
        return System.getenv().getOrDefault("GIAOBAN_DB_HOST", "127.0.0.1");
    }

    static String dbPort() {
        return System.getenv().getOrDefault("GIAOBAN_DB_PORT", "5432");
    }

    static String dbUser() {
        return System.getenv().getOrDefault("GIAOBAN_DB_USER", "postgres");
    }
}
