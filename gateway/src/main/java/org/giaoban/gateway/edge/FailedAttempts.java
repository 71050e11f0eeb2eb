package org.giaoban.gateway.edge;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Consecutive failures per key (a client id, an address) and the lock they earned: see
 * {@link EdgeProperties.TokenLockout}. In memory, per gateway instance, bounded (Caffeine: at most {@code maxKeys}, and
 * forgotten {@code forgetAfter} after their last failure). Time is given by the caller's clock, in nanoseconds.
 */
final class FailedAttempts {

    private record Failures(int count, long lockedUntil) {
    }

    private final Cache<String, Failures> failures;
    private final long firstLockNanos;
    private final long longestLockNanos;
    private final LongSupplier nanoClock;

    FailedAttempts(EdgeProperties.TokenLockout settings, LongSupplier nanoClock) {
        this.firstLockNanos = settings.firstLock().toNanos();
        this.longestLockNanos = settings.longestLock().toNanos();
        this.nanoClock = nanoClock;
        this.failures = Caffeine.newBuilder()
                .maximumSize(settings.maxKeys())
                .expireAfterWrite(settings.forgetAfter())
                .ticker(nanoClock::getAsLong)
                .build();
    }

    /** How long {@code key} stays locked (zero: not locked). */
    Duration lockedFor(String key) {
        Failures known = failures.getIfPresent(key);
        long left = known == null ? 0 : known.lockedUntil() - nanoClock.getAsLong();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    /**
     * Counts a failure of {@code key}; from the {@code free}-th on it locks the key, twice as long each time up to the
     * longest lock. Answers the lock it set (zero: none).
     */
    Duration failed(String key, int free) {
        long now = nanoClock.getAsLong();
        Failures counted = failures.asMap().compute(key, (k, known) -> {
            int count = known == null ? 1 : known.count() + 1;
            if (count < free) {
                return new Failures(count, 0);
            }
            int doublings = Math.min(count - free, 40);
            long lock = doublings >= Long.numberOfLeadingZeros(firstLockNanos) - 1
                    ? longestLockNanos : Math.min(firstLockNanos << doublings, longestLockNanos);
            return new Failures(count, now + lock);
        });
        long lock = counted.lockedUntil() - now;
        return lock > 0 ? Duration.ofNanos(lock) : Duration.ZERO;
    }

    /** The key proved itself: its failures are forgotten. */
    void succeeded(String key) {
        failures.invalidate(key);
    }

    static long seconds(Duration wait) {
        return Math.max(1, (wait.toNanos() + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
    }
}
