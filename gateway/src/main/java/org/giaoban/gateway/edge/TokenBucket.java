package org.giaoban.gateway.edge;

/**
 * A token bucket: holds at most {@code capacity} tokens, gains {@code refillPerSecond} tokens a second, and each
 * request takes one. Time is given by the caller (nanoseconds from any fixed origin, as {@link System#nanoTime()}),
 * so the bucket is pure and testable without waiting.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double capacity;
    private final double refillPerNano;
    private double tokens;
    private long updatedAt;

    TokenBucket(long capacity, double refillPerSecond, long now) {
        if (capacity < 1 || !(refillPerSecond > 0)) {
            throw new IllegalArgumentException("capacity must be at least 1 and refill above 0");
        }
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / NANOS_PER_SECOND;
        this.tokens = capacity;
        this.updatedAt = now;
    }

    /** Takes a token if there is one: answers 0, else how many nanoseconds until there will be one. */
    synchronized long tryTake(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / refillPerNano));
    }

    /** Full again: the client has been idle long enough that forgetting the bucket loses nothing. */
    synchronized boolean isFull(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        long elapsed = now - updatedAt;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * refillPerNano);
            updatedAt = now;
        }
    }
}
