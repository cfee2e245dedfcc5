package it.familyaudit.workflow.monitoring;

import static it.familyaudit.workflow.monitoring.MonitoringProcess.APPROVE_REPORT;
import static it.familyaudit.workflow.monitoring.MonitoringProcess.AUDIT_REPORT;
import static it.familyaudit.workflow.monitoring.MonitoringProcess.CERTIFICATE_REVOKED_END;
import static it.familyaudit.workflow.monitoring.MonitoringProcess.CHECK_DEADLINES;
import static it.familyaudit.workflow.monitoring.MonitoringProcess.COMPILE_REPORT;
import static it.familyaudit.workflow.monitoring.MonitoringProcess.COMPLETE_CORRECTIVE_MEASURES;
import static it.familyaudit.workflow.monitoring.MonitoringProcess.CONFIRM_CERTIFICATE;
import static it.familyaudit.workflow.monitoring.MonitoringProcess.CORRECTIVE_DEADLINE_AT;
import static it.familyaudit.workflow.monitoring.MonitoringProcess.DEADLINE_CHECK_TIMER;
import static it.familyaudit.workflow.monitoring.MonitoringProcess.DECIDE;
import static it.familyaudit.workflow.monitoring.MonitoringProcess.ESCALATION_HANDLED_END;
import static it.familyaudit.workflow.monitoring.MonitoringProcess.HANDLE_ESCALATION;
import static it.familyaudit.workflow.monitoring.MonitoringProcess.KEY;
import static it.familyaudit.workflow.monitoring.MonitoringProcess.MONITORING_DECISION;
import static it.familyaudit.workflow.monitoring.MonitoringProcess.NO_ESCALATION_END;
import static it.familyaudit.workflow.monitoring.MonitoringProcess.OPEN_ROUND;
import static it.familyaudit.workflow.monitoring.MonitoringProcess.RECOMMEND_OUTCOME;
import static it.familyaudit.workflow.monitoring.MonitoringProcess.REPORT_DECISION;
import static it.familyaudit.workflow.monitoring.MonitoringProcess.REVOKE_CERTIFICATE;
import static it.familyaudit.workflow.monitoring.MonitoringProcess.ROUND_CONFIRMED_END;
import static it.familyaudit.workflow.monitoring.MonitoringProcess.ROUND_END;
import static it.familyaudit.workflow.monitoring.MonitoringProcess.ROUND_NO;
import static it.familyaudit.workflow.monitoring.MonitoringProcess.ROUND_OPENS_TIMER;
import static it.familyaudit.workflow.monitoring.MonitoringProcess.ROUND_WORK;
import static it.familyaudit.workflow.monitoring.MonitoringProcess.SCHEDULE_ROUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import it.familyaudit.workflow.certification.CertificationProcess;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs one year of {@code bpmn/family-audit-annual-monitoring.bpmn} on a bare engine, with
 * {@code monitoringRounds} mocked: every path and gateway branch, the opening timer and the daily deadline
 * check, the clock moved instead of waiting.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "bpmn/family-audit-annual-monitoring.bpmn")
class MonitoringProcessTest {

    private static final String MODEL = "bpmn/family-audit-annual-monitoring.bpmn";
    private static final ZonedDateTime CERTIFIED = ZonedDateTime.of(2026, 3, 2, 10, 0, 0, 0, ZoneId.of("Europe/Rome"));
    private static final Date CORRECTIVE_DEADLINE = Date.from(CERTIFIED.plusYears(1).plusMonths(3).toInstant());

    /** Candidate group and due date of every user task ({@code null}: the due date is an expression checked below). */
    private static final Map<String, Expected> CONTRACT = Map.of(
            COMPILE_REPORT, new Expected("referent", null, "compile-monitoring-report"),
            APPROVE_REPORT, new Expected("management", 14, "approve-monitoring-report"),
            AUDIT_REPORT, new Expected("evaluator", 30, "audit-monitoring-report"),
            DECIDE, new Expected("council", 30, "decide-monitoring"),
            COMPLETE_CORRECTIVE_MEASURES, new Expected("referent", null, "complete-corrective-measures"),
            HANDLE_ESCALATION, new Expected("agency", 7, "handle-monitoring-escalation"));

