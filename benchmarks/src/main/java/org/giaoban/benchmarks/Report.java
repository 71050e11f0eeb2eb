package org.giaoban.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Figures of one run, written as markdown and JSON to docs/benchmarks/ with the machine and the command. */
final class Report {

    record Figure(String bench, String what, double value, String unit, String baselineWhat, double baseline,
                  double ratio, String target, boolean met, String load) {
    }

    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, String> machine = new LinkedHashMap<>();
    private final String command;
    private final Instant started = Instant.now();

    Report(String command) {
        this.command = command;
        machine.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        machine.put("memory", shell("free -h | awk '/Mem:/ {print $2}'"));
        machine.put("cpu", shell("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("jvm args", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        machine.put("postgresql", shell("psql -h " + Settings.dbHost() + " -p " + Settings.dbPort() + " -U " + Settings.dbUser()
                + " -Atc 'show server_version' postgres"));
        machine.put("load at start", load());
    }

    static String load() {
        return shell("cut -d' ' -f1-3 /proc/loadavg");
    }

    /** Records a figure against its baseline; {@code higherIsBetter} false for latencies. */
    void figure(String bench, String what, double value, String unit, String baselineWhat, double baseline,
                double target, String targetText) {
        double ratio = value / baseline;
        Figure f = new Figure(bench, what, round(value), unit, baselineWhat, round(baseline), round(ratio), targetText,
                ratio >= target, load());
        figures.add(f);
        System.out.printf(Locale.ROOT, "%s  %-55s %12.1f %-8s | %-40s %12.1f | ratio %6.3f (target %s) %s  [load %s]%n",
                bench, what, value, unit, baselineWhat, baseline, ratio, targetText, f.met ? "MET" : "MISSED", f.load);
    }

    /** Records a figure that must stay at or under {@code limit} (latencies, memory); ratio = value ÷ baseline. */
    void limit(String bench, String what, double value, String unit, String baselineWhat, double baseline,
               double limit, String targetText) {
        double ratio = value / baseline;
        Figure f = new Figure(bench, what, round(value), unit, baselineWhat, round(baseline), round(ratio), targetText,
                value <= limit, load());
        figures.add(f);
        System.out.printf(Locale.ROOT, "%s  %-55s %12.1f %-8s | %-40s %12.1f | ratio %6.3f (target %s) %s  [load %s]%n",
                bench, what, value, unit, baselineWhat, baseline, ratio, targetText, f.met ? "MET" : "MISSED", f.load);
    }

    void note(String text) {
        notes.add(text);
        System.out.println("note: " + text);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    Path write(Path dir) throws Exception {
        machine.put("load at end", load());
        Files.createDirectories(dir);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(started);
        String benches = String.join("", figures.stream().map(Figure::bench).distinct().toList());
        String base = stamp + "-" + (benches.isEmpty() ? "none" : benches);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("started", started.toString());
        json.put("finished", Instant.now().toString());
        json.put("command", command);
        json.put("options", Settings.all());
        json.put("machine", machine);
        json.put("figures", figures);
        json.put("notes", notes);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(base + ".json").toFile(), json);

        StringBuilder md = new StringBuilder();
        md.append("# Benchmark run ").append(started).append("\n\n");
        md.append("Reproduce: `").append(command).append("`\n\n");
        md.append("## Machine\n\n");
        machine.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("\n## Figures\n\n| | measured | value | baseline (same run) | value | ratio | target | met | load |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Figure f : figures) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.1f %s | %s | %.1f %s | %.3f | %s | %s | %s |%n", f.bench, f.what,
                    f.value, f.unit, f.baselineWhat, f.baseline, f.unit, f.ratio, f.target, f.met ? "yes" : "**no**", f.load));
        }
        if (!notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        Path file = dir.resolve(base + ".md");
        Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
        return file;
    }

    static String shell(String command) {
        try {
            Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String out = String.join(" ", r.lines().toList()).trim();
                p.waitFor();
                return out;
            }
        } catch (Exception e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
