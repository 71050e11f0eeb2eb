package org.giaoban.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written reading of stored timestamps gives exactly what Axon's parser gives, or defers to it. */
class StoredTimestampsTest {

    private static final long YEAR_1 = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
    private static final long YEAR_9999 = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    @Test
    void readsWhatAxonWritesAsAxonReadsIt() {
        SplittableRandom random = new SplittableRandom(20261129);
        for (int i = 0; i < 200_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(YEAR_1, YEAR_9999), random.nextInt(1_000_000_000));
            String written = DateTimeUtils.formatInstant(instant);
            assertThat(StoredTimestamps.utc(written)).as(written).isNotNull().isEqualTo(DateTimeUtils.parseInstant(written));
            // Instant.toString: no fraction, or 3, 6 or 9 digits.
            String iso = instant.toString();
            assertThat(StoredTimestamps.parse(iso)).as(iso).isEqualTo(DateTimeUtils.parseInstant(iso));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-29T23:59:59Z", "2023-09-24T08:00:00.1Z", "2023-09-24T08:00:00.123456789Z",
            "0000-01-01T00:00:00.000Z", "1970-01-01T00:00:00.000Z", "1969-12-31T23:59:59.999Z"})
    void readsEdgeValuesOfTheLayoutItself(String text) {
        assertThat(StoredTimestamps.utc(text)).isNotNull().isEqualTo(DateTimeUtils.parseInstant(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-09-24T15:00:00+07:00", "2023-09-24t08:00:00z", "2023-09-24T08:00Z",
            "+10000-01-01T00:00:00Z", "2023-09-24T08:00:00.Z"})
    void leavesOtherLayoutsToAxon(String text) {
        assertThat(StoredTimestamps.utc(text)).isNull();
        assertThat(StoredTimestamps.parse(text)).isEqualTo(DateTimeUtils.parseInstant(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29T08:00:00Z", "2023-13-01T08:00:00Z", "2023-09-24T24:00:00Z", "2023-09-24T08:60:00Z",
            "2023-09-24T08:00:60Z", "2023-09-24T08:00:00.1234567890Z", "2023-09-2xT08:00:00Z", "2023-09-24 08:00:00Z",
            "not a time at all, but long enough"})
    void refusesWhatAxonRefuses(String text) {
        assertThat(StoredTimestamps.utc(text)).isNull();
        assertThatThrownBy(() -> DateTimeUtils.parseInstant(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> StoredTimestamps.parse(text)).isInstanceOf(DateTimeParseException.class);
    }
}