    /** Injected by {@link ProcessEngineExtension}. */
    ProcessEngine engine;

    private MonitoringRoundDriver driver;
    private MonitoringRounds rounds;

    @BeforeEach
    void mockTheBeanAndFixTheClock() {
        init(engine);
        ClockUtil.setCurrentTime(Date.from(CERTIFIED.toInstant()));
        driver = MonitoringRoundDriver.register(CERTIFIED, 3);
        rounds = driver.mock();
    }

    @AfterEach
    void resetClockAndMocks() {
        ClockUtil.reset();
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void theRoundWaitsUntilTheAnniversaryLessTheLeadTimeThenOpensTheReport() {
        // Given a round of the first year, just called
        ProcessInstance round = start(1);

        // Then it is scheduled and waits for its opening, eleven months later, with nothing to do yet
        verify(rounds).schedule(any(DelegateExecution.class));
        assertThat(round).hasPassed(SCHEDULE_ROUND).isWaitingAtExactly(ROUND_OPENS_TIMER);
        Job timer = jobQuery().processInstanceId(round.getId()).singleResult();
        assertThat(timer.getDuedate()).isEqualTo(driver.opensAt(1));
        assertThat(jobQuery().processInstanceId(round.getId()).executable().count()).isZero();
        assertThat(taskQuery().processInstanceId(round.getId()).count()).isZero();

        // When the clock reaches the anniversary less 30 days
        ClockUtil.setCurrentTime(new Date(driver.opensAt(1).getTime() + 1000));
        managementService().executeJob(timer.getId());

        // Then the round opens and the referent compiles the report, due at the anniversary
        verify(rounds).open(any(DelegateExecution.class));
        assertThat(round).hasPassed(OPEN_ROUND).isWaitingAtExactly(ROUND_WORK, COMPILE_REPORT);
        Task compile = task(round, COMPILE_REPORT);
        assertThat(compile.getDueDate()).isEqualTo(driver.reportDueAt(1));
        assertThat(candidateGroups(compile)).containsExactly("referent");
    }

    @Test
    void managementCanSendTheReportBackAndTheReferentCompilesItAgain() {
        // Given a submitted report
        ProcessInstance round = opened(1);
        complete(round, COMPILE_REPORT, Map.of());

        // When management sends it back
        complete(round, APPROVE_REPORT, Map.of(REPORT_DECISION, "changes"));

        // Then the referent compiles it again, and the evaluator is not involved yet
        assertThat(round).isWaitingAtExactly(ROUND_WORK, COMPILE_REPORT).hasNotPassed(AUDIT_REPORT);

        // And once approved the evaluator audits it
        complete(round, COMPILE_REPORT, Map.of());
        complete(round, APPROVE_REPORT, Map.of(REPORT_DECISION, "approve"));
        assertThat(round).isWaitingAtExactly(ROUND_WORK, AUDIT_REPORT);
        assertThat(completed(round, COMPILE_REPORT)).isEqualTo(2);
        assertThat(completed(round, APPROVE_REPORT)).isEqualTo(2);
    }

    @Test
    void theCouncilConfirmsAfterTheEvaluatorsAuditAndTheTablesRecommendation() {
        // Given an approved report
        ProcessInstance round = opened(1);
        complete(round, COMPILE_REPORT, Map.of());
        complete(round, APPROVE_REPORT, Map.of(REPORT_DECISION, "approve"));

        // When the evaluator audits it
        complete(round, AUDIT_REPORT, Map.of());

        // Then the decision table recommends, and the council decides
        verify(rounds).recommend(any(DelegateExecution.class));
        assertThat(round).hasPassedInOrder(AUDIT_REPORT, RECOMMEND_OUTCOME).isWaitingAtExactly(ROUND_WORK, DECIDE);

        // When the council confirms
        complete(round, DECIDE, Map.of(MONITORING_DECISION, "confirm"));

        // Then the certificate is confirmed, the year ends, and no timer or task is left
        verify(rounds).confirm(any(DelegateExecution.class));
        verify(rounds, never()).revoke(any(DelegateExecution.class));
        assertThat(round).isEnded().hasPassed(CONFIRM_CERTIFICATE, ROUND_CONFIRMED_END, ROUND_END)
                .hasNotPassed(REVOKE_CERTIFICATE);
        assertThat(jobQuery().processInstanceId(round.getId()).count()).isZero();
        assertThat(historicVariable(round, MONITORING_DECISION)).isEqualTo("confirm");
    }

    @Test
    void theCouncilCanRevokeTheCertificate() {
        // Given an audited report
        ProcessInstance round = audited(2);

        // When the council revokes
        complete(round, DECIDE, Map.of(MONITORING_DECISION, "revoke"));

        // Then the certificate is revoked and the year ends with that decision for the caller
        verify(rounds).revoke(any(DelegateExecution.class));
        verify(rounds, never()).confirm(any(DelegateExecution.class));
        assertThat(round).isEnded().hasPassed(REVOKE_CERTIFICATE, CERTIFICATE_REVOKED_END, ROUND_END)
                .hasNotPassed(CONFIRM_CERTIFICATE);
        assertThat(historicVariable(round, MONITORING_DECISION)).isEqualTo("revoke");
    }

    @Test
    void correctiveMeasuresGoBackToTheReferentByTheirDeadlineThenToTheEvaluatorAndTheCouncil() {
        // Given an audited report
        ProcessInstance round = audited(1);

        // When the council asks for corrective measures by a deadline
        complete(round, DECIDE, Map.of(MONITORING_DECISION, "corrective", CORRECTIVE_DEADLINE_AT, CORRECTIVE_DEADLINE));

        // Then the referent has them to carry out by that deadline
        assertThat(round).isWaitingAtExactly(ROUND_WORK, COMPLETE_CORRECTIVE_MEASURES)
                .hasNotPassed(CONFIRM_CERTIFICATE, REVOKE_CERTIFICATE);
        Task measures = task(round, COMPLETE_CORRECTIVE_MEASURES);
        assertThat(measures.getDueDate()).isEqualTo(CORRECTIVE_DEADLINE);
        assertThat(candidateGroups(measures)).containsExactly("referent");

        // When the referent has carried them out
        complete(round, COMPLETE_CORRECTIVE_MEASURES, Map.of());

        // Then the evaluator audits again, the table recommends again, and the council decides again
        assertThat(round).isWaitingAtExactly(ROUND_WORK, AUDIT_REPORT);
        complete(round, AUDIT_REPORT, Map.of());
        verify(rounds, times(2)).recommend(any(DelegateExecution.class));
        complete(round, DECIDE, Map.of(MONITORING_DECISION, "confirm"));
        assertThat(round).isEnded().hasPassed(ROUND_CONFIRMED_END);
        assertThat(completed(round, AUDIT_REPORT)).isEqualTo(2);
        assertThat(completed(round, DECIDE)).isEqualTo(2);
    }

    @Test
    void everyDayOverdueTasksAreCheckedAndNothingMoreHappensWhenNoneIsToEscalate() {
        // Given an open round: its daily deadline check waits for the next day
        ProcessInstance round = opened(1);
        Job check = jobQuery().processInstanceId(round.getId()).activityId(DEADLINE_CHECK_TIMER).singleResult();
        assertThat(check).isNotNull();

        // When a day has passed (the report is overdue: the check reminds the referent)
        ClockUtil.setCurrentTime(new Date(check.getDuedate().getTime() + 1000));
        managementService().executeJob(check.getId());

        // Then the check ran, found nothing to escalate, and the report is still the referent's
        verify(rounds).checkDeadlines(any(DelegateExecution.class));
        assertThat(round).hasPassed(CHECK_DEADLINES, NO_ESCALATION_END).isWaitingAtExactly(ROUND_WORK, COMPILE_REPORT)
                .hasNotPassed(HANDLE_ESCALATION);

        // And it checks again the next day
        Job next = jobQuery().processInstanceId(round.getId()).activityId(DEADLINE_CHECK_TIMER).singleResult();
        assertThat(next.getDuedate()).isAfter(check.getDuedate());
    }

    @Test
    void aTaskOverdueBeyondTheGracePeriodIsEscalatedToTheAgency() {
        // Given an open round whose report is long overdue
        ProcessInstance round = opened(1);
        driver.escalate.set(true);

        // When the daily check finds it beyond the grace period
        runDeadlineCheck(round);

        // Then the agency gets a task of its own, while the report stays with the referent
        assertThat(round).isWaitingAtExactly(ROUND_WORK, COMPILE_REPORT, HANDLE_ESCALATION);
        assertThat(candidateGroups(task(round, HANDLE_ESCALATION))).containsExactly("agency");

        // When the agency has acted
        complete(round, HANDLE_ESCALATION, Map.of());

        // Then its part ends and the round goes on
        assertThat(round).hasPassed(ESCALATION_HANDLED_END).isWaitingAtExactly(ROUND_WORK, COMPILE_REPORT);
    }

    @Test
    void aDecidedYearEndsTheAgencysEscalationStillOpen() {
        // Given an escalation the agency has not handled yet
        ProcessInstance round = opened(1);
        driver.escalate.set(true);
        runDeadlineCheck(round);
        driver.escalate.set(false);

        // When the round runs to the council's confirmation
        complete(round, COMPILE_REPORT, Map.of());
        complete(round, APPROVE_REPORT, Map.of(REPORT_DECISION, "approve"));
        complete(round, AUDIT_REPORT, Map.of());
        complete(round, DECIDE, Map.of(MONITORING_DECISION, "confirm"));

        // Then the year ends, and so does the agency's task, unfinished
        assertThat(round).isEnded().hasPassed(ROUND_END).hasNotPassed(ESCALATION_HANDLED_END);
        HistoricTaskInstance escalation = historyService().createHistoricTaskInstanceQuery()
                .processInstanceId(round.getId()).taskDefinitionKey(HANDLE_ESCALATION).singleResult();
        assertThat(escalation.getEndTime()).isNotNull();
        assertThat(escalation.getDeleteReason()).isNotEqualTo("completed");
    }

    @ParameterizedTest(name = "round {0}")
    @ValueSource(ints = {1, 2, 3})
    void eachYearOpensAtItsOwnAnniversary(int roundNo) {
        // Given the round of the given year
        ProcessInstance round = start(roundNo);

        // Then its timer is set to that year's anniversary less the lead time
        assertThat(jobQuery().processInstanceId(round.getId()).singleResult().getDuedate())
                .isEqualTo(driver.opensAt(roundNo));
    }

    @Test
    void everyUserTaskHasCandidateGroupDueDateAndForm() throws IOException {
        // Given the user tasks of the model
        Set<String> model;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(MODEL)) {
            model = Bpmn.readModelFromStream(in).getModelElementsByType(UserTask.class).stream().map(UserTask::getId)
                    .collect(Collectors.toSet());
        }
        assertThat(model).containsExactlyInAnyOrderElementsOf(CONTRACT.keySet());

        // When every path is run (report, escalation, corrective measures, confirmation)
        Set<String> seen = new LinkedHashSet<>();
        ProcessInstance round = opened(1);
        driver.escalate.set(true);
        runDeadlineCheck(round);
        inspectAndComplete(round, HANDLE_ESCALATION, Map.of(), seen);
        inspectAndComplete(round, COMPILE_REPORT, Map.of(), seen);
        inspectAndComplete(round, APPROVE_REPORT, Map.of(REPORT_DECISION, "approve"), seen);
        inspectAndComplete(round, AUDIT_REPORT, Map.of(), seen);
        inspectAndComplete(round, DECIDE, Map.of(MONITORING_DECISION, "corrective", CORRECTIVE_DEADLINE_AT,
                CORRECTIVE_DEADLINE), seen);
        inspectAndComplete(round, COMPLETE_CORRECTIVE_MEASURES, Map.of(), seen);

        // Then every task was offered to its group, with a due date and its form
        assertThat(seen).containsExactlyInAnyOrderElementsOf(model);
    }

