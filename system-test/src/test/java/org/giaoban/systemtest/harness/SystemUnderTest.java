package org.giaoban.systemtest.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The whole system as separate OS processes, started from copies of the built jars: the local stack (a real Kafka
 * broker in KRaft mode; the PostgreSQL on {@code GIAOBAN_DB_HOST:GIAOBAN_DB_PORT}, 127.0.0.1:5432 by default), the
 * membership, competition and news services and the gateway (local profile: the demo clients operator, editor,
 * analyst).
 *
 * <p>Started once per test JVM ({@link #get()}, or {@link SystemExtension}), stopped when the JUnit run ends or the JVM
 * exits. Every port is free and none is a default of {@code ./giaoban run} (8080–8083, 9092, 9093), the databases are
 * fresh ({@code giaoban_sys_<random>_<service>}, dropped at the end), the Kafka data lives in a temporary directory,
 * so the system test can run next to a developer's local run.
 *
 * <p>Scenarios may stop and start one process ({@link #stop(String)}, {@link #start(String)}: same port, same
 * database), and run a second instance of a service behind the gateway ({@link #startSecondInstance(String)}). A
 * scenario that changes the system puts it back as it found it: the instance is shared by every test class of the JVM.
 */
public final class SystemUnderTest implements AutoCloseable {

    public static final String LOCAL_STACK = "local-stack";
    public static final String MEMBERSHIP = "membership";
    public static final String COMPETITION = "competition";
    public static final String NEWS = "news";
    public static final String GATEWAY = "gateway";
    public static final List<String> SERVICES = List.of(MEMBERSHIP, COMPETITION, NEWS);

    /** Generous: four JVMs start at once on two cores. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Set<Integer> RESERVED_PORTS = Set.of(5432, 8080, 8081, 8082, 8083, 9092, 9093);
    private static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xss512k", "-Dfile.encoding=UTF-8");

    private static SystemUnderTest instance;
    /** The run's own PostgreSQL, when {@code giaoban.system.own-postgres} is true (for tests that restart it). */
    private static volatile OwnPostgres ownPostgres;
    private static RuntimeException startFailure;

    private final String runId = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final Path workDir;
    private final Path logsDir;
    private final Map<String, Path> jars = new HashMap<>();
    private final Map<String, ManagedProcess> processes = new LinkedHashMap<>();
    private final Set<Integer> usedPorts = new HashSet<>();
    private final int kafkaPort;
    private final int kafkaControllerPort;
    private final Map<String, Integer> ports = new HashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Gateway gateway;
    private Duration startUpTime;

    /** The system, started at the first call of this JVM (a failed start is not retried: the same failure is thrown). */
    public static synchronized SystemUnderTest get() {
        if (startFailure != null) {
            throw new IllegalStateException("The system did not start (see the first failure)", startFailure);
        }
        if (instance == null) {
            SystemUnderTest system = new SystemUnderTest();
            Runtime.getRuntime().addShutdownHook(new Thread(system::close, "system-under-test-stop"));
            try {
                system.startAll();
            } catch (RuntimeException | Error e) {
                system.close();
                startFailure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                throw e;
            }
            instance = system;
        }
        return instance;
    }

    private SystemUnderTest() {
        String modulesDir = System.getProperty("giaoban.system.modules-dir", "..");
        String version = required("giaoban.system.version");
        logsDir = Path.of(System.getProperty("giaoban.system.logs-dir", "target/system-logs")).toAbsolutePath().normalize();
        try {
            workDir = Files.createTempDirectory("giaoban-sys-" + runId + "-");
            Files.createDirectories(logsDir);
            Path jarsDir = Files.createDirectories(workDir.resolve("jars"));
            // Copies: a rebuild must never replace a jar under a running process.
            for (String module : List.of("local-stack", "membership-service", "competition-service", "news-service", "gateway")) {
                Path built = Path.of(modulesDir, module, "target", module + "-" + version + ".jar").toAbsolutePath().normalize();
                if (!Files.isRegularFile(built)) {
                    throw new IllegalStateException(built + " is missing: package the modules first "
                            + "(./mvnw -B verify at the root, or ./mvnw -B -DskipTests package, then -pl system-test)");
                }
                warnIfOlderThanSources(built, Path.of(modulesDir), module);
                jars.put(module, Files.copy(built, jarsDir.resolve(module + ".jar"), StandardCopyOption.REPLACE_EXISTING));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (Boolean.getBoolean("giaoban.system.own-postgres")) {
            ownPostgres = new OwnPostgres(freePort(), workDir.resolve("postgres"), logsDir.resolve("postgres.log"));
        }
        kafkaPort = freePort();
        kafkaControllerPort = freePort();
        for (String name : List.of(MEMBERSHIP, COMPETITION, NEWS, GATEWAY)) {
            ports.put(name, freePort());
        }
        gateway = new Gateway(ports.get(GATEWAY));
    }

    private void startAll() {
        long started = System.nanoTime();
        log("run " + runId + ": work dir " + workDir + ", logs " + logsDir);
        if (ownPostgres != null) {
            ownPostgres.start();
            log("own PostgreSQL on port " + ownPostgres.port() + " ready after " + seconds(started));
        }
        log("ports: kafka " + kafkaPort + " (controller " + kafkaControllerPort + "), membership " + ports.get(MEMBERSHIP)
                + ", competition " + ports.get(COMPETITION) + ", news " + ports.get(NEWS) + ", gateway " + ports.get(GATEWAY));

        ManagedProcess localStack = ManagedProcess.printing(LOCAL_STACK,
                java(jars.get("local-stack"), List.of("--data-dir=" + workDir.resolve("data"), "--kafka-port=" + kafkaPort,
                        "--kafka-controller-port=" + kafkaControllerPort, "--db-host=" + dbHost(), "--db-port=" + dbPort())),
                baseEnvironment(), "local stack ready", logsDir.resolve(LOCAL_STACK + ".log"));
        processes.put(LOCAL_STACK, localStack);
        localStack.launch();
        localStack.awaitReady(START_TIMEOUT);
        log("local stack ready after " + seconds(started));

        // The services and the gateway do not need each other to start (the services read the gateway's keys on the
        // first token they check): all four at once.
        for (String service : SERVICES) {
            processes.put(service, service(service, 0, ports.get(service)));
        }
        processes.put(GATEWAY, gatewayProcess(Map.of()));
        List<ManagedProcess> starting = Stream.of(MEMBERSHIP, COMPETITION, NEWS, GATEWAY).map(processes::get).toList();
        starting.forEach(ManagedProcess::launch);
        awaitAllReady(starting, started);
        startUpTime = Duration.ofNanos(System.nanoTime() - started);
        log("system ready after " + seconds(started) + " (start-up " + startUpTime.toMillis() + " ms)");
        writeQuietly(logsDir.resolve("startup.txt"), "start-up ms: " + startUpTime.toMillis() + "\n");
    }

    private void awaitAllReady(List<ManagedProcess> starting, long since) {
        List<CompletableFuture<Void>> waits = starting.stream()
                .map(process -> CompletableFuture.runAsync(() -> {
                    process.awaitReady(START_TIMEOUT);
                    log(process.name() + " ready after " + seconds(since));
                }))
                .toList();
        List<Throwable> failures = new ArrayList<>();
        for (CompletableFuture<Void> wait : waits) {
            try {
                wait.join();
            } catch (RuntimeException e) {
                failures.add(e.getCause() == null ? e : e.getCause());
            }
        }
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException(failures.size() + " process(es) did not start: "
                    + failures.get(0).getMessage());
            failures.stream().skip(1).forEach(failure::addSuppressed);
            throw failure;
        }
    }

    // ---- the API for scenarios -------------------------------------------------------------------------------------

    /** The gateway: tokens, and an {@code Http} client bound to its port. */
    public Gateway gateway() {
        return gateway;
    }

    /** A process by name: {@code local-stack}, {@code membership}, {@code competition}, {@code news}, {@code gateway}, or a second instance ({@code competition-2}). */
    public synchronized ManagedProcess process(String name) {
        ManagedProcess process = processes.get(name);
        if (process == null) {
            throw new IllegalArgumentException("No process " + name + "; known: " + processes.keySet());
        }
        return process;
    }

    public int port(String name) {
        return process(name).port();
    }

    /** The run's copy of a module's jar ({@code membership-service}, ...), e.g. to run a demo program from it. */
    public Path jar(String module) {
        Path jar = jars.get(module);
        if (jar == null) {
            throw new IllegalArgumentException("No jar of " + module + "; known: " + jars.keySet());
        }
        return jar;
    }

    /** {@code localhost:<port>} of the harness's Kafka broker. */
    public String kafkaBootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    /** Reads a topic of the harness's broker from offset 0. */
    public KafkaTopic topic(String topic) {
        return new KafkaTopic(kafkaBootstrapServers(), topic);
    }

    /** The database of a service ({@code membership}, {@code competition}, {@code news}, {@code gateway}). */
    public String database(String service) {
        return "giaoban_sys_" + runId + "_" + service;
    }

    public Duration startUpTime() {
        return startUpTime;
    }

    /** Stops one process (SIGTERM; killed after 30 s). It keeps its port and database for {@link #start(String)}. */
    public void stop(String name) {
        ManagedProcess process = process(name);
        long started = System.nanoTime();
        process.stop(STOP_GRACE);
        log(name + " stopped in " + seconds(started));
    }

    /** Kills one process with SIGKILL (a crash: no graceful shutdown). {@link #start(String)} brings it back. */
    public void kill(String name) {
        ManagedProcess process = process(name);
        long started = System.nanoTime();
        process.kill();
        log(name + " killed (SIGKILL) in " + seconds(started));
    }

    /** A JDBC connection to the database of a service ({@code membership}, {@code competition}, {@code news}, {@code gateway}). */
    public Connection connect(String service) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + dbHost() + ":" + dbPort() + "/" + database(service),
                dbUser(), dbPassword());
    }

    /** Whether this run has a PostgreSQL of its own ({@code -Dgiaoban.system.own-postgres=true}) that tests may restart. */
    public boolean ownsPostgres() {
        return ownPostgres != null;
    }

    /** Stops the run's own PostgreSQL (a fast shutdown: connections cut, data kept). */
    public void stopPostgres() {
        requireOwnPostgres().stop();
        log("own PostgreSQL stopped");
    }

    /** Starts the run's own PostgreSQL again, on the same port with the same data. */
    public void startPostgres() {
        long started = System.nanoTime();
        requireOwnPostgres().start();
        log("own PostgreSQL started again in " + seconds(started));
    }

    private static OwnPostgres requireOwnPostgres() {
        if (ownPostgres == null) {
            throw new IllegalStateException("This run uses a shared PostgreSQL: set -Dgiaoban.system.own-postgres=true");
        }
        return ownPostgres;
    }

    /** Starts a stopped process again, on the same port with the same environment (database), and waits until it is ready. */
    public void start(String name) {
        ManagedProcess process = process(name);
        long started = System.nanoTime();
        process.launch();
        process.awaitReady(START_TIMEOUT);
        log(name + " started again, ready after " + seconds(started));
    }

    /** Stops and starts one process. */
    public void restart(String name) {
        stop(name);
        start(name);
    }

    /**
     * Starts a second instance of {@code service} ({@code <service>-2}) on another port with the same database and
     * Kafka consumer groups, waits until it is ready, and restarts the gateway so that it balances the service over both
     * instances (round-robin). Tokens issued before stay valid: the gateway's signing keys live in its database.
     */
    public ManagedProcess startSecondInstance(String service) {
        requireService(service);
        String name = service + "-2";
        ManagedProcess second;
        synchronized (this) {
            second = processes.get(name);
            if (second == null) {
                second = service(service, 1, freePort());
                processes.put(name, second);
            }
        }
        long started = System.nanoTime();
        second.launch();
        second.awaitReady(START_TIMEOUT);
        log(name + " ready on port " + second.port() + " after " + seconds(started));
        restartGateway(Map.of(service, List.of(process(service), second)));
        return second;
    }

    /** Stops the second instance of {@code service} and restarts the gateway with the first instance alone. */
    public void stopSecondInstance(String service) {
        requireService(service);
        stop(service + "-2");
        restartGateway(Map.of());
    }

    private void restartGateway(Map<String, List<ManagedProcess>> instances) {
        long started = System.nanoTime();
        ManagedProcess old = process(GATEWAY);
        old.stop(STOP_GRACE);
        ManagedProcess gatewayProcess = gatewayProcess(instances);
        synchronized (this) {
            processes.put(GATEWAY, gatewayProcess);
        }
        gatewayProcess.launch();
        gatewayProcess.awaitReady(START_TIMEOUT);
        log("gateway restarted with " + (instances.isEmpty() ? "one instance per service" : instances.keySet()
                + " balanced over " + instances.values().stream().map(List::size).toList() + " instances")
                + ", ready after " + seconds(started));
    }

    // ---- processes -------------------------------------------------------------------------------------------------

    private ManagedProcess service(String service, int index, int port) {
        String name = index == 0 ? service : service + "-" + (index + 1);
        String module = service + "-service";
        Map<String, String> env = serviceEnvironment();
        env.put("PORT", String.valueOf(port));
        return ManagedProcess.http(name, java(jars.get(module), List.of()), env, port, logsDir.resolve(name + ".log"));
    }

    private ManagedProcess gatewayProcess(Map<String, List<ManagedProcess>> instances) {
        Map<String, String> env = serviceEnvironment();
        env.put("PORT", String.valueOf(ports.get(GATEWAY)));
        env.put("SPRING_PROFILES_ACTIVE", "local");
        for (String service : SERVICES) {
            env.put("GIAOBAN_" + service.toUpperCase(Locale.ROOT) + "_URI", "http://localhost:" + ports.get(service));
        }
        instances.forEach((service, list) -> {
            for (int i = 0; i < list.size(); i++) {
                env.put("SPRING_CLOUD_DISCOVERY_CLIENT_SIMPLE_INSTANCES_" + service.toUpperCase(Locale.ROOT) + "_" + i + "_URI",
                        list.get(i).url());
            }
        });
        return ManagedProcess.http(GATEWAY, java(jars.get("gateway"), List.of()), env, ports.get(GATEWAY),
                logsDir.resolve(GATEWAY + ".log"));
    }

    private Map<String, String> serviceEnvironment() {
        Map<String, String> env = baseEnvironment();
        int gatewayPort = ports.get(GATEWAY);
        env.put("GIAOBAN_KAFKA_BOOTSTRAP", kafkaBootstrapServers());
        env.put("GIAOBAN_ISSUER", "http://localhost:" + gatewayPort);
        env.put("GIAOBAN_JWKS_URI", "http://localhost:" + gatewayPort + "/oauth2/jwks");
        // Few idle connections each: five processes (six with a second instance) share one PostgreSQL with other runs.
        env.put("SPRING_DATASOURCE_HIKARI_MINIMUM_IDLE", "2");
        for (String service : List.of(MEMBERSHIP, COMPETITION, NEWS, GATEWAY)) {
            env.put("GIAOBAN_" + service.toUpperCase(Locale.ROOT) + "_DB", database(service));
        }
        return env;
    }

    /** This JVM's environment without anything that would point a process elsewhere (ports, addresses, profiles). */
    private Map<String, String> baseEnvironment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(key -> (key.startsWith("GIAOBAN_") && !key.startsWith("GIAOBAN_DB_"))
                || key.startsWith("SPRING_") || key.equals("PORT") || key.equals("JAVA_TOOL_OPTIONS"));
        env.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        if (ownPostgres != null) {
            env.keySet().removeIf(key -> key.startsWith("GIAOBAN_DB_"));
            env.put("GIAOBAN_DB_HOST", dbHost());
            env.put("GIAOBAN_DB_PORT", dbPort());
        }
        return env;
    }

    private List<String> java(Path jar, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        return command;
    }

    private synchronized int freePort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = socket.getLocalPort();
                if (!RESERVED_PORTS.contains(port) && usedPorts.add(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no free port");
    }

    /** With -pl system-test the jars are whatever was packaged last: say so when a source is newer than its jar. */
    private static void warnIfOlderThanSources(Path jar, Path modulesDir, String module) throws IOException {
        long built = Files.getLastModifiedTime(jar).toMillis();
        for (String source : List.of(module, "platform", "platform-web", "contracts")) {
            Path sources = modulesDir.resolve(source).resolve("src").resolve("main");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                Path newer = files.filter(Files::isRegularFile).filter(file -> {
                    try {
                        return Files.getLastModifiedTime(file).toMillis() > built;
                    } catch (IOException e) {
                        return false;
                    }
                }).findFirst().orElse(null);
                if (newer != null) {
                    log("WARNING: " + jar.getFileName() + " is older than " + modulesDir.relativize(newer)
                            + ": the system runs the last packaged jar (./mvnw -B -q -DskipTests package to rebuild)");
                    return;
                }
            }
        }
    }

    private static void requireService(String service) {
        if (!SERVICES.contains(service)) {
            throw new IllegalArgumentException("Not a service: " + service + " (one of " + SERVICES + ")");
        }
    }

    // ---- the end ---------------------------------------------------------------------------------------------------

    /** Stops every process (the services and the gateway together, then the local stack), drops the databases. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long started = System.nanoTime();
        List<ManagedProcess> applications;
        synchronized (this) {
            applications = processes.values().stream().filter(p -> !p.name().equals(LOCAL_STACK)).toList();
        }
        CompletableFuture.allOf(applications.stream()
                .map(p -> CompletableFuture.runAsync(() -> p.stop(STOP_GRACE)))
                .toArray(CompletableFuture[]::new)).join();
        dropDatabases();
        ManagedProcess localStack = processes.get(LOCAL_STACK);
        if (localStack != null) {
            localStack.stop(STOP_GRACE);
        }
        if (ownPostgres != null) {
            ownPostgres.stop();
        }
        deleteQuietly(workDir);
        log("stopped in " + seconds(started));
    }

    private void dropDatabases() {
        String url = "jdbc:postgresql://" + dbHost() + ":" + dbPort() + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, dbUser(), dbPassword());
             Statement statement = connection.createStatement()) {
            for (String service : List.of(MEMBERSHIP, COMPETITION, NEWS, GATEWAY)) {
                statement.execute("DROP DATABASE IF EXISTS \"" + database(service) + "\" WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("[system] could not drop the databases giaoban_sys_" + runId + "_*: " + e);
        }
    }

    // ---- settings and helpers --------------------------------------------------------------------------------------

    static String dbHost() {
        if (ownPostgres != null) {
            return "127.0.0.1";
        }
        return setting("GIAOBAN_DB_HOST", "127.0.0.1");
    }

    static String dbPort() {
        if (ownPostgres != null) {
            return String.valueOf(ownPostgres.port());
        }
        return setting("GIAOBAN_DB_PORT", "5432");
    }

    static String dbUser() {
        if (ownPostgres != null) {
            return "postgres";
        }
        return setting("GIAOBAN_DB_USER", "postgres");
    }

    static String dbPassword() {
        if (ownPostgres != null) {
            return "";
        }
        String value = System.getenv("GIAOBAN_DB_PASSWORD");
        return value == null ? "" : value;
    }

    private static String setting(String env, String defaultValue) {
        String value = System.getenv(env);
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set (the failsafe configuration sets it)");
        }
        return value;
    }

    private static String seconds(long sinceNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - sinceNanos) / 1e9);
    }

    static void log(String line) {
        System.out.println("[system] " + line);
        System.out.flush();
    }

    private static void writeQuietly(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            // only a record of the timing
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("[system] could not delete " + dir + ": " + e);
        }
    }
}
