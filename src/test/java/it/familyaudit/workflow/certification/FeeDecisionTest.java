package it.familyaudit.workflow.certification;

import static it.familyaudit.workflow.certification.CertificationProcess.EMPLOYEES_INVOLVED;
import static it.familyaudit.workflow.certification.CertificationProcess.FEE_AMOUNT;
import static it.familyaudit.workflow.certification.CertificationProcess.FEE_DECISION;
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

/** The fee table {@code bpmn/family-audit-fee.dmn}: up to 15 employees 100 €, 16 to 100 400 €, over 100 1000 €. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "bpmn/family-audit-fee.dmn")
class FeeDecisionTest {

    /** Injected by {@link ProcessEngineExtension}. */
    ProcessEngine engine;

    @ParameterizedTest(name = "{0} employees involved -> {1} €")
    @CsvSource({
            "1, 100",
            "15, 100",
            "16, 400",
            "100, 400",
            "101, 1000",
            "5000, 1000"})
    void feeDependsOnTheEmployeesInvolved(long employeesInvolved, long expectedFee) {
        // Given an application for the given number of employees (a Long, as the process keeps it)
        // When the fee table is evaluated
        DmnDecisionResult result = evaluate(employeesInvolved);

        // Then exactly one rule matches, giving the fee
        assertThat(result).hasSize(1);
        Object fee = result.getSingleResult().getSingleEntry();
        assertThat(fee).isInstanceOf(Integer.class);
        assertThat(((Number) fee).longValue()).isEqualTo(expectedFee);
        assertThat(result.getSingleResult().getEntryMap()).containsOnlyKeys(FEE_AMOUNT);
    }

    @ParameterizedTest(name = "{0} employees involved -> {1} €")
    @CsvSource({"0, 100", "-3, 100"})
    void zeroOrNegativeEmployeesFallInTheSmallestBand(long employeesInvolved, long expectedFee) {
        // Given an impossible head count (the application form requires at least 1; the table's first rule is
        // "<= 15", open below)
        // When the fee table is evaluated
        DmnDecisionResult result = evaluate(employeesInvolved);

        // Then it still answers with the smallest fee rather than failing
        assertThat(((Number) result.getSingleResult().getSingleEntry()).longValue()).isEqualTo(expectedFee);
    }

    @Test
    void integerInputGivesTheSameFeeAsLong() {
        // Given the head count as an Integer (as a number field may be submitted)
        // When the fee table is evaluated
        DmnDecisionResult result = engine.getDecisionService().evaluateDecisionByKey(FEE_DECISION)
                .variables(Variables.createVariables().putValue(EMPLOYEES_INVOLVED, 16))
                .evaluate();

        // Then the result is the same as for the Long 16
        assertThat(((Number) result.getSingleResult().getSingleEntry()).longValue()).isEqualTo(400L);
    }

    @Test
    void missingHeadCountMatchesNoRule() {
        // Given no head count at all
        // When the fee table is evaluated
        DmnDecisionResult result = engine.getDecisionService().evaluateDecisionByKey(FEE_DECISION)
                .variables(Variables.createVariables().putValue(EMPLOYEES_INVOLVED, null))
                .evaluate();

        // Then no rule matches: a process reaching ComputeFeeTask this way would store feeAmount = null
        assertThat(result).isEmpty();
        assertThat(result.getSingleResult()).isNull();
    }

    private DmnDecisionResult evaluate(long employeesInvolved) {
        return engine.getDecisionService().evaluateDecisionByKey(FEE_DECISION)
                .variables(Variables.createVariables().putValue(EMPLOYEES_INVOLVED, employeesInvolved))
                .evaluate();
    }
}
