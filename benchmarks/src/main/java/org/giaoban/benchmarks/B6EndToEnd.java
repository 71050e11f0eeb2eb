package org.giaoban.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * B6, through the gateway as clients would: a fresh cluster of {@code --b6-members} urban areas, a coordinator and
 * one delegate account each (known secrets), a round planned and opened on that roster, NEXT_THEME motions tabled in
 * advance; then ballots ({@code PUT .../ballots/{ua}} by that delegate) at {@code --b6-rate}/s for
 * {@code --b6-seconds}, each timed from its scheduled send until {@code GET /rounds/{id}} shows the motion's ballot
 * count (one reader polling every {@code --b6-poll-ms}); RSS of the five processes sampled meanwhile (MEM under load). Then
 * {@code --b6-rounds} rounds concluded, each timed until its draft is in {@code GET /api/news/drafts} (editor).
 */
final class B6EndToEnd {

    private static final String SECRET = "bench-secret-0123456789";

    private final Report report;
    private final String g = Api.gateway();
    private String operator;
    private String coordinator;
    private final Map<String, String> delegates = new LinkedHashMap<>();
    private final List<String> members = new ArrayList<>();

    B6EndToEnd(Report report) {
        this.report = report;
    }

    void run() throws Exception {
        int k = Settings.integer("b6-members", 10);
        int rate = Settings.integer("b6-rate", 20);
        int seconds = Settings.integer("b6-seconds", 30);
        int rounds = Settings.integer("b6-rounds", 3);
        int pollMs = Settings.integer("b6-poll-ms", 5);
        String stamp = Long.toString(System.currentTimeMillis() / 1000 % 10_000_000, 36);
        String cluster = "bench-" + stamp;
        operator = Api.token(Settings.text("operator", "operator"), Settings.text("operator-secret", "operator-dev-secret"));
        String editor = Api.token(Settings.text("editor", "editor"), Settings.text("editor-secret", "editor-dev-secret"));

        // Membership and accounts.
        Api.send("POST", g + "/api/membership/clusters", operator, Map.of("id", cluster, "name", "Cụm thử nghiệm " + stamp,
                "nameEn", "Bench cluster " + stamp, "region", "Thử nghiệm")).orFail("cluster");
        for (int i = 1; i <= k; i++) {
            String ua = cluster + "-u" + i;
            members.add(ua);
            Api.send("POST", g + "/api/membership/urban-areas", operator, Map.of("id", ua, "name", "Thành phố Thử " + stamp + " " + i,
                    "kind", "CITY", "province", "Thử nghiệm", "urbanClass", "III")).orFail("urban area " + ua);
            Api.send("POST", g + "/api/membership/urban-areas/" + ua + "/admission", operator,
                    Map.of("clusterId", cluster, "effectiveFrom", "2020-01-01")).orFail("admission " + ua);
            Api.send("POST", g + "/api/accounts", operator, Map.of("clientId", ua + "-delegate", "secret", SECRET,
                    "role", "DELEGATE", "urbanAreaId", ua)).orFail("account " + ua);
            delegates.put(ua, Api.token(ua + "-delegate", SECRET));
        }
        Api.send("POST", g + "/api/accounts", operator, Map.of("clientId", cluster + "-coordinator", "secret", SECRET,
                "role", "COORDINATOR", "clusters", List.of(cluster))).orFail("coordinator account");
        coordinator = Api.token(cluster + "-coordinator", SECRET);

        int year = 2030;
        String round = cluster + "-" + year;
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("clusterId", cluster);
        plan.put("year", year);
        plan.put("movement", "Đô thị Xanh - Sạch - Đẹp");
        plan.put("theme", "Chủ đề thử nghiệm");
        plan.put("hostId", members.get(0));
        plan.put("leaderId", members.get(1));
        plan.put("conferenceDate", year + "-01-10");
        Api.send("POST", g + "/api/competition/rounds", coordinator, plan).orFail("plan");
        open(round, year);

        int total = rate * seconds;
        int motions = (total + k - 1) / k;
        List<String> motionIds = new ArrayList<>();
        for (int m = 0; m < motions; m++) {
            motionIds.add(table(round, Map.of("kind", "NEXT_THEME", "theme", "Chủ đề thử nghiệm số " + (m + 1))));
        }
        System.out.println("  " + round + " open with " + k + " members, " + motions + " motions tabled");

        // Ballots at a fixed rate.
        ConcurrentLinkedQueue<Double> visible = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Double> accepted = new ConcurrentLinkedQueue<>();
        java.util.concurrent.ConcurrentHashMap<String, Long> pending = new java.util.concurrent.ConcurrentHashMap<>();
        List<Map<String, Long>> rssSamples = new ArrayList<>();
        AtomicBoolean loadOn = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (loadOn.get()) {
                try {
                    Thread.sleep(1000);
                    synchronized (rssSamples) {
                        rssSamples.add(Mem.rss());
                    }
                } catch (Exception e) {
                    return;
                }
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(Settings.integer("b6-threads", 32));
        List<Future<?>> futures = new ArrayList<>();
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime() + 200_000_000L;
        sampler.start();
        // One poller reads the round view again and again (every --b6-poll-ms), so that watching adds one reader only;
        // a ballot is visible at the first read whose count for its motion reaches it.
        AtomicBoolean polling = new AtomicBoolean(true);
        String watched = round;
        Thread poller = new Thread(() -> {
            while (polling.get() || !pending.isEmpty()) {
                try {
                    JsonNode view = Api.send("GET", g + "/api/competition/rounds/" + watched, null, null).orFail("round view").json();
                    long now = System.nanoTime();
                    Map<String, Integer> counts = new java.util.HashMap<>();
                    for (JsonNode m : view.path("motions")) {
                        counts.put(m.path("motionId").asText(), m.path("ballots").asInt());
                    }
                    pending.entrySet().removeIf(e -> {
                        String[] key = e.getKey().split("/");
                        if (counts.getOrDefault(key[0], 0) >= Integer.parseInt(key[1])) {
                            visible.add((now - e.getValue()) / 1e6);
                            return true;
                        }
                        return false;
                    });
                    Thread.sleep(pollMs);
                } catch (Exception e) {
                    System.out.println("  poller: " + e);
                    return;
                }
            }
        });
        poller.start();
        for (int i = 0; i < total; i++) {
            long scheduled = start + i * period;
            String motionId = motionIds.get(i / k);
            String ua = members.get(i % k);
            int expected = i % k + 1;
            String votingRound = round;
            futures.add(pool.submit(() -> {
                long wait;
                while ((wait = scheduled - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                Api.send("PUT", g + "/api/competition/rounds/" + votingRound + "/motions/" + motionId + "/ballots/" + ua,
                        delegates.get(ua), Map.of("vote", "APPROVE")).orFail("ballot " + motionId + " " + ua);
                accepted.add((System.nanoTime() - scheduled) / 1e6);
                pending.put(motionId + "/" + expected, scheduled);
                return null;
            }));
        }
        int errors = 0;
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (Exception e) {
                if (errors++ < 3) {
                    System.out.println("  " + e.getCause());
                }
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        polling.set(false);
        poller.join(60_000);
        if (!pending.isEmpty()) {
            System.out.println("  " + pending.size() + " ballots never seen in the round view");
        }
        loadOn.set(false);
        sampler.join();
        pool.shutdown();
        double[] v = visible.stream().mapToDouble(Double::doubleValue).toArray();
        double[] a = accepted.stream().mapToDouble(Double::doubleValue).toArray();
        double vp50 = Api.percentile(v, 50);
        double vp99 = Api.percentile(v, 99);
        double ap50 = Api.percentile(a, 50);
        double ap99 = Api.percentile(a, 99);
        report.limit("B6", "ballot -> visible in GET /rounds/{id}, " + rate + "/s for " + seconds + " s, p99 (ms)", vp99, "ms",
                "PUT ballot answered, p99", ap99, 100, "p99 <= 100 ms");
        report.note(String.format(Locale.ROOT, "B6: %d ballots at %d/s (%.1f s, %d errors) on %d motions of %d members: visible p50 %.1f ms, p99 %.1f ms, max %.1f ms; PUT answered p50 %.1f ms, p99 %.1f ms (one reader, a read every %d ms after the last answer)",
                v.length, rate, elapsed, errors, motions, k, vp50, vp99, v.length == 0 ? Double.NaN : v[v.length - 1], ap50, ap99, pollMs));
        if (!rssSamples.isEmpty()) {
            Map<String, Long> peak = rssSamples.stream().max((x, y) -> Long.compare(
                    x.values().stream().mapToLong(Long::longValue).sum(), y.values().stream().mapToLong(Long::longValue).sum())).get();
            Mem.record(report, "under B6 load (peak of " + rssSamples.size() + " samples)", peak);
        }

        // Rounds concluded -> draft visible.
        double[] drafts = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            if (r == 0) {
                close(round, motionIds.get(0));
                for (String m : motionIds.subList(1, motionIds.size())) {
                    Api.send("POST", g + "/api/competition/rounds/" + round + "/motions/" + m + "/withdrawal", coordinator, null);
                }
            } else {
                open(round, year);
                carry(round, Map.of("kind", "NEXT_THEME", "theme", "Chủ đề năm " + (year + 1)));
            }
            carry(round, Map.of("kind", "NEXT_HOST", "urbanAreaId", members.get((r + 1) % k)));
            long concluded = System.nanoTime();
            Api.send("POST", g + "/api/competition/rounds/" + round + "/conclusion", coordinator, null).orFail("conclusion " + round);
            long deadline = concluded + 60_000_000_000L;
            while (!Api.send("GET", g + "/api/news/drafts?size=100", editor, null).orFail("drafts").body().contains("\"roundId\":\"" + round + "\"")) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no draft for " + round + " within 60 s");
                }
                Thread.sleep(pollMs * 4L);
            }
            drafts[r] = (System.nanoTime() - concluded) / 1e6;
            System.out.printf(Locale.ROOT, "  %s concluded, draft visible after %.0f ms%n", round, drafts[r]);
            year++;
            round = cluster + "-" + year;
        }
        double[] sorted = drafts.clone();
        double d50 = Api.percentile(sorted, 50);
        double dmax = sorted[sorted.length - 1];
        report.note(String.format(Locale.ROOT, "B6: round concluded -> draft in GET /api/news/drafts, %d rounds: p50 %.0f ms, max %.0f ms (%s)",
                rounds, d50, dmax, java.util.Arrays.toString(java.util.Arrays.stream(drafts).map(Math::round).toArray())));
        report.limit("B6", "round concluded -> draft visible, " + rounds + " rounds, max (ms)", dmax, "ms", "p50", d50,
                Double.MAX_VALUE, "reported (no target)");
    }

    private int ballots(String round, String motionId) throws Exception {
        JsonNode view = Api.send("GET", g + "/api/competition/rounds/" + round, null, null).orFail("round view").json();
        for (JsonNode m : view.path("motions")) {
            if (motionId.equals(m.path("motionId").asText())) {
                return m.path("ballots").asInt();
            }
        }
        return 0;
    }

    private void open(String round, int year) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            Api.Response r = Api.send("POST", g + "/api/competition/rounds/" + round + "/opening", coordinator,
                    Map.of("rosterDate", year + "-01-10"));
            if (r.status() < 300 || "round-already-open".equals(r.code())) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("opening " + round + ": " + r.body());
            }
            Thread.sleep(250);
        }
    }

    private String table(String round, Map<String, Object> motion) throws Exception {
        return Api.send("POST", g + "/api/competition/rounds/" + round + "/motions", coordinator, motion)
                .orFail("table " + motion).json().path("motionId").asText();
    }

    private void close(String round, String motionId) throws Exception {
        String state = Api.send("POST", g + "/api/competition/rounds/" + round + "/motions/" + motionId + "/closing", coordinator, null)
                .orFail("closing " + motionId).json().path("state").asText();
        if (!"CARRIED".equals(state)) {
            throw new IllegalStateException(round + " " + motionId + " " + state);
        }
    }

    private void carry(String round, Map<String, Object> motion) throws Exception {
        String motionId = table(round, motion);
        for (String ua : members) {
            Api.send("PUT", g + "/api/competition/rounds/" + round + "/motions/" + motionId + "/ballots/" + ua, delegates.get(ua),
                    Map.of("vote", "APPROVE")).orFail("ballot");
        }
        close(round, motionId);
    }
}
