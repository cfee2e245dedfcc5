package it.familyaudit.workflow.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The decision table {@code bpmn/monitoring-outcome.dmn}, rule by rule: of the actions due by the report,
 * the share done and the share late without a reason, and whether the report came in on time.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "bpmn/monitoring-outcome.dmn")
class MonitoringOutcomeDecisionTest {

    /** Injected by {@link ProcessEngineExtension}. */
    ProcessEngine engine;

    @ParameterizedTest(name = "done {0}, late without reason {1}, on time {2} -> {3}")
    @CsvSource({
            // More than half of the due actions late without a reason: revocation, whatever else
            "1.0,  0.51, true,  propose-revocation",
            "0.1,  1.0,  false, propose-revocation",
            // Less than 30% done (and at most half late without a reason): revocation
            "0.29, 0.5,  true,  propose-revocation",
            "0.0,  0.0,  true,  propose-revocation",
            // At least 80% done, nothing late without a reason, report on time: confirm
            "0.8,  0.0,  true,  confirm",
            "1.0,  0.0,  true,  confirm",
            // The same with the report late: confirm with remarks
            "0.8,  0.0,  false, confirm-with-remarks",
            "1.0,  0.0,  false, confirm-with-remarks",
            // 30% to 80% done, nothing late without a reason: confirm with remarks
            "0.3,  0.0,  true,  confirm-with-remarks",
            "0.79, 0.0,  false, confirm-with-remarks",
            // At least 30% done, up to half late without a reason: confirm with remarks
            "0.9,  0.05, true,  confirm-with-remarks",
            "0.3,  0.5,  false, confirm-with-remarks"})
    void eachRuleRecommendsItsOutcome(double done, double late, boolean onTime, String expected) {
        // Given a report with these figures
        // When the table is evaluated
        DmnDecisionResult result = evaluate(done, late, onTime);

        // Then exactly one rule matches, with its recommendation and a reason for the council
        assertThat(result).hasSize(1);
        assertThat(result.getSingleResult().<String>getEntry("recommendation")).isEqualTo(expected);
        assertThat(result.getSingleResult().<String>getEntry("reason")).isNotBlank();
    }

    @Test
    void aYearWithNoActionDueIsConfirmedWhenTheReportIsOnTime() {
        // Given a report with no due action: the shares are 1 done and 0 late
        // When the table is evaluated
        DmnDecisionResult result = evaluate(1.0, 0.0, true);

        // Then the recommendation is to confirm
        assertThat(result.getSingleResult().<String>getEntry("recommendation")).isEqualTo("confirm");
    }

    @Test
    void everyCombinationOnAFineGridMatchesExactlyOneRule() {
        // Given every share from 0 to 1 in steps of 0.05, both ways the report may have come in
        for (int d = 0; d <= 20; d++) {
            for (int l = 0; l <= 20; l++) {
                for (boolean onTime : new boolean[] {true, false}) {
                    // When the table is evaluated, then one rule and only one matches (UNIQUE would fail otherwise)
                    assertThat(evaluate(d / 20.0, l / 20.0, onTime)).as("done %s, late %s, on time %s", d / 20.0,
                            l / 20.0, onTime).hasSize(1);
                }
            }
        }
    }

    private DmnDecisionResult evaluate(double done, double late, boolean onTime) {
        return engine.getDecisionService().evaluateDecisionByKey(MonitoringProcess.OUTCOME_DECISION)
                .variables(Variables.createVariables().putValue("doneShare", done)
                        .putValue("lateUnexplainedShare", late).putValue("reportOnTime", onTime))
                .evaluate();
    }
}
