package org.giaoban.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MEM: resident memory (VmRSS of /proc/pid/status) of the broker (the local stack's process, port 9092), the three
 * services (8081-8083) and the gateway (8080), summed; at rest here (mean of {@code --mem-samples} samples a second
 * apart), under B6's load by B6. The processes are found by the port they listen on.
 */
final class Mem {

    static final Map<String, Integer> PORTS = new LinkedHashMap<>();
    static final double LIMIT_MIB = 2048;

    static {
        PORTS.put("broker (local-stack)", Integer.parseInt(Settings.text("kafka-port", "9092")));
        PORTS.put("membership", 8081);
        PORTS.put("competition", 8082);
        PORTS.put("news", 8083);
        PORTS.put("gateway", 8080);
    }

    private final Report report;

    Mem(Report report) {
        this.report = report;
    }

    void run() throws Exception {
        int samples = Settings.integer("mem-samples", 5);
        Map<String, Long> sum = new LinkedHashMap<>();
        for (int i = 0; i < samples; i++) {
            rss().forEach((k, v) -> sum.merge(k, v, Long::sum));
            Thread.sleep(1000);
        }
        Map<String, Long> mean = new LinkedHashMap<>();
        sum.forEach((k, v) -> mean.put(k, v / samples));
        record(report, "at rest", mean);
    }

    static void record(Report report, String when, Map<String, Long> kib) {
        double total = kib.values().stream().mapToLong(Long::longValue).sum() / 1024.0;
        report.limit("MEM", "RSS broker + 3 services + gateway, " + when + " (MiB)", total, "MiB",
                "limit 2 GiB", LIMIT_MIB, LIMIT_MIB, "<= 2048 MiB");
        StringBuilder parts = new StringBuilder();
        kib.forEach((k, v) -> parts.append(String.format(Locale.ROOT, "%s %.0f MiB, ", k, v / 1024.0)));
        report.note("MEM " + when + ": " + parts.substring(0, parts.length() - 2));
    }

    /** VmRSS in KiB of each process, by name. */
    static Map<String, Long> rss() throws Exception {
        Map<String, Long> out = new LinkedHashMap<>();
        for (var e : PORTS.entrySet()) {
            long pid = pid(e.getValue());
            String status = Files.readString(Path.of("/proc/" + pid + "/status"));
            Matcher m = Pattern.compile("VmRSS:\\s+(\\d+) kB").matcher(status);
            if (!m.find()) {
                throw new IllegalStateException("no VmRSS for pid " + pid);
            }
            out.put(e.getKey(), Long.parseLong(m.group(1)));
        }
        return out;
    }

    private static long pid(int port) {
        String ss = Report.shell("ss -Hltnp 'sport = :" + port + "'");
        Matcher m = Pattern.compile("pid=(\\d+)").matcher(ss);
        if (!m.find()) {
            throw new IllegalStateException("no process listens on port " + port + " (./giaoban run): " + ss);
        }
        return Long.parseLong(m.group(1));
    }
}
