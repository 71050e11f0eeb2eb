package org.giaoban.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./giaoban bench [B1 B2 B3 B4] [--option=value ...]}: each benchmark beside its baseline, in one JVM, against
 * the PostgreSQL at GIAOBAN_DB_HOST:GIAOBAN_DB_PORT (fresh databases named bench_*), results in docs/benchmarks/.
 */
public final class Bench {

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        List<String> which = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--")) {
                Settings.parse(arg);
            } else {
                which.add(arg.toUpperCase());
            }
        }
        if (which.isEmpty()) {
            which = List.of("B1", "B2", "B3", "B4");
        }
        Report report = new Report(Settings.text("command", "./giaoban bench " + String.join(" ", args)));
        for (String b : which) {
            System.out.println("=== " + b + " (load " + Report.load() + ")");
            switch (b) {
                case "B1" -> new B1Append(report).run();
                case "B2" -> new B2Snapshots(report).run();
                case "B3" -> new B3Replay(report).run();
                case "B4" -> new B4Publish(report).run();
                case "B5" -> new B5Gateway(report).run();
                case "B6" -> new B6EndToEnd(report).run();
                case "MEM" -> new Mem(report).run();
                default -> throw new IllegalArgumentException("unknown benchmark " + b + " (B1..B6, MEM)");
            }
        }
        Path file = report.write(Path.of(Settings.text("out", "docs/benchmarks")));
        System.out.println("written: " + file + " (and .json)");
        System.exit(0);
    }
}
