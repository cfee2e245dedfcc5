package it.familyaudit.workflow.certification;

import static it.familyaudit.workflow.certification.CertificationProcess.ASSIGN_EVALUATOR;
import static it.familyaudit.workflow.certification.CertificationProcess.BEGIN_MONITORING;
import static it.familyaudit.workflow.certification.CertificationProcess.CERTIFICATION_ID;
import static it.familyaudit.workflow.certification.CertificationProcess.COMPUTE_FEE;
import static it.familyaudit.workflow.certification.CertificationProcess.EMPLOYEES_INVOLVED;
import static it.familyaudit.workflow.certification.CertificationProcess.FEE_AMOUNT;
import static it.familyaudit.workflow.certification.CertificationProcess.RECORD_PAYMENT;
import static it.familyaudit.workflow.certification.CertificationProcess.SUBMIT_APPLICATION;
import static it.familyaudit.workflow.certification.CertificationProcess.WITHDRAWAL_MESSAGE;
import static it.familyaudit.workflow.certification.MaintenanceProcess.KEY;
import static it.familyaudit.workflow.certification.MaintenanceProcess.MAINTAINED_END;
import static it.familyaudit.workflow.certification.MaintenanceProcess.MONITORING_ROUNDS;
import static it.familyaudit.workflow.certification.MaintenanceProcess.REVOKED_END;
import static it.familyaudit.workflow.certification.MaintenanceProcess.WITHDRAWN_END;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import it.familyaudit.workflow.monitoring.MonitoringRoundDriver;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs {@code bpmn/family-audit-maintenance.bpmn} on a bare engine: a new application and fee, the
 * evaluator, then the Executive confirmed every year (the rounds are the real monitoring model, with
 * {@code monitoringRounds} mocked), or revoked; withdrawal at any time.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"bpmn/family-audit-maintenance.bpmn", "bpmn/family-audit-fee.dmn",
        "bpmn/family-audit-annual-monitoring.bpmn"})
class MaintenanceProcessTest {

    private static final ZonedDateTime START = ZonedDateTime.of(2029, 4, 2, 9, 0, 0, 0, ZoneId.of("Europe/Rome"));
    private static final String MONITORING_BODY = MONITORING_ROUNDS + "#multiInstanceBody";

    /** Injected by {@link ProcessEngineExtension}. */
    ProcessEngine engine;

    private final List<String> endings = new ArrayList<>();
    private MonitoringRoundDriver rounds;

