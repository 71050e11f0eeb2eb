package org.giaoban.gateway.edge;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    final AtomicLong now = new AtomicLong(42);

    @Test
    void eachClientHasItsOwnBucket() {
        RateLimiter limiter = new RateLimiter(2, 1, 1000, now::get);
        assertThat(limiter.take("sub:a").allowed()).isTrue();
        assertThat(limiter.take("sub:a").allowed()).isTrue();
        assertThat(limiter.take("sub:a")).isEqualTo(new RateLimiter.Decision(false, 1));
        assertThat(limiter.take("sub:b").allowed()).isTrue();
        assertThat(limiter.take("addr:127.0.0.1").allowed()).isTrue();
    }

    @Test
    void retryAfterIsInWholeSecondsRoundedUp() {
        RateLimiter limiter = new RateLimiter(1, 0.4, 1000, now::get);
        limiter.take("a");
        // 2.5 s until the next token.
        assertThat(limiter.take("a").retryAfterSeconds()).isEqualTo(3);
        now.addAndGet(2 * SECOND);
        assertThat(limiter.take("a").retryAfterSeconds()).isEqualTo(1);
        now.addAndGet(SECOND / 2);
        assertThat(limiter.take("a").allowed()).isTrue();
    }

    @Test
    void idleClientsAreForgottenAtTheNextSweep() {
        RateLimiter limiter = new RateLimiter(10, 10, 1000, now::get);
        limiter.take("idle");
        now.addAndGet(RateLimiter.SWEEP_INTERVAL_NANOS - SECOND);
        for (int i = 0; i < 10; i++) {
            limiter.take("busy");
        }
        assertThat(limiter.size()).isEqualTo(2);

        now.addAndGet(SECOND);
        limiter.take("busy");
        // "idle" refilled long ago: dropped. "busy" is not full: kept.
        assertThat(limiter.size()).isEqualTo(1);
        // A forgotten client comes back with a full bucket, as it would have had.
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.take("idle").allowed()).isTrue();
        }
        assertThat(limiter.take("idle").allowed()).isFalse();
    }

    @Test
    void aFloodOfClientsIsBounded() {
        RateLimiter limiter = new RateLimiter(5, 1, 100, now::get);
        for (int i = 0; i < 10_000; i++) {
            limiter.take("addr:10.0." + (i / 256) + "." + (i % 256));
            assertThat(limiter.size()).isLessThanOrEqualTo(100);
        }
    }

    @Test
    void boundingForgetsIdleClientsBeforeBusyOnes() {
        RateLimiter limiter = new RateLimiter(2, 1, 10, now::get);
        for (int i = 0; i < 6; i++) {
            limiter.take("idle-" + i);
        }
        now.addAndGet(2 * SECOND);
        for (int i = 0; i < 5; i++) {
            limiter.take("busy-" + i);
            limiter.take("busy-" + i);
        }
        // The tenth client made room: the six idle ones, full again, were forgotten; no busy one was.
        assertThat(limiter.size()).isEqualTo(5);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.take("busy-" + i).allowed()).as("busy-%d remembered", i).isFalse();
        }
    }
}
