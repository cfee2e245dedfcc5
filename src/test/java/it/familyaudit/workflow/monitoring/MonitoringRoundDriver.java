package it.familyaudit.workflow.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import it.familyaudit.workflow.certification.CertificationProcess;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.mockito.Mockito;

/**
 * For engine-only process tests: {@code monitoringRounds} as a Mockito mock that schedules each round at
 * the anchor's anniversaries (the report due at the anniversary, the round opening 30 days before), and a
 * driver that runs a called round through its tasks with only the variables its gateways read.
 */
public final class MonitoringRoundDriver {

    public static final int LEAD_DAYS = 30;

    private final ZonedDateTime anchor;
    private final MonitoringRounds rounds;
    /** What the next daily deadline check answers. */
    public final AtomicBoolean escalate = new AtomicBoolean();

    private MonitoringRoundDriver(ZonedDateTime anchor, int years) {
        this.anchor = anchor;
        this.rounds = Mockito.mock(MonitoringRounds.class);
        doAnswer(call -> {
            call.<DelegateExecution>getArgument(0).setVariable(CertificationProcess.MONITORING_YEARS, years);
            return null;
        }).when(rounds).begin(any(DelegateExecution.class));
        doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0);
            int roundNo = ((Number) execution.getVariable(MonitoringProcess.ROUND_NO)).intValue();
            execution.setVariable(MonitoringProcess.ROUND_OPENS_AT, opensAt(roundNo));
            execution.setVariable(MonitoringProcess.REPORT_DUE_AT, reportDueAt(roundNo));
            return null;
        }).when(rounds).schedule(any(DelegateExecution.class));
        doAnswer(call -> {
            call.<DelegateExecution>getArgument(0).setVariable(MonitoringProcess.ESCALATION_RAISED, escalate.get());
            return null;
        }).when(rounds).checkDeadlines(any(DelegateExecution.class));
    }

    /** Registers the mock as {@code monitoringRounds}; the monitoring begins at {@code anchor}. */
    public static MonitoringRoundDriver register(ZonedDateTime anchor, int years) {
        MonitoringRoundDriver driver = new MonitoringRoundDriver(anchor, years);
        Mocks.register("monitoringRounds", driver.rounds);
        return driver;
    }

    public MonitoringRounds mock() {
        return rounds;
    }

    public Date opensAt(int roundNo) {
        return Date.from(anchor.plusYears(roundNo).minusDays(LEAD_DAYS).toInstant());
    }

    public Date reportDueAt(int roundNo) {
        return Date.from(anchor.plusYears(roundNo).toInstant());
    }

    /** The round the cycle's call activity is running now. */
    public static ProcessInstance currentRound(ProcessInstance cycle) {
        ProcessInstance round = runtimeService().createProcessInstanceQuery().superProcessInstanceId(cycle.getId())
                .singleResult();
        assertThat(round).as("a monitoring round called by %s", cycle.getId()).isNotNull();
        return round;
    }

    /** Moves the clock to the round's opening and runs the timer: the referent's report is open. */
    public ProcessInstance openRound(ProcessInstance cycle, int roundNo) {
        ProcessInstance round = currentRound(cycle);
        assertThat(((Number) runtimeService().getVariable(round.getId(), MonitoringProcess.ROUND_NO)).intValue())
                .isEqualTo(roundNo);
        Job timer = jobQuery().processInstanceId(round.getId()).activityId(MonitoringProcess.ROUND_OPENS_TIMER)
                .singleResult();
        assertThat(timer).as("opening timer of round %s", roundNo).isNotNull();
        ClockUtil.setCurrentTime(new Date(opensAt(roundNo).getTime() + 60_000));
        managementService().executeJob(timer.getId());
        return round;
    }

    /** Report, approval, audit and the council's decision ({@code confirm} or {@code revoke}). */
    public ProcessInstance runRound(ProcessInstance cycle, int roundNo, String decision) {
        ProcessInstance round = openRound(cycle, roundNo);
        complete(round, MonitoringProcess.COMPILE_REPORT, Map.of());
        complete(round, MonitoringProcess.APPROVE_REPORT, Map.of(MonitoringProcess.REPORT_DECISION, "approve"));
        complete(round, MonitoringProcess.AUDIT_REPORT, Map.of());
        complete(round, MonitoringProcess.DECIDE, Map.of(MonitoringProcess.MONITORING_DECISION, decision));
        return round;
    }

    public static void complete(ProcessInstance round, String taskKey, Map<String, Object> variables) {
        Task task = taskQuery().processInstanceId(round.getId()).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("open task %s", taskKey).isNotNull();
        taskService().complete(task.getId(), variables);
    }
}
