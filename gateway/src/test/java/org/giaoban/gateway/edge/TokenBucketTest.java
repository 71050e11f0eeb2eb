package org.giaoban.gateway.edge;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenBucketTest {

    static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    static final long T0 = 123_456_789L;

    @Test
    void startsFullAndRefusesOnceEmptySayingHowLongToWait() {
        TokenBucket bucket = new TokenBucket(3, 2, T0);
        assertThat(bucket.tryTake(T0)).isZero();
        assertThat(bucket.tryTake(T0)).isZero();
        assertThat(bucket.tryTake(T0)).isZero();
        // Two tokens a second: the next one in half a second.
        assertThat(bucket.tryTake(T0)).isEqualTo(SECOND / 2);
        assertThat(bucket.tryTake(T0 + SECOND / 4)).isEqualTo(SECOND / 4);
    }

    @Test
    void refillsWithTimeButNeverBeyondItsCapacity() {
        TokenBucket bucket = new TokenBucket(2, 1, T0);
        bucket.tryTake(T0);
        bucket.tryTake(T0);
        assertThat(bucket.tryTake(T0 + SECOND)).isZero();
        assertThat(bucket.tryTake(T0 + SECOND)).isPositive();

        long muchLater = T0 + 3600 * SECOND;
        assertThat(bucket.tryTake(muchLater)).isZero();
        assertThat(bucket.tryTake(muchLater)).isZero();
        assertThat(bucket.tryTake(muchLater)).isPositive();
    }

    @Test
    void aRefusalCostsNothing() {
        TokenBucket bucket = new TokenBucket(1, 1, T0);
        bucket.tryTake(T0);
        for (int i = 0; i < 100; i++) {
            assertThat(bucket.tryTake(T0 + i)).isPositive();
        }
        assertThat(bucket.tryTake(T0 + SECOND)).isZero();
    }

    @Test
    void isFullOnlyOnceItHasRefilledCompletely() {
        TokenBucket bucket = new TokenBucket(10, 5, T0);
        assertThat(bucket.isFull(T0)).isTrue();
        bucket.tryTake(T0);
        assertThat(bucket.isFull(T0 + SECOND / 10)).isFalse();
        assertThat(bucket.isFull(T0 + SECOND / 5)).isTrue();
    }

    @Test
    void fractionalRatesWaitLong() {
        TokenBucket bucket = new TokenBucket(1, 0.01, T0);
        bucket.tryTake(T0);
        assertThat(bucket.tryTake(T0)).isEqualTo(100 * SECOND);
    }

    @Test
    void aClockGoingBackwardsGivesNothing() {
        TokenBucket bucket = new TokenBucket(1, 1, T0);
        bucket.tryTake(T0);
        assertThat(bucket.tryTake(T0 - 10 * SECOND)).isPositive();
        assertThat(bucket.tryTake(T0 + SECOND)).isZero();
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, 0, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, Double.NaN, T0)).isInstanceOf(IllegalArgumentException.class);
    }
}