    @BeforeEach
    void mockTheBeans() {
        init(engine);
        ClockUtil.setCurrentTime(Date.from(START.toInstant()));
        CertificationLifecycle lifecycle = mock(CertificationLifecycle.class);
        doAnswer(call -> {
            call.<DelegateExecution>getArgument(0).setVariable(CERTIFICATION_ID, 5L);
            return null;
        }).when(lifecycle).onStart(any(DelegateExecution.class));
        doAnswer(call -> {
            endings.add(call.<String>getArgument(1));
            return null;
        }).when(lifecycle).end(any(DelegateExecution.class), anyString());
        Mocks.register("certificationLifecycle", lifecycle);
        rounds = MonitoringRoundDriver.register(START, 3);
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void aMaintenanceHasItsApplicationFeeAndEvaluatorThenConfirmsTheExecutiveEveryYear() {
        // Given a maintenance just requested
        ProcessInstance maintenance = runtimeService().startProcessInstanceByKey(KEY);
        assertThat(maintenance).isWaitingAtExactly(SUBMIT_APPLICATION);

        // When the application is submitted, the fee paid and the evaluator assigned
        complete(task(SUBMIT_APPLICATION, maintenance), withVariables(EMPLOYEES_INVOLVED, 40L));
        assertThat(((Number) runtimeService().getVariable(maintenance.getId(), FEE_AMOUNT)).intValue()).isEqualTo(400);
        complete(task(RECORD_PAYMENT, maintenance));
        complete(task(ASSIGN_EVALUATOR, maintenance));

        // Then the years of monitoring begin, without a kick-off or a plan
        assertThat(maintenance).hasPassedInOrder(SUBMIT_APPLICATION, COMPUTE_FEE, RECORD_PAYMENT, ASSIGN_EVALUATOR,
                BEGIN_MONITORING).isWaitingAtExactly(MONITORING_BODY, MONITORING_ROUNDS);

        // And after three confirmed years the maintenance ends with the Executive kept
        for (int year = 1; year <= 3; year++) {
            rounds.runRound(maintenance, year, "confirm");
        }
        assertThat(maintenance).isEnded().hasPassed(MAINTAINED_END).hasNotPassed(REVOKED_END);
        assertThat(endings).containsExactly("EXECUTIVE");
    }

    @Test
    void theCouncilCanRevokeTheExecutiveDuringAMaintenance() {
        // Given a maintenance in its first year
        ProcessInstance maintenance = monitoring();

        // When the council revokes
        rounds.runRound(maintenance, 1, "revoke");

        // Then the maintenance ends as revoked, with no further year
        assertThat(maintenance).isEnded().hasPassed(REVOKED_END).hasNotPassed(MAINTAINED_END);
        assertThat(endings).containsExactly("REVOKED");
    }

    @Test
    void theOrganisationCanWithdrawDuringItsYears() {
        // Given a maintenance whose first round is open
        ProcessInstance maintenance = monitoring();
        rounds.openRound(maintenance, 1);

        // When the organisation withdraws
        runtimeService().createMessageCorrelation(WITHDRAWAL_MESSAGE).processInstanceId(maintenance.getId())
                .correlateWithResult();

        // Then the maintenance and its round end
        assertThat(maintenance).isEnded().hasPassed(WITHDRAWN_END);
        assertThat(endings).containsExactly("WITHDRAWN");
        assertThat(runtimeService().createProcessInstanceQuery().superProcessInstanceId(maintenance.getId()).count())
                .isZero();
    }

    @Test
    void itsUserTasksAreTheCertificationModelsWithTheSameGroupsAndForms() {
        // Given a maintenance run to its evaluator
        ProcessInstance maintenance = runtimeService().startProcessInstanceByKey(KEY);
        Map<String, String[]> expected = Map.of(
                SUBMIT_APPLICATION, new String[] {"referent", "submit-application"},
                RECORD_PAYMENT, new String[] {"agency", "record-payment"},
                ASSIGN_EVALUATOR, new String[] {"agency", "assign-evaluator"});
        for (String key : List.of(SUBMIT_APPLICATION, RECORD_PAYMENT, ASSIGN_EVALUATOR)) {
            Task task = taskQuery().processInstanceId(maintenance.getId()).taskDefinitionKey(key).initializeFormKeys()
                    .singleResult();
            // Then each is offered to the same group, with a due date and the same form
            assertThat(candidateGroups(task)).containsExactly(expected.get(key)[0]);
            assertThat(task.getDueDate()).isNotNull();
            assertThat(task.getCamundaFormRef().getKey()).isEqualTo(expected.get(key)[1]);
            complete(task, key.equals(SUBMIT_APPLICATION) ? withVariables(EMPLOYEES_INVOLVED, 10L) : Map.of());
        }
        assertThat(maintenance).isWaitingAt(MONITORING_ROUNDS);
    }

    private ProcessInstance monitoring() {
        ProcessInstance maintenance = runtimeService().startProcessInstanceByKey(KEY);
        complete(task(SUBMIT_APPLICATION, maintenance), withVariables(EMPLOYEES_INVOLVED, 10L));
        complete(task(RECORD_PAYMENT, maintenance));
        complete(task(ASSIGN_EVALUATOR, maintenance));
        return maintenance;
    }

    private static Set<String> candidateGroups(Task task) {
        return BpmnAwareTests.taskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId).collect(Collectors.toSet());
    }
}
