package it.familyaudit.workflow.plan;

import java.math.BigDecimal;

/**
 * How an action's progress is measured: a baseline and a target for each plan year (a year the action
 * does not run in has none).
 */
public record Indicator(String name, String unit, BigDecimal baseline, BigDecimal targetYear1,
                        BigDecimal targetYear2, BigDecimal targetYear3) {

    /** Values compare by amount: {@code 2}, {@code 2.0} and {@code 2.00} are one value, whatever wrote them. */
    public Indicator {
        baseline = normal(baseline);
        targetYear1 = normal(targetYear1);
        targetYear2 = normal(targetYear2);
        targetYear3 = normal(targetYear3);
    }

    static BigDecimal normal(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** The target for plan year 1, 2 or 3, or {@code null}. */
    public BigDecimal target(int year) {
        return switch (year) {
            case 1 -> targetYear1;
            case 2 -> targetYear2;
            case 3 -> targetYear3;
            default -> throw new IllegalArgumentException("plan year " + year);
        };
    }

    public boolean hasTarget() {
        return targetYear1 != null || targetYear2 != null || targetYear3 != null;
    }
}
