package it.familyaudit.workflow.plan;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * How an action's progress is measured: a baseline and a target for each plan year (a year the action
 * does not run in has none). {@code years} are the plan years it is measured in; empty means every year
 * its action runs, as most indicators are (a survey repeated only in year 3 is the kind that names them).
 */
public record Indicator(String name, String unit, BigDecimal baseline, BigDecimal targetYear1,
                        BigDecimal targetYear2, BigDecimal targetYear3, SortedSet<Integer> years) {

    /** Values compare by amount: {@code 2}, {@code 2.0} and {@code 2.00} are one value, whatever wrote them. */
    public Indicator {
        baseline = normal(baseline);
        targetYear1 = normal(targetYear1);
        targetYear2 = normal(targetYear2);
        targetYear3 = normal(targetYear3);
        years = years == null ? Collections.emptySortedSet() : Collections.unmodifiableSortedSet(new TreeSet<>(years));
    }

    /** An indicator measured every year its action runs. */
    public Indicator(String name, String unit, BigDecimal baseline, BigDecimal targetYear1, BigDecimal targetYear2,
                     BigDecimal targetYear3) {
        this(name, unit, baseline, targetYear1, targetYear2, targetYear3, null);
    }

    /** The plan years it is measured in: its own, or else its action's. */
    public SortedSet<Integer> measuredYears(PlanAction action) {
        return years.isEmpty() ? action.years() : years;
    }

    /** Whether a monitoring report of plan year {@code year} measures it. */
    public boolean measuredIn(int year, PlanAction action) {
        return years.isEmpty() ? action.runsIn(year) : years.contains(year);
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
