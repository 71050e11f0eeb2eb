package org.giaoban.platform.eventstore;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.common.DateTimeUtils;

/**
 * Reads the {@code time_stamp} text of a stored event. Axon writes it as {@code yyyy-MM-ddTHH:mm:ss.SSSZ} and parses
 * it back with {@code DateTimeFormatter.ISO_OFFSET_DATE_TIME} on every read, which took about a third of a
 * processor's time per event in a replay (docs/benchmarks, B3). That one layout (with 0 to 9 fraction digits) is
 * read here by hand; any other text goes to Axon's parser, so the result is always the same as Axon's.
 */
public final class StoredTimestamps {

    private StoredTimestamps() {
    }

    public static Instant parse(CharSequence text) {
        Instant fast = utc(text);
        return fast != null ? fast : DateTimeUtils.parseInstant(text);
    }

    /** The instant of {@code yyyy-MM-ddTHH:mm:ss[.f]Z}, or null when the text has any other shape. */
    static Instant utc(CharSequence s) {
        int n = s.length();
        if (n < 20 || n > 30 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            int fraction = n - 21; // between '.' and 'Z'
            if (s.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            nanos = digits(s, 20, n - 1);
            if (nanos < 0) {
                return null;
            }
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException invalidDate) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal value of s[from, to), or -1 when a character is not an ASCII digit. */
    private static int digits(CharSequence s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }
}
