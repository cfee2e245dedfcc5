package it.familyaudit.workflow.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;

/**
 * An action a round reports on, with what the report says of it (state and reason are empty until the
 * referent compiles the report).
 *
 * @param carriedOver  an action of an earlier plan year, not yet done
 * @param due          counts in the shares: it should be finished by this report (its last plan year, or
 *                     its deadline, has come)
 */
public record ReportedAction(String code, String title, String fieldCode, SortedSet<Integer> planYears,
                             LocalDate deadline, BigDecimal budget, boolean carriedOver, boolean due,
                             ActionState state, String reason, LocalDate newDeadline, List<IndicatorValue> indicators) {

    public ReportedAction {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }

    /** Due and not done, with nothing said about why (rescheduled and cancelled always carry a reason). */
    public boolean lateWithoutReason() {
        return due && state != null && state != ActionState.DONE && (reason == null || reason.isBlank());
    }
}
