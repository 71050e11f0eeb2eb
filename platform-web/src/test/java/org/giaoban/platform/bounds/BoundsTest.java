package org.giaoban.platform.bounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.giaoban.platform.bounds.Bounds.DecimalRange;
import org.giaoban.platform.problem.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BoundsTest {

    private static final DecimalRange POINTS = DecimalRange.above("0", "1000", 2);
    private static final DecimalRange SHARE = DecimalRange.between("0", "1", 4);

    @ParameterizedTest(name = "{0} in (0, 1000] with 2 decimals: {1}")
    @CsvSource({"1000, true", "1000.00, true", "0.01, true", "12.50000, true", "1E+3, true", "0, false", "-0.01, false",
            "1000.01, false", "0.001, false", "1e200000, false", "1e999999999, false", "1e-1000000, false", "-1e200000, false"})
    void aRangeHasItsEndsAndItsPrecision(String value, boolean inside) {
        assertThat(POINTS.contains(new BigDecimal(value))).isEqualTo(inside);
    }

    @ParameterizedTest(name = "{0} in (0, 1) with 4 decimals: {1}")
    @CsvSource({"0.5, true", "0.9999, true", "0.0001, true", "1, false", "0, false", "0.66667, false"})
    void openEndsAreLeftOut(String value, boolean inside) {
        assertThat(SHARE.contains(new BigDecimal(value))).isEqualTo(inside);
    }

    @Test
    void aRefusalNamesTheFieldAndCodesTheProblem() {
        assertThatThrownBy(() -> Bounds.decimal(new BigDecimal("1e200000"), POINTS, "maxPoints"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(Bounds.NUMBER_OUT_OF_RANGE);
                    assertThat(e.field()).isEqualTo("maxPoints");
                    assertThat(e.getMessage()).isEqualTo("maxPoints must lie above 0 up to 1000, with at most 2 decimal places.");
                });
        assertThatThrownBy(() -> Bounds.date(LocalDate.parse("+10000000-01-01"), "effectiveFrom"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(Bounds.DATE_OUT_OF_RANGE);
                    assertThat(e.field()).isEqualTo("effectiveFrom");
                });
    }

    @Test
    void datesFrom1900To2100() {
        assertThat(Bounds.within(LocalDate.of(1900, 1, 1))).isTrue();
        assertThat(Bounds.within(LocalDate.of(2100, 12, 31))).isTrue();
        assertThat(Bounds.within(LocalDate.of(1899, 12, 31))).isFalse();
        assertThat(Bounds.within(LocalDate.of(2101, 1, 1))).isFalse();
        assertThat(Bounds.within(null)).isTrue();
    }

    /** A number recorded before the bounds existed is shown without writing out a billion digits. */
    @Test
    void anyNumberIsDisplayedCheaply() {
        assertThat(Bounds.display(new BigDecimal("12.50"))).isEqualTo("12.50");
        assertThat(Bounds.display(new BigDecimal("1e999999999"))).isEqualTo("1E+999999999");
        assertThat(Bounds.display(new BigDecimal("1e-1000000"))).isEqualTo("1E-1000000");
    }
}
