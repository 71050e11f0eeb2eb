package org.giaoban.benchmarks;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * B5: an authenticated read through the gateway (JWT checked there and again by the service) ÷ the same read sent
 * directly to the service with the same JWT. Closed loop with {@code --b5-clients} clients for {@code --b5-seconds}
 * after a warm-up (saturation, alternating direct / gateway twice, mean of the two); then open loop at half the direct
 * saturation rate, latency from each request's scheduled time (no coordinated omission), p50/p99 both ways.
 * Needs {@code ./giaoban run}; the load generator shares the machine with the system.
 */
final class B5Gateway {

    private final Report report;

    B5Gateway(Report report) {
        this.report = report;
    }

    void run() throws Exception {
        String path = Settings.text("b5-path", "/api/membership/clusters");
        String direct = Settings.text("b5-direct", "http://localhost:8081");
        int clients = Settings.integer("b5-clients", 8);
        int seconds = Settings.integer("b5-seconds", 10);
        int warmup = Settings.integer("b5-warmup", 5);
        String token = Api.token(Settings.text("operator", "operator"), Settings.text("operator-secret", "operator-dev-secret"));
        String viaGateway = Api.gateway() + path;
        String toService = direct + path;
        Api.send("GET", viaGateway, token, null).orFail("GET " + viaGateway);
        Api.send("GET", toService, token, null).orFail("GET " + toService);

        closedLoop(viaGateway, token, clients, warmup);
        closedLoop(toService, token, clients, warmup);
        double d1 = closedLoop(toService, token, clients, seconds);
        double g1 = closedLoop(viaGateway, token, clients, seconds);
        double d2 = closedLoop(toService, token, clients, seconds);
        double g2 = closedLoop(viaGateway, token, clients, seconds);
        double directRate = (d1 + d2) / 2;
        double gatewayRate = (g1 + g2) / 2;
        report.figure("B5", "GET " + path + " via gateway, " + clients + " clients (req/s)", gatewayRate, "req/s",
                "same GET direct to the service, same JWT", directRate, 0.6, ">= 0.6");
        report.note(String.format(Locale.ROOT, "B5: closed loop, %d clients, %d s each after %d s warm-up: direct %.0f / %.0f req/s, gateway %.0f / %.0f req/s",
                clients, seconds, warmup, d1, d2, g1, g2));

        double rate = Math.max(1, directRate / 2);
        openLoop(toService, token, rate, warmup);
        double[] directLatency = openLoop(toService, token, rate, seconds);
        openLoop(viaGateway, token, rate, warmup);
        double[] gatewayLatency = openLoop(viaGateway, token, rate, seconds);
        double dp50 = Api.percentile(directLatency, 50);
        double dp99 = Api.percentile(directLatency, 99);
        double gp50 = Api.percentile(gatewayLatency, 50);
        double gp99 = Api.percentile(gatewayLatency, 99);
        report.limit("B5", String.format(Locale.ROOT, "p99 via gateway at %.0f req/s (open loop, ms)", rate), gp99, "ms",
                "p99 direct at the same rate", dp99, dp99 + 10, "added p99 <= 10 ms");
        report.note(String.format(Locale.ROOT, "B5: open loop at %.0f req/s (half the direct saturation), %d s: p50 %.2f ms via gateway vs %.2f ms direct; p99 %.2f vs %.2f ms (added p99 %.2f ms); %d / %d requests",
                rate, seconds, gp50, dp50, gp99, dp99, gp99 - dp99, gatewayLatency.length, directLatency.length));
        // Half the direct saturation may be beyond what the gateway sustains: the same at half the gateway's saturation.
        double lower = Math.max(1, gatewayRate / 2);
        openLoop(toService, token, lower, warmup);
        double[] directLower = openLoop(toService, token, lower, seconds);
        openLoop(viaGateway, token, lower, warmup);
        double[] gatewayLower = openLoop(viaGateway, token, lower, seconds);
        double lgp99 = Api.percentile(gatewayLower, 99);
        double ldp99 = Api.percentile(directLower, 99);
        report.limit("B5", String.format(Locale.ROOT, "p99 via gateway at %.0f req/s (half the gateway's saturation, ms)", lower), lgp99, "ms",
                "p99 direct at the same rate", ldp99, ldp99 + 10, "added p99 <= 10 ms");
        report.note(String.format(Locale.ROOT, "B5: open loop at %.0f req/s (half the gateway's saturation), %d s: p50 %.2f ms via gateway vs %.2f ms direct; p99 %.2f vs %.2f ms (added p99 %.2f ms)",
                lower, seconds, Api.percentile(gatewayLower, 50), Api.percentile(directLower, 50), lgp99, ldp99, lgp99 - ldp99));
    }

    /** Requests/s completed (status 200) by {@code clients} threads, each sending the next request after the last answer. */
    private static double closedLoop(String url, String token, int clients, int seconds) throws Exception {
        HttpRequest request = Api.request("GET", url, token, null);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        int status = Api.CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
                        (status == 200 ? ok : failed).incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long done = ok.get();
        double elapsed = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        if (failed.get() > 0) {
            System.out.println("  " + url + ": " + failed.get() + " failed requests");
        }
        return done / elapsed;
    }

    /** Latencies (ms) of requests sent at a fixed rate, each measured from its scheduled time. */
    private static double[] openLoop(String url, String token, double rate, int seconds) throws Exception {
        HttpRequest request = Api.request("GET", url, token, null);
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong failed = new AtomicLong();
        long period = (long) (1e9 / rate);
        int n = (int) (rate * seconds);
        long start = System.nanoTime();
        List<java.util.concurrent.CompletableFuture<?>> pending = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long scheduled = start + i * period;
            long wait;
            while ((wait = scheduled - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            pending.add(Api.CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                if (e == null && r.statusCode() == 200) {
                    latencies.add((System.nanoTime() - scheduled) / 1e6);
                } else {
                    failed.incrementAndGet();
                }
            }));
        }
        for (var f : pending) {
            try {
                f.join();
            } catch (Exception ignored) {
                // counted
            }
        }
        if (failed.get() > 0) {
            System.out.println("  " + url + ": " + failed.get() + " failed requests at " + rate + "/s");
        }
        return latencies.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
