package it.familyaudit.workflow.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import it.familyaudit.workflow.plan.Indicator;
import it.familyaudit.workflow.plan.PlanContent;
import it.familyaudit.workflow.support.PlanSeeds;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Which actions a year's report lists, and which of them count as due. */
class DueActionsTest {

    private static final LocalDate REPORT_DUE = LocalDate.of(2027, 3, 2);

    private static final PlanContent PLAN = new PlanContent(PlanContent.STANDARD_FIELDS, List.of(
            PlanSeeds.action("1.1", "1", "Solo il primo anno", Set.of(1), null, null, List.of(PlanSeeds.indicator("A"))),
            PlanSeeds.action("1.2", "1", "Primo e secondo anno", Set.of(1, 2), null, null, List.of()),
            PlanSeeds.action("2.1", "2", "Secondo anno, scadenza nel primo", Set.of(2), REPORT_DUE, null, List.of()),
            PlanSeeds.action("3.1", "3", "Tre anni", Set.of(1, 2, 3), null, new BigDecimal("900"), List.of())));

    private static List<String> codes(List<ReportedAction> actions) {
        return actions.stream().map(ReportedAction::code).toList();
    }

    @Test
    void theFirstYearListsTheActionsThatRunInItAndCountsThoseEndingInIt() {
        List<ReportedAction> year1 = DueActions.of(PLAN, 1, Map.of(), false, REPORT_DUE);

        assertThat(codes(year1)).containsExactly("1.1", "1.2", "3.1");
        assertThat(year1).filteredOn(ReportedAction::due).extracting(ReportedAction::code).containsExactly("1.1");
        assertThat(year1).noneMatch(ReportedAction::carriedOver);
    }

    @Test
    void anActionWhoseDeadlineHasComeIsDueEvenBeforeItsLastYear() {
        List<ReportedAction> year2 = DueActions.of(PLAN, 2, Map.of("1.1", ActionState.DONE), false,
                REPORT_DUE.plusYears(1));

        assertThat(year2).filteredOn(a -> a.code().equals("2.1")).singleElement().matches(ReportedAction::due);
        assertThat(year2).filteredOn(a -> a.code().equals("3.1")).singleElement().matches(a -> !a.due());
    }

    @Test
    void anEarlierYearsActionNotDoneIsCarriedOverAndDue() {
        List<ReportedAction> year2 = DueActions.of(PLAN, 2, Map.of("1.1", ActionState.RESCHEDULED), false,
                REPORT_DUE.plusYears(1));

        assertThat(codes(year2)).containsExactly("1.1", "1.2", "2.1", "3.1");
        assertThat(year2.get(0).carriedOver()).isTrue();
        assertThat(year2.get(0).due()).isTrue();
        // Its indicator keeps the target of its own last year
        assertThat(year2.get(0).indicators().get(0).target()).isEqualByComparingTo("20");
    }

    @Test
    void anActionDoneOrCancelledIsNotCarriedOver() {
        assertThat(codes(DueActions.of(PLAN, 2, Map.of("1.1", ActionState.DONE), false, REPORT_DUE)))
                .doesNotContain("1.1");
        assertThat(codes(DueActions.of(PLAN, 3, Map.of("1.1", ActionState.CANCELLED, "1.2", ActionState.DONE,
                "2.1", ActionState.DONE), false, REPORT_DUE))).containsExactly("3.1");
    }

    @Test
    void aPlanFromAnEarlierCycleIsReportedWholeEveryActionDue() {
        List<ReportedAction> maintenance = DueActions.of(PLAN, 1, Map.of(), true, REPORT_DUE);

        assertThat(codes(maintenance)).containsExactly("1.1", "1.2", "2.1", "3.1");
        assertThat(maintenance).allMatch(ReportedAction::due).noneMatch(ReportedAction::carriedOver);
    }

    @Test
    void indicatorsMeetTheirTargetUpwardsOrDownwards() {
        IndicatorValue more = new IndicatorValue(1, "Dipendenti in lavoro agile", "n.", new BigDecimal("10"),
                new BigDecimal("20"), new BigDecimal("20"));
        IndicatorValue fewer = new IndicatorValue(2, "Ore di straordinario", "h", new BigDecimal("500"),
                new BigDecimal("300"), new BigDecimal("320"));
        IndicatorValue unmeasured = new IndicatorValue(3, "Nuovo", "n.", null, new BigDecimal("5"), null);

        assertThat(more.reached()).isTrue();
        assertThat(fewer.reached()).isFalse();
        assertThat(unmeasured.reached()).isNull();
    }

    @Test
    void theSharesCountOnlyDueActions() {
        List<ReportedAction> reported = List.of(
                action(true, ActionState.DONE, null), action(true, ActionState.IN_PROGRESS, null),
                action(true, ActionState.RESCHEDULED, "Cambio di giunta"), action(true, ActionState.NOT_STARTED, "Fondi"),
                action(false, ActionState.NOT_STARTED, null));

        MonitoringRounds.Shares shares = MonitoringRounds.Shares.of(reported);

        assertThat(shares.dueCount()).isEqualTo(4);
        assertThat(shares.done()).isEqualByComparingTo("0.25");
        assertThat(shares.lateUnexplained()).isEqualByComparingTo("0.25");
        assertThat(MonitoringRounds.Shares.of(List.of()).done()).isEqualByComparingTo("1");
    }

    private static ReportedAction action(boolean due, ActionState state, String reason) {
        return new ReportedAction("x", "x", "1", new TreeSet<>(Set.of(1)), null, null, false, due, state,
                reason, null, List.of());
    }

    @Test
    void anIndicatorMeasuredOnlyInSomeYearsIsReportedOnlyThenAndKeepsItsNumber() {
        Indicator everyYear = new Indicator("Ore di formazione", "h", null, BigDecimal.ONE, new BigDecimal("2"),
                BigDecimal.TEN);
        Indicator lastYear = new Indicator("Benessere percepito", "%", new BigDecimal("40"), null, null,
                new BigDecimal("60"), new TreeSet<>(List.of(3)));
        PlanContent plan = new PlanContent(PlanContent.STANDARD_FIELDS, List.of(PlanSeeds.action("1.1", "1", "Tre anni",
                Set.of(1, 2, 3), null, null, List.of(everyYear, lastYear))));

        List<IndicatorValue> year1 = DueActions.of(plan, 1, Map.of(), false, REPORT_DUE).get(0).indicators();
        List<IndicatorValue> year3 = DueActions.of(plan, 3, Map.of(), false, REPORT_DUE.plusYears(2)).get(0)
                .indicators();
        List<IndicatorValue> wholePlan = DueActions.of(plan, 1, Map.of(), true, REPORT_DUE).get(0).indicators();

        assertThat(year1).extracting(IndicatorValue::indicatorNo, IndicatorValue::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "Ore di formazione"));
        assertThat(year3).extracting(IndicatorValue::indicatorNo).containsExactly(1, 2);
        assertThat(year3.get(1).target()).isEqualByComparingTo("60");
        assertThat(wholePlan).hasSize(2);
    }
}
