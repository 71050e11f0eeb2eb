package org.giaoban.gateway.edge;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A {@link TokenBucket} per client key, in memory. Memory stays bounded: buckets that have filled up again (idle
 * clients) are dropped every {@link #SWEEP_INTERVAL_NANOS}, which loses nothing as a new bucket starts full; and when
 * {@code maxClients} keys are held anyway (a flood of distinct clients), idle ones go first and then
 * arbitrary ones, down to nine tenths of the bound, so that the sweep runs rarely.
 */
final class RateLimiter {

    static final long SWEEP_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(30);

    /** @param retryAfterSeconds 0 when allowed, else whole seconds (at least 1) until the client may try again */
    record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final long capacity;
    private final double refillPerSecond;
    private final int maxClients;
    private final LongSupplier nanoClock;
    private final AtomicLong nextSweep;

    RateLimiter(long capacity, double refillPerSecond, int maxClients, LongSupplier nanoClock) {
        this.capacity = capacity;
        this.refillPerSecond = refillPerSecond;
        this.maxClients = maxClients;
        this.nanoClock = nanoClock;
        this.nextSweep = new AtomicLong(nanoClock.getAsLong() + SWEEP_INTERVAL_NANOS);
    }

    Decision take(String key) {
        long now = nanoClock.getAsLong();
        long due = nextSweep.get();
        if (now - due >= 0 && nextSweep.compareAndSet(due, now + SWEEP_INTERVAL_NANOS)) {
            forgetIdle(now);
        }
        TokenBucket bucket = buckets.get(key);
        if (bucket == null) {
            // Room is made before the new client is added, so that its own (full) bucket is not the one forgotten.
            if (buckets.size() >= maxClients) {
                bound(now);
            }
            bucket = buckets.computeIfAbsent(key, k -> new TokenBucket(capacity, refillPerSecond, now));
        }
        long wait = bucket.tryTake(now);
        return wait == 0 ? new Decision(true, 0) : new Decision(false, Math.max(1, ceilSeconds(wait)));
    }

    /** How many clients are remembered. */
    int size() {
        return buckets.size();
    }

    private void forgetIdle(long now) {
        buckets.values().removeIf(bucket -> bucket.isFull(now));
    }

    private synchronized void bound(long now) {
        if (buckets.size() < maxClients) {
            return;
        }
        forgetIdle(now);
        int target = Math.max(1, maxClients - maxClients / 10);
        for (Iterator<TokenBucket> it = buckets.values().iterator(); it.hasNext() && buckets.size() > target; ) {
            it.next();
            it.remove();
        }
    }

    private static long ceilSeconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }
}
