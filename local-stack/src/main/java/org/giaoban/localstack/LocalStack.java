package org.giaoban.localstack;

/**
 * The infrastructure of a local run without Docker, as one process: PostgreSQL (the configured server if one answers,
 * else an embedded real one with a persistent data directory) and a real Kafka broker in KRaft mode (port 9092,
 * data kept across restarts).
 *
 * <p>Run: {@code java -jar local-stack/target/local-stack-0.1.0-SNAPSHOT.jar [--data-dir=...]}; see
 * {@link LocalStackSettings} for every argument and environment variable ({@code GIAOBAN_DATA_DIR},
 * {@code GIAOBAN_KAFKA_PORT}, {@code GIAOBAN_KAFKA_CONTROLLER_PORT}, {@code GIAOBAN_DB_HOST}, {@code GIAOBAN_DB_PORT},
 * {@code GIAOBAN_DB_USER}, {@code GIAOBAN_DB_PASSWORD}).
 *
 * <p>It prints, on standard output:
 * <pre>
 * PostgreSQL: using the server at 127.0.0.1:5432              (or)
 * PostgreSQL: embedded server on port 5432, data in /.../.giaoban/postgres
 * PostgreSQL: server log in /.../.giaoban/postgres.log (first start: new data directory)
 * Kafka: broker ready on 127.0.0.1:9092
 * Kafka: data in /.../.giaoban/kafka
 * local stack ready
 * </pre>
 * and on SIGTERM or Ctrl-C stops Kafka, then the embedded PostgreSQL (if it started one), and prints
 * {@code local stack stopped}. Exit code 1 (with a message on standard error) when it cannot start.
 * Libraries log to standard error at WARN and above ({@code simplelogger.properties};
 * override with {@code -Dorg.slf4j.simpleLogger.defaultLogLevel=info}).
 */
public final class LocalStack {

    private LocalStack() {
    }

    public static void main(String[] args) {
        LocalStackSettings settings;
        try {
            settings = LocalStackSettings.from(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(LocalStackSettings.USAGE);
            System.exit(2);
            return;
        }
        Running running = new Running();
        Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "local-stack-stop"));
        LocalKafka kafka;
        try {
            if (LocalPostgres.answers("127.0.0.1", settings.kafkaPort())) {
                throw new IllegalStateException("Kafka: port " + settings.kafkaPort()
                        + " is already in use (is another local stack running?)");
            }
            running.postgres = LocalPostgres.startUnlessAnswering(settings);
            kafka = LocalKafka.start(settings);
            running.kafka = kafka;
            say("Kafka: broker ready on " + kafka.bootstrapServers());
            say("Kafka: data in " + settings.kafkaDir());
        } catch (Exception | LinkageError e) {
            System.err.println("local stack failed to start: " + e);
            System.exit(1);
            return;
        }
        say("local stack ready");

        kafka.awaitShutdown();
        if (!running.stopping) {
            System.err.println("Kafka stopped on its own: stopping the local stack");
            System.exit(1);
        }
    }

    /** What has been started so far; stopped by the shutdown hook (SIGTERM, Ctrl-C, or exit after a failure). */
    private static final class Running {
        volatile boolean stopping;
        volatile LocalPostgres postgres;
        volatile LocalKafka kafka;

        void stop() {
            stopping = true;
            boolean any = kafka != null || postgres != null;
            if (kafka != null) {
                try {
                    kafka.close();
                } catch (RuntimeException e) {
                    System.err.println("Kafka: stopping failed: " + e);
                }
            }
            if (postgres != null) {
                postgres.close();
            }
            if (any) {
                say("local stack stopped");
            }
        }
    }

    static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
