package it.familyaudit.workflow.monitoring;

import it.familyaudit.workflow.plan.Indicator;
import it.familyaudit.workflow.plan.PlanAction;
import it.familyaudit.workflow.plan.PlanContent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which actions of the plan a round reports on. In plan year N: every action that runs in year N, and
 * every action of earlier years that no earlier report called done or cancelled (carried over). An
 * action is <em>due</em>, and counts in the shares the decision table reads, when it should be finished
 * by this report: its last plan year is N or earlier, or its deadline falls on or before the report's
 * due date. An indicator is measured in the years it names (every year its action runs if it names none),
 * and in the report that closes its action (carried over). A plan from an earlier cycle (a maintenance keeps the level reached) is reported whole, every
 * action due.
 */
final class DueActions {

    private DueActions() {
    }

    /**
     * @param lastStates  the state each action had in the latest earlier report of this cycle that named it
     */
    static List<ReportedAction> of(PlanContent plan, int year, Map<String, ActionState> lastStates, boolean wholePlan,
                                   LocalDate reportDue) {
        List<ReportedAction> reported = new ArrayList<>();
        for (PlanAction a : plan.actions()) {
            if (a.years().isEmpty()) {
                continue;
            }
            boolean runsNow = a.runsIn(year);
            boolean earlier = a.years().last() < year;
            ActionState last = lastStates.get(a.code());
            boolean carriedOver = !wholePlan && !runsNow && earlier && (last == null || !last.closed());
            if (!wholePlan && !runsNow && !carriedOver) {
                continue;
            }
            boolean due = wholePlan || a.years().last() <= year
                    || (a.deadline() != null && !a.deadline().isAfter(reportDue));
            // The year's target; for an action carried over, or kept from an earlier cycle, its final one.
            int targetYear = wholePlan ? a.years().last() : Math.min(year, a.years().last());
            List<IndicatorValue> indicators = new ArrayList<>();
            for (int i = 0; i < a.indicators().size(); i++) {
                Indicator k = a.indicators().get(i);
                if (runsNow && !wholePlan && !k.measuredIn(year, a)) {
                    continue; // measured in other plan years only; it keeps its number
                }
                indicators.add(new IndicatorValue(i + 1, k.name(), k.unit(), k.baseline(), target(k, targetYear), null));
            }
            reported.add(new ReportedAction(a.code(), a.title(), a.fieldCode(), a.years(), a.deadline(), a.budget(),
                    carriedOver, due, null, null, null, indicators));
        }
        return reported;
    }

    /** The target of the year, or else of the latest plan year before it that has one (the final target). */
    static BigDecimal target(Indicator k, int year) {
        for (int y = Math.min(year, 3); y >= 1; y--) {
            if (k.target(y) != null) {
                return k.target(y);
            }
        }
        return null;
    }
}
