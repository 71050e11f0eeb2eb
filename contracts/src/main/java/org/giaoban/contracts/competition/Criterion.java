package org.giaoban.contracts.competition;

import java.math.BigDecimal;

/** A scoring criterion (tiêu chí chấm điểm) of a round, with the most points a participant can get for it. */
public record Criterion(String name, BigDecimal maxPoints) {
}
