package it.familyaudit.workflow.monitoring;

import java.math.BigDecimal;

/**
 * An indicator of a reported action: the plan's baseline and the target for the round's year, and the
 * value the report measured ({@code null} until reported).
 */
public record IndicatorValue(int indicatorNo, String name, String unit, BigDecimal baseline, BigDecimal target,
                             BigDecimal measured) {

    /**
     * Whether the measured value meets the target. A target below the baseline is a reduction to reach
     * (fewer overtime hours, say): met at or below it; otherwise at or above it. Empty without both values.
     */
    public Boolean reached() {
        if (measured == null || target == null) {
            return null;
        }
        boolean reduction = baseline != null && target.compareTo(baseline) < 0;
        return reduction ? measured.compareTo(target) <= 0 : measured.compareTo(target) >= 0;
    }
}