    private void inspectAndComplete(ProcessInstance round, String taskKey, Map<String, Object> variables, Set<String> seen) {
        Task task = taskQuery().processInstanceId(round.getId()).taskDefinitionKey(taskKey).initializeFormKeys()
                .singleResult();
        Expected expected = CONTRACT.get(taskKey);
        assertThat(candidateGroups(task)).as("candidate groups of %s", taskKey).containsExactly(expected.group());
        assertThat(task.getDueDate()).as("due date of %s", taskKey).isNotNull();
        if (expected.dueDays() != null) {
            Instant created = task.getCreateTime().toInstant();
            assertThat(task.getDueDate().toInstant())
                    .isEqualTo(created.atZone(ZoneId.systemDefault()).plusDays(expected.dueDays()).toInstant());
        }
        assertThat(task.getCamundaFormRef().getKey()).isEqualTo(expected.form());
        assertThat(task.getCamundaFormRef().getBinding()).isEqualTo("latest");
        seen.add(taskKey);
        taskService().complete(task.getId(), variables);
    }

    // --- Drivers -------------------------------------------------------------------------------------

    private ProcessInstance start(int roundNo) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CertificationProcess.CERTIFICATION_ID, 7L);
        variables.put(CertificationProcess.ORGANIZATION_CODE, "capannori");
        variables.put(ROUND_NO, roundNo);
        return runtimeService().startProcessInstanceByKey(KEY, "7", variables);
    }

    private ProcessInstance opened(int roundNo) {
        ProcessInstance round = start(roundNo);
        Job timer = jobQuery().processInstanceId(round.getId()).activityId(ROUND_OPENS_TIMER).singleResult();
        ClockUtil.setCurrentTime(new Date(driver.opensAt(roundNo).getTime() + 1000));
        managementService().executeJob(timer.getId());
        assertThat(round).isWaitingAtExactly(ROUND_WORK, COMPILE_REPORT);
        return round;
    }

    private ProcessInstance audited(int roundNo) {
        ProcessInstance round = opened(roundNo);
        complete(round, COMPILE_REPORT, Map.of());
        complete(round, APPROVE_REPORT, Map.of(REPORT_DECISION, "approve"));
        complete(round, AUDIT_REPORT, Map.of());
        assertThat(round).isWaitingAtExactly(ROUND_WORK, DECIDE);
        return round;
    }

    /** Moves the clock past the report's due date and the grace period, then runs the daily check. */
    private void runDeadlineCheck(ProcessInstance round) {
        Job check = jobQuery().processInstanceId(round.getId()).activityId(DEADLINE_CHECK_TIMER).singleResult();
        ClockUtil.setCurrentTime(Date.from(driver.reportDueAt(1).toInstant().plusSeconds(20L * 24 * 3600)));
        managementService().executeJob(check.getId());
    }

    private static void complete(ProcessInstance round, String taskKey, Map<String, Object> variables) {
        MonitoringRoundDriver.complete(round, taskKey, variables);
    }

    private static Task task(ProcessInstance round, String taskKey) {
        return taskQuery().processInstanceId(round.getId()).taskDefinitionKey(taskKey).singleResult();
    }

    private static long completed(ProcessInstance round, String taskKey) {
        return historyService().createHistoricTaskInstanceQuery().processInstanceId(round.getId())
                .taskDefinitionKey(taskKey).finished().list().stream()
                .filter(t -> "completed".equals(t.getDeleteReason())).count();
    }

    private static Object historicVariable(ProcessInstance round, String name) {
        return historyService().createHistoricVariableInstanceQuery().processInstanceId(round.getId())
                .variableName(name).singleResult().getValue();
    }

    private static Set<String> candidateGroups(Task task) {
        return taskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId).collect(Collectors.toSet());
    }

    private record Expected(String group, Integer dueDays, String form) {
    }
}
