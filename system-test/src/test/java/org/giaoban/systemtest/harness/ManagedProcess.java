package org.giaoban.systemtest.harness;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;

/**
 * One OS process of the system: a command, its environment, its HTTP port (none for the local stack) and its log
 * file ({@code target/system-logs/<name>.log}, appended across restarts). It can be started again after a stop, with
 * the same command, port and environment (so the same database).
 */
public final class ManagedProcess {

    private static final java.util.regex.Pattern STACK_FRAME =
            java.util.regex.Pattern.compile("^\\s+(at |\\.\\.\\. \\d+ (common frames omitted|more)).*");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Integer port;
    private final String readyLine;
    private final Path log;
    private volatile Process process;
    private volatile long logOffsetAtStart;

    private ManagedProcess(String name, List<String> command, Map<String, String> environment, Integer port, String readyLine,
                           Path log) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.port = port;
        this.readyLine = readyLine;
        this.log = log;
    }

    /** A Spring Boot service, ready when {@code /actuator/health/readiness} answers UP. */
    static ManagedProcess http(String name, List<String> command, Map<String, String> environment, int port, Path log) {
        return new ManagedProcess(name, command, environment, port, null, log);
    }

    /** A process that is ready when its output has a line containing {@code readyLine}. */
    static ManagedProcess printing(String name, List<String> command, Map<String, String> environment, String readyLine,
                                   Path log) {
        return new ManagedProcess(name, command, environment, null, readyLine, log);
    }

    public String name() {
        return name;
    }

    /** The HTTP port (the same across restarts). */
    public int port() {
        if (port == null) {
            throw new IllegalStateException(name + " has no HTTP port");
        }
        return port;
    }

    public String url() {
        return "http://localhost:" + port();
    }

    public Path log() {
        return log;
    }

    Map<String, String> environment() {
        return environment;
    }

    List<String> command() {
        return command;
    }

    public boolean isAlive() {
        Process current = process;
        return current != null && current.isAlive();
    }

    public long pid() {
        Process current = process;
        return current == null ? -1 : current.pid();
    }

    /** Launches the process (it is not ready yet: {@link #awaitReady(Duration)}). */
    synchronized void launch() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        }
        try {
            Files.createDirectories(log.getParent());
            String header = "%n===== %s: starting %s%s%n".formatted(Instant.now(), name, port == null ? "" : " on port " + port);
            Files.writeString(log, header, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            logOffsetAtStart = Files.size(log);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().clear();
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Waits until the process is ready; fails at once if it exits, with the tail of its log in the message. */
    void awaitReady(Duration timeout) {
        try {
            await(name + " ready").atMost(timeout).pollDelay(Duration.ofMillis(200)).pollInterval(Duration.ofMillis(500))
                    .failFast(name + " exited", () -> !isAlive())
                    .until(this::ready);
        } catch (ConditionTimeoutException | org.awaitility.core.TerminalFailureException e) {
            String why = isAlive() ? "did not become ready within " + timeout.toSeconds() + " s"
                    : "exited with code " + process.exitValue() + " before it was ready";
            throw new IllegalStateException(name + " " + why + "; log " + log + ", last lines without stack frames:\n"
                    + tail(40), e);
        }
    }

    boolean ready() {
        if (!isAlive()) {
            return false;
        }
        if (readyLine != null) {
            return output().contains(readyLine);
        }
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The output of the current run (since the last start). */
    String output() {
        try {
            byte[] all = Files.readAllBytes(log);
            int from = (int) Math.min(all.length, logOffsetAtStart);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The last {@code lines} lines of the log, without stack frames (the causes stay). */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(line -> !STACK_FRAME.matcher(line).matches())
                    .toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** SIGTERM, then (after {@code grace}) a forced kill of the process and anything it started. */
    synchronized void stop(Duration grace) {
        Process current = process;
        if (current == null || !current.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = new ArrayList<>(current.descendants().toList());
        current.destroy();
        try {
            if (!current.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                System.err.println("[system] " + name + " did not stop within " + grace.toSeconds() + " s: killing it");
                current.destroyForcibly();
                current.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            current.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** SIGKILL of the process and anything it started: no shutdown hook runs, nothing is flushed (a crash). */
    synchronized void kill() {
        Process current = process;
        if (current == null || !current.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = new ArrayList<>(current.descendants().toList());
        current.destroyForcibly();
        try {
            current.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public String toString() {
        return name + (port == null ? "" : " :" + port) + (isAlive() ? " (pid " + pid() + ")" : " (stopped)");
    }
}
