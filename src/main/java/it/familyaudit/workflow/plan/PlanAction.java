package it.familyaudit.workflow.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One action of the plan. {@code code} is unique in its version ({@code 1.1}, {@code 4.2.1}); {@code years}
 * holds the plan years (1, 2, 3) it runs in; a {@code null} budget means no cost (internal resources).
 * {@code findingRef} cites a questionnaire finding, {@code ptapRef} a PTAP/PIAO objective.
 */
public record PlanAction(String code, String fieldCode, String title, String description, String objective,
                         String activities, String owner, String actors, String recipients,
                         SortedSet<Integer> years, LocalDate deadline, BigDecimal budget, String fundingLine,
                         String findingRef, String ptapRef, List<Indicator> indicators) {

    /** Callers validate first: a budget with more than two decimals is refused here, never rounded. */
    public PlanAction {
        years = years == null ? new TreeSet<>() : Collections.unmodifiableSortedSet(new TreeSet<>(years));
        // Euro amounts carry cents, so 1500 and 1500.00 are the same budget.
        budget = budget == null ? null : budget.setScale(2, RoundingMode.UNNECESSARY);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }

    public boolean runsIn(int year) {
        return years.contains(year);
    }
}
