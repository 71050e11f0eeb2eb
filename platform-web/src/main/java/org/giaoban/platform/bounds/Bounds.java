package org.giaoban.platform.bounds;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.giaoban.platform.problem.DomainException;

/**
 * The ranges the domain gives to the dates and numbers callers send, checked at the edge (Bean Validation, see the
 * platform's {@code DomainDate}) and again in the aggregates, so that no command can record a value a read model cannot
 * hold or that costs unbounded work to compute with.
 *
 * <p>Numbers are compared before anything else is done with them: {@link BigDecimal#compareTo} costs the same for
 * {@code 1e-1000000} as for {@code 0.5}, whereas {@code setScale} or {@code toPlainString} on such a value takes seconds
 * or exhausts the heap. Only a value already inside its range is looked at more closely.
 */
public final class Bounds {

    /** The earliest date any record of Giao Ban may carry: before the oldest records of any cluster. */
    public static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
    /** The latest: far enough ahead for any plan, near enough for every database and display. */
    public static final LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);
    public static final String DATE_OUT_OF_RANGE = "date-out-of-range";
    public static final String NUMBER_OUT_OF_RANGE = "number-out-of-range";

    private Bounds() {
    }

    public static boolean within(LocalDate date) {
        return date == null || (!date.isBefore(FIRST_DAY) && !date.isAfter(LAST_DAY));
    }

    /** The date itself, or a refusal naming the field; null passes (whether it is required is the caller's rule). */
    public static LocalDate date(LocalDate date, String field) {
        if (!within(date)) {
            throw DomainException.invalid(DATE_OUT_OF_RANGE, field, field + " must lie between " + FIRST_DAY + " and " + LAST_DAY + ".");
        }
        return date;
    }

    /** A range of decimal numbers: from {@code min} to {@code max}, each end in or out, with at most {@code maxScale} decimals. */
    public record DecimalRange(BigDecimal min, boolean minInclusive, BigDecimal max, boolean maxInclusive, int maxScale) {

        /** Above {@code min}, up to and including {@code max}. */
        public static DecimalRange above(String min, String max, int maxScale) {
            return new DecimalRange(new BigDecimal(min), false, new BigDecimal(max), true, maxScale);
        }

        /** From {@code min} up to {@code max}, both included. */
        public static DecimalRange from(String min, String max, int maxScale) {
            return new DecimalRange(new BigDecimal(min), true, new BigDecimal(max), true, maxScale);
        }

        /** Strictly between {@code min} and {@code max}. */
        public static DecimalRange between(String min, String max, int maxScale) {
            return new DecimalRange(new BigDecimal(min), false, new BigDecimal(max), false, maxScale);
        }

        /** The same range with another upper end, included (a score's range ends at its criterion's maximum). */
        public DecimalRange upTo(BigDecimal newMax) {
            return new DecimalRange(min, minInclusive, newMax, true, maxScale);
        }

        public boolean contains(BigDecimal value) {
            if (value == null) {
                return true;
            }
            int low = value.compareTo(min);
            int high = value.compareTo(max);
            if (low < 0 || (low == 0 && !minInclusive) || high > 0 || (high == 0 && !maxInclusive)) {
                return false;
            }
            // Inside the range the value is small, so dropping trailing zeros is cheap: 0.50 has one decimal place.
            return value.signum() == 0 || value.stripTrailingZeros().scale() <= maxScale;
        }

        public String describe() {
            return (minInclusive ? "from " : "above ") + display(min) + (maxInclusive ? " up to " : " and below ") + display(max)
                    + ", with at most " + maxScale + " decimal places";
        }
    }

    /**
     * The number as people write it ({@code 12.5}), or in scientific notation when that would be long: safe for any
     * value, also one recorded before these bounds existed.
     */
    public static String display(BigDecimal value) {
        if (value == null) {
            return "null";
        }
        long exponent = (long) value.precision() - value.scale();
        return Math.abs(exponent) <= 30 && Math.abs((long) value.scale()) <= 30 ? value.toPlainString() : value.toString();
    }

    /** The number itself, or a refusal naming the field; null passes (whether it is required is the caller's rule). */
    public static BigDecimal decimal(BigDecimal value, DecimalRange range, String field) {
        if (!range.contains(value)) {
            throw DomainException.invalid(NUMBER_OUT_OF_RANGE, field, field + " must lie " + range.describe() + ".");
        }
        return value;
    }
}
