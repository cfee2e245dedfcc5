package it.familyaudit.workflow.certification;

import static it.familyaudit.workflow.certification.CertificationProcess.APPROVE_PLAN;
import static it.familyaudit.workflow.certification.CertificationProcess.BEGIN_MONITORING;
import static it.familyaudit.workflow.certification.CertificationProcess.CYCLE_KIND;
import static it.familyaudit.workflow.certification.CertificationProcess.EXECUTIVE_END;
import static it.familyaudit.workflow.certification.CertificationProcess.ISSUE_EXECUTIVE_CERTIFICATE;
import static it.familyaudit.workflow.certification.CertificationProcess.MONITORING_ROUNDS;
import static it.familyaudit.workflow.certification.CertificationProcess.OVERDUE_EVENT_SUBPROCESS;
import static it.familyaudit.workflow.certification.CertificationProcess.RECOGNISE_PLAN_CARRIED_OUT;
import static it.familyaudit.workflow.certification.CertificationProcess.REVOKED_END;
import static it.familyaudit.workflow.certification.CertificationProcess.ASSIGN_EVALUATOR;
import static it.familyaudit.workflow.certification.CertificationProcess.ASSIGN_PROFESSIONALS;
import static it.familyaudit.workflow.certification.CertificationProcess.CERTIFICATION_ID;
import static it.familyaudit.workflow.certification.CertificationProcess.CHOOSE_CONSULTANT;
import static it.familyaudit.workflow.certification.CertificationProcess.CLOSE_QUESTIONNAIRE;
import static it.familyaudit.workflow.certification.CertificationProcess.CLOSED_END;
import static it.familyaudit.workflow.certification.CertificationProcess.COMPUTE_FEE;
import static it.familyaudit.workflow.certification.CertificationProcess.CONSULTANT_CHOICE;
import static it.familyaudit.workflow.certification.CertificationProcess.COUNCIL_DECISION;
import static it.familyaudit.workflow.certification.CertificationProcess.DECIDE_CERTIFICATION;
import static it.familyaudit.workflow.certification.CertificationProcess.DECIDE_OVERDUE;
import static it.familyaudit.workflow.certification.CertificationProcess.DENIED_END;
import static it.familyaudit.workflow.certification.CertificationProcess.DRAFT_PLAN;
import static it.familyaudit.workflow.certification.CertificationProcess.EMPLOYEES_INVOLVED;
import static it.familyaudit.workflow.certification.CertificationProcess.EVALUATION_DEADLINE_AT;
import static it.familyaudit.workflow.certification.CertificationProcess.EVALUATION_DEADLINE_TIMER;
import static it.familyaudit.workflow.certification.CertificationProcess.EVALUATION_OUTCOME;
import static it.familyaudit.workflow.certification.CertificationProcess.EVALUATION_PERIOD;
import static it.familyaudit.workflow.certification.CertificationProcess.EVALUATION_WARNING_AT;
import static it.familyaudit.workflow.certification.CertificationProcess.EVALUATION_WARNING_TIMER;
import static it.familyaudit.workflow.certification.CertificationProcess.EXTENDED_DEADLINE_TIMER;
import static it.familyaudit.workflow.certification.CertificationProcess.FEE_AMOUNT;
import static it.familyaudit.workflow.certification.CertificationProcess.FORM_WORKING_GROUP;
import static it.familyaudit.workflow.certification.CertificationProcess.ISSUE_CERTIFICATE;
import static it.familyaudit.workflow.certification.CertificationProcess.KEY;
import static it.familyaudit.workflow.certification.CertificationProcess.NEEDS_QUESTIONNAIRE;
import static it.familyaudit.workflow.certification.CertificationProcess.OPEN_QUESTIONNAIRE_CAMPAIGN;
import static it.familyaudit.workflow.certification.CertificationProcess.OVERDUE_DECISION;
import static it.familyaudit.workflow.certification.CertificationProcess.PLAN_DECISION;
import static it.familyaudit.workflow.certification.CertificationProcess.QUESTIONNAIRE_CLOSED_EARLY;
import static it.familyaudit.workflow.certification.CertificationProcess.QUESTIONNAIRE_CLOSED_EARLY_MESSAGE;
import static it.familyaudit.workflow.certification.CertificationProcess.QUESTIONNAIRE_CLOSES_AT;
import static it.familyaudit.workflow.certification.CertificationProcess.QUESTIONNAIRE_CLOSING_TIMER;
import static it.familyaudit.workflow.certification.CertificationProcess.COLLECT_QUESTIONNAIRE_ANSWERS;
import static it.familyaudit.workflow.certification.CertificationProcess.RECORD_EVALUATION_VISIT;
import static it.familyaudit.workflow.certification.CertificationProcess.RECORD_KICKOFF_WORKSHOP;
import static it.familyaudit.workflow.certification.CertificationProcess.RECORD_PAYMENT;
import static it.familyaudit.workflow.certification.CertificationProcess.SUBMIT_APPLICATION;
import static it.familyaudit.workflow.certification.CertificationProcess.WITHDRAWAL_MESSAGE;
import static it.familyaudit.workflow.certification.CertificationProcess.WITHDRAWN_END;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import it.familyaudit.workflow.certificate.CertificateIssuer;
import it.familyaudit.workflow.monitoring.MonitoringProcess;
import it.familyaudit.workflow.monitoring.MonitoringRoundDriver;
import it.familyaudit.workflow.survey.QuestionnaireLifecycle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
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
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Runs {@code bpmn/family-audit-certification.bpmn} on a bare in-memory engine ({@code camunda.cfg.xml}),
 * with the Spring beans the model calls replaced by Mockito mocks. No form listeners run here: each task is
 * completed with just the variables its gateway or timer reads. The yearly monitoring rounds it calls run
 * the real {@code family-audit-annual-monitoring} model (its own paths are in {@code MonitoringProcessTest}).
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"bpmn/family-audit-certification.bpmn", "bpmn/family-audit-fee.dmn",
        "bpmn/family-audit-annual-monitoring.bpmn"})
class CertificationProcessTest {

    private static final String MODEL = "bpmn/family-audit-certification.bpmn";
    private static final String FEE_DECISION_MODEL = "bpmn/family-audit-fee.dmn";
    private static final String MONITORING_MODEL = "bpmn/family-audit-annual-monitoring.bpmn";
    /** The questions employees answer: a form no user task refers to. */
    private static final String QUESTIONNAIRE_FORM = "needs-questionnaire";
    private static final String RECORD_FEE = "RecordFeeTask";
    private static final String WARN_DEADLINE = "WarnDeadlineTask";
    private static final String FLAG_OVERDUE = "FlagOverdueTask";
    private static final String CLOSE_CERTIFICATION = "CloseCertificationTask";
    private static final String DENY_CERTIFICATION = "DenyCertificationTask";
    private static final String RECORD_WITHDRAWAL = "RecordWithdrawalTask";
    private static final String EVALUATION_PERIOD_END = "EvaluationPeriodEndEvent";
    private static final String DEADLINE_WARNED_END = "DeadlineWarnedEndEvent";
    private static final String RECORD_REVOCATION = "RecordRevocationTask";
    private static final String COMPLETE_CYCLE = "CompleteCycleTask";
    private static final String ALL_MODELS = "classpath*:bpmn/*.bpmn";
    /** The sequential multi-instance around the rounds, which the engine shows as an activity of its own. */
    private static final String MONITORING_BODY = MONITORING_ROUNDS + "#multiInstanceBody";

    private static final ZonedDateTime KICKOFF = ZonedDateTime.of(2025, 1, 13, 9, 0, 0, 0, ZoneId.systemDefault());
    private static final Date START = date(KICKOFF);
    private static final Date WARNING_AT = date(KICKOFF.plusMonths(5));
    private static final Date DEADLINE_AT = date(KICKOFF.plusMonths(6));
    private static final Date EXTENDED_DEADLINE_AT = date(KICKOFF.plusMonths(8));
    /** The questionnaire's closing date is the 27th: its timer fires as the 28th begins. */
    private static final Date QUESTIONNAIRE_CLOSES = date(KICKOFF.plusDays(15).truncatedTo(ChronoUnit.DAYS));

    /** The contract (/tmp/spec/process.md): candidate group, due date in days, form id of each user task. */
    private static final Map<String, ExpectedTask> CONTRACT = Map.ofEntries(
            expect(SUBMIT_APPLICATION, "referent", 14, "submit-application"),
            expect(RECORD_PAYMENT, "agency", 30, "record-payment"),
            expect(CHOOSE_CONSULTANT, "management", 30, "choose-consultant"),
            expect(ASSIGN_EVALUATOR, "agency", 14, "assign-evaluator"),
            expect(ASSIGN_PROFESSIONALS, "agency", 14, "assign-professionals"),
            expect(RECORD_KICKOFF_WORKSHOP, "consultant", 60, "record-kickoff-workshop"),
            expect(FORM_WORKING_GROUP, "management", 30, "form-working-group"),
            expect(OPEN_QUESTIONNAIRE_CAMPAIGN, "referent", 14, "open-questionnaire-campaign"),
            // Due when the campaign closes, not a number of days after it opens (see below).
            expect(COLLECT_QUESTIONNAIRE_ANSWERS, "referent", -1, "collect-questionnaire-answers"),
            expect(DRAFT_PLAN, "working-group", 60, "draft-plan"),
            expect(APPROVE_PLAN, "management", 14, "approve-plan"),
            expect(RECORD_EVALUATION_VISIT, "evaluator", 30, "record-evaluation-visit"),
            expect(DECIDE_CERTIFICATION, "council", 30, "decide-certification"),
            expect(DECIDE_OVERDUE, "agency", 14, "decide-overdue"),
            expect(RECOGNISE_PLAN_CARRIED_OUT, "council", 30, "recognise-plan-carried-out"));

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Injected by {@link ProcessEngineExtension}. */
    ProcessEngine engine;

    private CertificationLifecycle lifecycle;
    private CertificateIssuer issuer;
    private MonitoringRoundDriver rounds;
    private QuestionnaireLifecycle questionnaire;
    /** Each call of {@code certificationLifecycle.end(...)}, as "STATUS at ActivityId". */
    private final List<String> endings = new ArrayList<>();
    /** The {@code feeAmount} each call of {@code certificationLifecycle.recordFee(...)} saw. */
    private final List<Object> recordedFees = new ArrayList<>();

    @BeforeEach
    void useMockBeansAndAFixedClock() {
        init(engine);
        ClockUtil.setCurrentTime(START);

        lifecycle = mock(CertificationLifecycle.class);
        doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0);
            execution.setVariable(CERTIFICATION_ID, 1L);
            if (!(execution.getVariable(CYCLE_KIND) instanceof String)) {
                execution.setVariable(CYCLE_KIND, "CERTIFICATION");
            }
            if (!(execution.getVariable(CONSULTANT_CHOICE) instanceof String)) {
                execution.setVariable(CONSULTANT_CHOICE, "agency");
            }
            return null;
        }).when(lifecycle).onStart(any(DelegateExecution.class));
        doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0);
            recordedFees.add(execution.getVariable(FEE_AMOUNT));
            return null;
        }).when(lifecycle).recordFee(any(DelegateExecution.class));
        doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0);
            endings.add(call.getArgument(1) + " at " + execution.getCurrentActivityId());
            return null;
        }).when(lifecycle).end(any(DelegateExecution.class), anyString());
        issuer = mock(CertificateIssuer.class);

        Mocks.register("certificationLifecycle", lifecycle);
        Mocks.register("certificateIssuer", issuer);
        rounds = MonitoringRoundDriver.register(KICKOFF, 3);
        questionnaire = mock(QuestionnaireLifecycle.class);
        Mocks.register("questionnaireLifecycle", questionnaire);
    }

    @AfterEach
    void resetClockAndMocks() {
        ClockUtil.reset();
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    // --- Application and professionals --------------------------------------------------------------

    @Test
    void feeIsComputedFromTheEmployeesInvolvedAndRecorded() {
        // Given a certification just requested
        ProcessInstance certification = startCertification();
        assertThat(certification).isWaitingAt(SUBMIT_APPLICATION);
        verify(lifecycle).onStart(any(DelegateExecution.class));

        // When the organisation submits an application for 20 employees
        complete(task(SUBMIT_APPLICATION, certification), withVariables(EMPLOYEES_INVOLVED, 20L));

        // Then the fee table gives 400, recorded before the agency waits for the payment
        assertThat(certification).hasPassedInOrder(SUBMIT_APPLICATION, COMPUTE_FEE, RECORD_FEE)
                .isWaitingAt(RECORD_PAYMENT);
        assertThat(((Number) runtimeService().getVariable(certification.getId(), FEE_AMOUNT)).longValue())
                .isEqualTo(400L);
        assertThat(recordedFees).hasSize(1);
        assertThat(((Number) recordedFees.get(0)).longValue()).isEqualTo(400L);
    }

    @Test
    void agencyAssignsConsultantAndEvaluatorByDefault() {
        // Given a certification started without a consultant choice (the lifecycle sets the default, 'agency')
        ProcessInstance certification = startCertification();
        submitApplication(certification);

        // When the payment is recorded
        recordPayment(certification);

        // Then the agency assigns both professionals in one task
        assertThat(certification).isWaitingAtExactly(ASSIGN_PROFESSIONALS);
        assertThat(runtimeService().getVariable(certification.getId(), CONSULTANT_CHOICE)).isEqualTo("agency");

        // And then the consultant records the kickoff workshop
        complete(task(ASSIGN_PROFESSIONALS, certification));
        assertThat(certification).isWaitingAtExactly(RECORD_KICKOFF_WORKSHOP)
                .hasNotPassed(CHOOSE_CONSULTANT, ASSIGN_EVALUATOR);
    }

    @Test
    void managementChoosesTheConsultantWhenTheOrganisationChooses() {
        // Given an organisation that chooses its own consultant
        ProcessInstance certification = startCertification(withVariables(CONSULTANT_CHOICE, "organisation"));
        submitApplication(certification);

        // When the payment is recorded
        recordPayment(certification);

        // Then management chooses the consultant, then the agency assigns the evaluator
        assertThat(certification).isWaitingAtExactly(CHOOSE_CONSULTANT);
        complete(task(CHOOSE_CONSULTANT, certification));
        assertThat(certification).isWaitingAtExactly(ASSIGN_EVALUATOR);
        complete(task(ASSIGN_EVALUATOR, certification));
        assertThat(certification).isWaitingAtExactly(RECORD_KICKOFF_WORKSHOP)
                .hasNotPassed(ASSIGN_PROFESSIONALS);
    }

    @Test
    void kickoffWorkshopStartsTheEvaluationPeriodWithBothTimers() {
        // When the consultant records the kickoff workshop with the 5- and 6-month dates
        ProcessInstance certification = certificationInEvaluationPeriod();

        // Then the evaluation period starts with the working group, and both timers wait for their dates
        assertSameInstant(job(EVALUATION_WARNING_TIMER, certification).getDuedate(), WARNING_AT);
        assertSameInstant(job(EVALUATION_DEADLINE_TIMER, certification).getDuedate(), DEADLINE_AT);
        assertThat(executableJobs(certification)).isEmpty();
    }

    // --- Inside the evaluation period ----------------------------------------------------------------

    @Test
    void managementCanSendThePlanBackWithRequestedChanges() {
        // Given a drafted plan
        ProcessInstance certification = certificationInEvaluationPeriod();
        prepareFirstPlan(certification);
        draftPlan(certification);

        // When management asks for changes
        reviewPlan(certification, "changes");

        // Then the working group drafts the plan again
        assertThat(certification).isWaitingAtExactly(EVALUATION_PERIOD, DRAFT_PLAN)
                .hasNotPassed(RECORD_EVALUATION_VISIT);
        assertThat(completedTasks(certification, DRAFT_PLAN)).isEqualTo(1);

        // And when management approves the new draft, the evaluator visits
        draftPlan(certification);
        reviewPlan(certification, "approve");
        assertThat(certification).isWaitingAtExactly(EVALUATION_PERIOD, RECORD_EVALUATION_VISIT);
        assertThat(completedTasks(certification, DRAFT_PLAN)).isEqualTo(2);
        assertThat(completedTasks(certification, APPROVE_PLAN)).isEqualTo(2);
    }

    @Test
    void evaluatorCanRequestIntegrationWhichReturnsToDrafting() {
        // Given an approved plan awaiting the evaluation visit
        ProcessInstance certification = certificationInEvaluationPeriod();
        prepareFirstPlan(certification);
        draftPlan(certification);
        reviewPlan(certification, "approve");

        // When the evaluator asks for an integration
        recordEvaluationVisit(certification, "integration");

        // Then the working group drafts the plan again and the council is not involved yet
        assertThat(certification).isWaitingAtExactly(EVALUATION_PERIOD, DRAFT_PLAN).hasNotPassed(DECIDE_CERTIFICATION);

        // And the integrated plan goes through approval and a new visit to the council
        draftPlan(certification);
        reviewPlan(certification, "approve");
        recordEvaluationVisit(certification, "positive");
        assertThat(certification).isWaitingAtExactly(EVALUATION_PERIOD, DECIDE_CERTIFICATION);
        assertThat(completedTasks(certification, RECORD_EVALUATION_VISIT)).isEqualTo(2);
    }

    @ParameterizedTest(name = "evaluation outcome ''{0}''")
    @ValueSource(strings = {"positive", "negative"})
    void deliveredReportGoesToTheCouncilWhateverItsOutcome(String outcome) {
        // Given an approved plan awaiting the evaluation visit
        ProcessInstance certification = certificationInEvaluationPeriod();
        prepareFirstPlan(certification);
        draftPlan(certification);
        reviewPlan(certification, "approve");

        // When the evaluator delivers the report
        recordEvaluationVisit(certification, outcome);

        // Then the council decides
        assertThat(certification).isWaitingAtExactly(EVALUATION_PERIOD, DECIDE_CERTIFICATION);
        assertThat(completedTasks(certification, DRAFT_PLAN)).isEqualTo(1);
        assertThat(runtimeService().getVariable(certification.getId(), EVALUATION_OUTCOME)).isEqualTo(outcome);
    }

    @Test
    void negativeEvaluationStillGoesToTheCouncil() {
        // Given an approved plan awaiting the evaluation visit
        ProcessInstance certification = certificationInEvaluationPeriod();
        prepareFirstPlan(certification);
        draftPlan(certification);
        reviewPlan(certification, "approve");

        // When the evaluator's outcome is negative
        recordEvaluationVisit(certification, "negative");

        // Then it is still the council that decides (and may deny)
        assertThat(certification).isWaitingAtExactly(EVALUATION_PERIOD, DECIDE_CERTIFICATION);
        councilDecides(certification, "deny");
        assertThat(certification).isEnded().hasPassed(DENY_CERTIFICATION, DENIED_END);
    }

    @Test
    void councilCanAskForIntegration() {
        // Given the report is with the council
        ProcessInstance certification = certificationBeforeTheCouncil();

        // When the council asks for an integration
        councilDecides(certification, "integration");

        // Then the evaluation period goes on with a new draft, and no decision path after it is taken
        assertThat(certification).isWaitingAtExactly(EVALUATION_PERIOD, DRAFT_PLAN)
                .hasNotPassed(EVALUATION_PERIOD_END, ISSUE_CERTIFICATE, DENY_CERTIFICATION);

        // And after a new round the council can grant
        draftPlan(certification);
        reviewPlan(certification, "approve");
        recordEvaluationVisit(certification, "positive");
        councilDecides(certification, "grant");
        assertThat(certification).hasPassed(EVALUATION_PERIOD_END, ISSUE_CERTIFICATE)
                .isWaitingAtExactly(MONITORING_BODY, MONITORING_ROUNDS);
        assertThat(completedTasks(certification, DECIDE_CERTIFICATION)).isEqualTo(2);
    }

    // --- Needs questionnaire -------------------------------------------------------------------------

    @Test
    void questionnaireClosesByItsTimerAtTheClosingDate() {
        // Given the referent has opened the questionnaire, closing on the 27th
        ProcessInstance certification = certificationInEvaluationPeriod();
        complete(task(FORM_WORKING_GROUP, certification));
        openQuestionnaire(certification, QUESTIONNAIRE_CLOSES);

        // Then the campaign runs: the referent has a task until the closing date, due then
        assertThat(certification).isWaitingAtExactly(EVALUATION_PERIOD, NEEDS_QUESTIONNAIRE,
                COLLECT_QUESTIONNAIRE_ANSWERS);
        assertThat(task(COLLECT_QUESTIONNAIRE_ANSWERS, certification)).hasCandidateGroup("referent")
                .hasDueDate(QUESTIONNAIRE_CLOSES);
        Job closing = job(QUESTIONNAIRE_CLOSING_TIMER, certification);
        assertSameInstant(closing.getDuedate(), QUESTIONNAIRE_CLOSES);
        assertThat(executableJobs(certification)).isEmpty();

        // When the closing date has passed
        ClockUtil.setCurrentTime(minutesAfter(QUESTIONNAIRE_CLOSES, 1));
        assertThat(executableJobs(certification)).containsExactly(QUESTIONNAIRE_CLOSING_TIMER);
        execute(closing);

        // Then the campaign is closed once and the working group drafts the plan
        verify(questionnaire, times(1)).close(any(DelegateExecution.class));
        assertThat(certification).hasPassed(QUESTIONNAIRE_CLOSING_TIMER, CLOSE_QUESTIONNAIRE)
                .hasNotPassed(QUESTIONNAIRE_CLOSED_EARLY)
                .isWaitingAtExactly(EVALUATION_PERIOD, DRAFT_PLAN);
        assertThat(taskQuery().processInstanceId(certification.getId())
                .taskDefinitionKey(COLLECT_QUESTIONNAIRE_ANSWERS).count()).isZero();
        assertThat(task(DRAFT_PLAN, certification)).hasCandidateGroup("working-group");
    }

    @Test
    void referentCanCloseTheQuestionnaireBeforeItsClosingDate() {
        // Given a running questionnaire
        ProcessInstance certification = certificationInEvaluationPeriod();
        complete(task(FORM_WORKING_GROUP, certification));
        openQuestionnaire(certification, QUESTIONNAIRE_CLOSES);

        // When the referent closes it early through the API (a message: it ends the referent's task)
        closeQuestionnaireEarly(certification);

        // Then it closes through the same step, the timer is gone, and plan drafting starts
        verify(questionnaire, times(1)).close(any(DelegateExecution.class));
        assertThat(certification).hasPassed(QUESTIONNAIRE_CLOSED_EARLY, CLOSE_QUESTIONNAIRE)
                .hasNotPassed(QUESTIONNAIRE_CLOSING_TIMER)
                .isWaitingAtExactly(EVALUATION_PERIOD, DRAFT_PLAN);
        assertThat(taskQuery().processInstanceId(certification.getId())
                .taskDefinitionKey(COLLECT_QUESTIONNAIRE_ANSWERS).count()).isZero();
        assertThat(jobQuery().processInstanceId(certification.getId()).activityId(QUESTIONNAIRE_CLOSING_TIMER).count())
                .isZero();
    }

    @Test
    void referentClosesTheQuestionnaireEarlyByCompletingItsTask() {
        // Given a running questionnaire
        ProcessInstance certification = certificationInEvaluationPeriod();
        complete(task(FORM_WORKING_GROUP, certification));
        openQuestionnaire(certification, QUESTIONNAIRE_CLOSES);

        // When the referent completes the collection's task (Tasklist or the portal)
        complete(task(COLLECT_QUESTIONNAIRE_ANSWERS, certification));

        // Then the campaign closes through the same step, the timer is gone, and plan drafting starts
        verify(questionnaire, times(1)).close(any(DelegateExecution.class));
        assertThat(certification).hasPassed(COLLECT_QUESTIONNAIRE_ANSWERS, CLOSE_QUESTIONNAIRE)
                .hasNotPassed(QUESTIONNAIRE_CLOSING_TIMER, QUESTIONNAIRE_CLOSED_EARLY)
                .isWaitingAtExactly(EVALUATION_PERIOD, DRAFT_PLAN);
        assertThat(jobQuery().processInstanceId(certification.getId()).activityId(QUESTIONNAIRE_CLOSING_TIMER).count())
                .isZero();
    }

    @Test
    void aCycleEndingWhileTheQuestionnaireRunsClosesTheCampaign() {
        // Given a running questionnaire
        ProcessInstance certification = certificationInEvaluationPeriod();
        complete(task(FORM_WORKING_GROUP, certification));
        openQuestionnaire(certification, QUESTIONNAIRE_CLOSES);
        verify(questionnaire, never()).ended(any(DelegateExecution.class));

        // When the organisation withdraws
        runtimeService().createMessageCorrelation(WITHDRAWAL_MESSAGE).processInstanceId(certification.getId())
                .correlateWithResult();

        // Then the end of the questionnaire's sub-process closes the campaign (so its codes go too)
        verify(questionnaire, times(1)).ended(any(DelegateExecution.class));
        verify(questionnaire, never()).close(any(DelegateExecution.class));
        assertThat(certification).isEnded().hasPassed(WITHDRAWN_END).hasNotPassed(CLOSE_QUESTIONNAIRE);
    }

    // --- Council decision ----------------------------------------------------------------------------

    @Test
    void councilGrantIssuesTheCertificate() {
        // Given the report is with the council
        ProcessInstance certification = certificationBeforeTheCouncil();

        // When the council grants
        councilDecides(certification, "grant");

        // Then the evaluation period ends and the certificate is issued in the same transaction, so
        // nothing (an overdue decision, a withdrawal) can end the cycle between grant and certificate;
        // the cycle goes on into its first year of monitoring, which waits for its opening
        verify(issuer, times(1)).issue(any(DelegateExecution.class));
        verify(rounds.mock()).begin(any(DelegateExecution.class));
        assertThat(certification).hasPassed(ISSUE_CERTIFICATE, BEGIN_MONITORING).isWaitingAtExactly(MONITORING_BODY, MONITORING_ROUNDS)
                .hasNotPassed(DENY_CERTIFICATION);
        assertThat(endings).isEmpty();
        assertThat(jobQuery().processInstanceId(certification.getId()).count()).isZero();
        assertThat(jobQuery().processInstanceId(MonitoringRoundDriver.currentRound(certification).getId())
                .activityId(MonitoringProcess.ROUND_OPENS_TIMER).count()).isEqualTo(1);
    }

    @Test
    void councilDenialEndsTheCycleAsDenied() {
        // Given the report is with the council
        ProcessInstance certification = certificationBeforeTheCouncil();

        // When the council denies
        councilDecides(certification, "deny");

        // Then the cycle ends as denied, with no certificate and no timer left
        assertThat(certification).isEnded().hasPassed(EVALUATION_PERIOD_END, DENY_CERTIFICATION, DENIED_END)
                .hasNotPassed(ISSUE_CERTIFICATE);
        assertThat(endings).containsExactly("DENIED at " + DENY_CERTIFICATION);
        verify(issuer, never()).issue(any(DelegateExecution.class));
        assertThat(jobQuery().processInstanceId(certification.getId()).count()).isZero();
    }

    // --- The three years after the certificate -------------------------------------------------------

    @Test
    void eachYearIsARoundOfItsOwnCalledWithTheCertificationAndItsYear() {
        // Given a certification just granted
        ProcessInstance certification = certificationBeforeTheCouncil();
        councilDecides(certification, "grant");

        // Then the first round runs as a process of its own, in the same organisation, for year 1
        ProcessInstance round = MonitoringRoundDriver.currentRound(certification);
        assertThat(round.getBusinessKey()).isEqualTo(certification.getBusinessKey());
        assertThat(runtimeService().getVariable(round.getId(), CERTIFICATION_ID)).isEqualTo(1L);
        assertThat(((Number) runtimeService().getVariable(round.getId(), MonitoringProcess.ROUND_NO)).intValue())
                .isEqualTo(1);

        // And after its confirmation the next year's round is called
        rounds.runRound(certification, 1, "confirm");
        assertThat(certification).isWaitingAtExactly(MONITORING_BODY, MONITORING_ROUNDS);
        assertThat(((Number) runtimeService().getVariable(MonitoringRoundDriver.currentRound(certification).getId(),
                MonitoringProcess.ROUND_NO)).intValue()).isEqualTo(2);
    }

    @Test
    void threeConfirmedYearsLeadTheCouncilToRecogniseThePlanAndToTheExecutive() {
        // Given a certification granted on the kick-off's day
        ProcessInstance certification = certificationBeforeTheCouncil();
        councilDecides(certification, "grant");

        // When the council confirms each of the three years, the clock moving from one anniversary to the next
        for (int year = 1; year <= 3; year++) {
            rounds.runRound(certification, year, "confirm");
            if (year < 3) {
                assertThat(certification).isWaitingAtExactly(MONITORING_BODY, MONITORING_ROUNDS).hasNotPassed(RECOGNISE_PLAN_CARRIED_OUT);
            }
        }

        // Then the council recognises the plan as carried out, three years after the certificate
        assertThat(certification).isWaitingAtExactly(RECOGNISE_PLAN_CARRIED_OUT);
        assertThat(task(RECOGNISE_PLAN_CARRIED_OUT, certification)).hasCandidateGroup("council");
        assertThat(ClockUtil.getCurrentTime()).isAfter(date(KICKOFF.plusYears(3).minusDays(31)));

        // And the Executive is issued, and the cycle ends as Executive
        complete(task(RECOGNISE_PLAN_CARRIED_OUT, certification));
        verify(issuer, times(1)).issueExecutive(any(DelegateExecution.class));
        assertThat(certification).isEnded().hasPassedInOrder(MONITORING_ROUNDS, RECOGNISE_PLAN_CARRIED_OUT,
                ISSUE_EXECUTIVE_CERTIFICATE, COMPLETE_CYCLE, EXECUTIVE_END).hasNotPassed(RECORD_REVOCATION);
        assertThat(endings).containsExactly("EXECUTIVE at " + COMPLETE_CYCLE);
    }

    @Test
    void aRevocationEndsTheCycleAsRevokedWithNoFurtherYear() {
        // Given a certification whose first year was confirmed
        ProcessInstance certification = certificationBeforeTheCouncil();
        councilDecides(certification, "grant");
        rounds.runRound(certification, 1, "confirm");

        // When the council revokes the certificate in the second year
        rounds.runRound(certification, 2, "revoke");

        // Then no third year is called and the cycle ends as revoked, with no Executive
        assertThat(certification).isEnded().hasPassed(RECORD_REVOCATION, REVOKED_END)
                .hasNotPassed(RECOGNISE_PLAN_CARRIED_OUT, ISSUE_EXECUTIVE_CERTIFICATE, EXECUTIVE_END);
        assertThat(endings).containsExactly("REVOKED at " + RECORD_REVOCATION);
        assertThat(historyService().createHistoricProcessInstanceQuery().superProcessInstanceId(certification.getId())
                .count()).isEqualTo(2);
        verify(issuer, never()).issueExecutive(any(DelegateExecution.class));
    }

    @Test
    void aConsolidationGetsNoNewCertificateAndEndsWithTheExecutiveConfirmedEveryYear() {
        // Given a consolidation cycle (consultant and a new plan) before the council
        ProcessInstance certification = runtimeService().startProcessInstanceByKey(KEY,
                withVariables(CYCLE_KIND, "CONSOLIDATION"));
        submitApplication(certification);
        recordPayment(certification);
        complete(task(ASSIGN_PROFESSIONALS, certification));
        recordKickoffWorkshop(certification);
        prepareFirstPlan(certification);
        draftPlan(certification);
        reviewPlan(certification, "approve");
        recordEvaluationVisit(certification, "positive");

        // When the council approves the new plan
        councilDecides(certification, "grant");

        // Then no certificate is issued: the years of monitoring confirm the Executive the organisation holds
        verify(issuer, never()).issue(any(DelegateExecution.class));
        assertThat(certification).hasPassed(BEGIN_MONITORING).hasNotPassed(ISSUE_CERTIFICATE)
                .isWaitingAtExactly(MONITORING_BODY, MONITORING_ROUNDS);

        // And after three confirmed years the cycle ends as Executive without a recognition or a new certificate
        for (int year = 1; year <= 3; year++) {
            rounds.runRound(certification, year, "confirm");
        }
        assertThat(certification).isEnded().hasPassed(COMPLETE_CYCLE, EXECUTIVE_END)
                .hasNotPassed(RECOGNISE_PLAN_CARRIED_OUT, ISSUE_EXECUTIVE_CERTIFICATE);
        assertThat(endings).containsExactly("EXECUTIVE at " + COMPLETE_CYCLE);
    }

    @Test
    void theYearsOfMonitoringFollowTheSetting() {
        // Given rules under which the monitoring lasts two years
        rounds = MonitoringRoundDriver.register(KICKOFF, 2);
        ProcessInstance certification = certificationBeforeTheCouncil();
        councilDecides(certification, "grant");

        // When two years are confirmed
        rounds.runRound(certification, 1, "confirm");
        rounds.runRound(certification, 2, "confirm");

        // Then the council recognises the plan
        assertThat(certification).isWaitingAtExactly(RECOGNISE_PLAN_CARRIED_OUT);
    }

    // --- 5- and 6-month clock ------------------------------------------------------------------------

    @Test
    void warningFiresAtFiveMonthsWithoutStoppingTheWork() {
        // Given the evaluation period has started and the needs questionnaire is about to open
        ProcessInstance certification = certificationInEvaluationPeriod();
        complete(task(FORM_WORKING_GROUP, certification));
        Job warning = job(EVALUATION_WARNING_TIMER, certification);
        assertSameInstant(warning.getDuedate(), WARNING_AT);
        assertThat(executableJobs(certification)).isEmpty();

        // When five months have passed
        ClockUtil.setCurrentTime(minutesAfter(WARNING_AT, 1));
        assertThat(executableJobs(certification)).containsExactly(EVALUATION_WARNING_TIMER);
        execute(warning);

        // Then the deadline warning is sent and the work goes on, with the 6-month timer still waiting
        verify(lifecycle, times(1)).warnDeadline(any(DelegateExecution.class));
        verify(lifecycle, never()).flagOverdue(any(DelegateExecution.class));
        assertThat(certification).hasPassed(EVALUATION_WARNING_TIMER, WARN_DEADLINE, DEADLINE_WARNED_END)
                .isWaitingAtExactly(EVALUATION_PERIOD, NEEDS_QUESTIONNAIRE, OPEN_QUESTIONNAIRE_CAMPAIGN);
        assertThat(jobQuery().processInstanceId(certification.getId()).activityId(EVALUATION_WARNING_TIMER).count())
                .isZero();
        assertSameInstant(job(EVALUATION_DEADLINE_TIMER, certification).getDuedate(), DEADLINE_AT);

        openQuestionnaire(certification, date(KICKOFF.plusMonths(5).plusDays(15)));
        closeQuestionnaireEarly(certification);
        assertThat(certification).isWaitingAtExactly(EVALUATION_PERIOD, DRAFT_PLAN);
    }

    @Test
    void deadlineFlagsOverdueAndAsksTheAgency() {
        // Given the plan is being drafted
        ProcessInstance certification = certificationInEvaluationPeriod();
        prepareFirstPlan(certification);

        // When six months have passed
        ClockUtil.setCurrentTime(minutesAfter(DEADLINE_AT, 1));
        assertThat(executableJobs(certification))
                .containsExactlyInAnyOrder(EVALUATION_WARNING_TIMER, EVALUATION_DEADLINE_TIMER);
        execute(job(EVALUATION_DEADLINE_TIMER, certification));

        // Then the certification is flagged overdue and the agency decides, while the plan work goes on
        verify(lifecycle, times(1)).flagOverdue(any(DelegateExecution.class));
        assertThat(certification).hasPassed(FLAG_OVERDUE)
                .isWaitingAtExactly(EVALUATION_PERIOD, DRAFT_PLAN, OVERDUE_EVENT_SUBPROCESS, DECIDE_OVERDUE);
        assertThat(task(DECIDE_OVERDUE, certification)).hasCandidateGroup("agency");
        draftPlan(certification);
        assertThat(certification).isWaitingAtExactly(EVALUATION_PERIOD, APPROVE_PLAN, OVERDUE_EVENT_SUBPROCESS, DECIDE_OVERDUE);
    }

    @Test
    void agencyCanExtendTheDeadlineAndTheClockRunsAgain() {
        // Given the deadline has passed while the plan is being drafted
        ProcessInstance certification = certificationInEvaluationPeriod();
        prepareFirstPlan(certification);
        deadlinePasses(certification);

        // When the agency extends the deadline by two months
        complete(task(DECIDE_OVERDUE, certification),
                withVariables(OVERDUE_DECISION, "extend", EVALUATION_DEADLINE_AT, EXTENDED_DEADLINE_AT));

        // Then a timer waits for the new deadline, and nothing is due yet
        assertThat(certification).isWaitingAtExactly(EVALUATION_PERIOD, DRAFT_PLAN, OVERDUE_EVENT_SUBPROCESS, EXTENDED_DEADLINE_TIMER)
                .hasNotPassed(CLOSE_CERTIFICATION);
        Job extended = job(EXTENDED_DEADLINE_TIMER, certification);
        assertSameInstant(extended.getDuedate(), EXTENDED_DEADLINE_AT);
        assertThat(executableJobs(certification)).doesNotContain(EXTENDED_DEADLINE_TIMER);

        // When the new deadline passes too
        ClockUtil.setCurrentTime(minutesAfter(EXTENDED_DEADLINE_AT, 1));
        assertThat(executableJobs(certification)).contains(EXTENDED_DEADLINE_TIMER);
        execute(extended);

        // Then the certification is flagged overdue again and the agency decides again
        verify(lifecycle, times(2)).flagOverdue(any(DelegateExecution.class));
        assertThat(certification).isWaitingAtExactly(EVALUATION_PERIOD, DRAFT_PLAN, OVERDUE_EVENT_SUBPROCESS, DECIDE_OVERDUE);
        assertThat(completedTasks(certification, DECIDE_OVERDUE)).isEqualTo(1);
        assertThat(endings).isEmpty();
    }

    @Test
    void agencyCanCloseAnOverdueCertification() {
        // Given the deadline has passed while the plan is being drafted
        ProcessInstance certification = certificationInEvaluationPeriod();
        prepareFirstPlan(certification);
        deadlinePasses(certification);

        // When the agency closes the certification
        complete(task(DECIDE_OVERDUE, certification), withVariables(OVERDUE_DECISION, "close"));

        // Then the whole cycle ends as closed: the plan task and the pending 5-month timer are gone
        assertThat(certification).isEnded().hasPassed(CLOSE_CERTIFICATION, CLOSED_END)
                .hasNotPassed(EVALUATION_PERIOD_END, ISSUE_CERTIFICATE, DENY_CERTIFICATION);
        assertThat(endings).containsExactly("CLOSED at " + CLOSE_CERTIFICATION);
        assertThat(taskQuery().processInstanceId(certification.getId()).count()).isZero();
        assertThat(jobQuery().processInstanceId(certification.getId()).count()).isZero();
        assertThat(deleteReasonOf(certification, DRAFT_PLAN)).isNotEqualTo("completed");
    }

    @Test
    void grantingEndsTheOverdueBranchToo() {
        // Given the deadline has passed and the agency has not decided yet
        ProcessInstance certification = certificationInEvaluationPeriod();
        prepareFirstPlan(certification);
        deadlinePasses(certification);

        // When the work is finished and the council grants
        draftPlan(certification);
        reviewPlan(certification, "approve");
        recordEvaluationVisit(certification, "positive");
        councilDecides(certification, "grant");

        // Then the certificate ends the evaluation period with its pending overdue decision
        verify(issuer, times(1)).issue(any(DelegateExecution.class));
        assertThat(certification).isWaitingAtExactly(MONITORING_BODY, MONITORING_ROUNDS).hasNotPassed(CLOSE_CERTIFICATION);
        assertThat(deleteReasonOf(certification, DECIDE_OVERDUE)).isNotEqualTo("completed");
        assertThat(endings).isEmpty();
    }

    @Test
    void grantingCancelsAPendingExtendedDeadline() {
        // Given the agency extended the deadline
        ProcessInstance certification = certificationInEvaluationPeriod();
        prepareFirstPlan(certification);
        deadlinePasses(certification);
        complete(task(DECIDE_OVERDUE, certification),
                withVariables(OVERDUE_DECISION, "extend", EVALUATION_DEADLINE_AT, EXTENDED_DEADLINE_AT));

        // When the council grants before the new deadline
        draftPlan(certification);
        reviewPlan(certification, "approve");
        recordEvaluationVisit(certification, "positive");
        councilDecides(certification, "grant");

        // Then the cycle is certified and the extended-deadline timer is gone
        assertThat(certification).hasPassed(ISSUE_CERTIFICATE).isWaitingAtExactly(MONITORING_BODY, MONITORING_ROUNDS);
        assertThat(jobQuery().processInstanceId(certification.getId()).count()).isZero();
        verify(lifecycle, times(1)).flagOverdue(any(DelegateExecution.class));
        assertThat(endings).isEmpty();
    }

    // --- Withdrawal ----------------------------------------------------------------------------------

    enum Moment { APPLICATION, PAYMENT, PROFESSIONALS, KICKOFF, QUESTIONNAIRE, EVALUATION_PERIOD, OVERDUE, COUNCIL, MONITORING }

    @ParameterizedTest(name = "withdrawn during {0}")
    @EnumSource(Moment.class)
    void organisationCanWithdrawAtAnyMoment(Moment moment) {
        // Given a certification at the given moment
        ProcessInstance certification = certificationAt(moment);
        assertThat(certification).isActive();

        // When the organisation withdraws
        runtimeService().createMessageCorrelation(WITHDRAWAL_MESSAGE)
                .processInstanceId(certification.getId())
                .correlateWithResult();

        // Then the cycle ends as withdrawn, with no task or timer left
        assertThat(certification).isEnded().hasPassed(RECORD_WITHDRAWAL, WITHDRAWN_END)
                .hasNotPassed(EXECUTIVE_END, REVOKED_END, DENIED_END, CLOSED_END);
        assertThat(runtimeService().createProcessInstanceQuery().superProcessInstanceId(certification.getId()).count())
                .as("a monitoring round still running").isZero();
        assertThat(endings).containsExactly("WITHDRAWN at " + RECORD_WITHDRAWAL);
        verify(lifecycle, times(1)).end(any(DelegateExecution.class), eq("WITHDRAWN"));
        verify(issuer, times(moment == Moment.MONITORING ? 1 : 0)).issue(any(DelegateExecution.class));
        assertThat(taskQuery().processInstanceId(certification.getId()).count()).isZero();
        assertThat(jobQuery().processInstanceId(certification.getId()).count()).isZero();
    }

    private ProcessInstance certificationAt(Moment moment) {
        ProcessInstance certification = startCertification();
        switch (moment) {
            case APPLICATION -> assertThat(certification).isWaitingAtExactly(SUBMIT_APPLICATION);
            case PAYMENT -> {
                submitApplication(certification);
                assertThat(certification).isWaitingAtExactly(RECORD_PAYMENT);
            }
            case PROFESSIONALS -> {
                submitApplication(certification);
                recordPayment(certification);
                assertThat(certification).isWaitingAtExactly(ASSIGN_PROFESSIONALS);
            }
            case KICKOFF -> {
                submitApplication(certification);
                recordPayment(certification);
                complete(task(ASSIGN_PROFESSIONALS, certification));
                assertThat(certification).isWaitingAtExactly(RECORD_KICKOFF_WORKSHOP);
            }
            case QUESTIONNAIRE -> {
                certification = certificationInEvaluationPeriod();
                complete(task(FORM_WORKING_GROUP, certification));
                openQuestionnaire(certification, QUESTIONNAIRE_CLOSES);
                assertThat(jobQuery().processInstanceId(certification.getId()).count()).isEqualTo(3);
            }
            case EVALUATION_PERIOD -> {
                certification = certificationInEvaluationPeriod();
                prepareFirstPlan(certification);
                assertThat(certification).isWaitingAtExactly(EVALUATION_PERIOD, DRAFT_PLAN);
                assertThat(jobQuery().processInstanceId(certification.getId()).count()).isEqualTo(2);
            }
            case OVERDUE -> {
                certification = certificationInEvaluationPeriod();
                prepareFirstPlan(certification);
                deadlinePasses(certification);
                assertThat(certification).isWaitingAtExactly(EVALUATION_PERIOD, DRAFT_PLAN, OVERDUE_EVENT_SUBPROCESS, DECIDE_OVERDUE);
            }
            case COUNCIL -> {
                certification = certificationBeforeTheCouncil();
                assertThat(certification).isWaitingAtExactly(EVALUATION_PERIOD, DECIDE_CERTIFICATION);
            }
            case MONITORING -> {
                certification = certificationBeforeTheCouncil();
                councilDecides(certification, "grant");
                rounds.openRound(certification, 1);
                assertThat(certification).isWaitingAtExactly(MONITORING_BODY, MONITORING_ROUNDS);
            }
        }
        return certification;
    }

    // --- Tasks, due dates and forms ------------------------------------------------------------------

    @Test
    void everyUserTaskHasCandidateGroupDueDateAndForm() {
        // Given the user tasks of the model
        Set<String> userTasks = userTaskIds(modelFromClasspath());
        assertThat(userTasks).containsExactlyInAnyOrderElementsOf(CONTRACT.keySet());

        // When both ways through the process are run (one of them with an overdue decision)
        Set<String> seen = new LinkedHashSet<>();
        Consumer<Task> inspect = task -> {
            seen.add(task.getTaskDefinitionKey());
            ExpectedTask expected = CONTRACT.get(task.getTaskDefinitionKey());
            // Then each task is offered to the group of the contract ...
            assertThat(candidateGroups(task)).as("candidate groups of %s", task.getTaskDefinitionKey())
                    .containsExactly(expected.group());
            // ... is due the given number of days after its creation ...
            assertThat(task.getDueDate()).as("due date of %s", task.getTaskDefinitionKey()).isNotNull();
            assertSameInstant(task.getDueDate(), expected.dueDays() < 0 ? QUESTIONNAIRE_CLOSES
                    : date(task.getCreateTime().toInstant().atZone(ZoneId.systemDefault()).plusDays(expected.dueDays())));
            // ... and shows the Camunda form of the contract, latest version
            assertThat(task.getCamundaFormRef()).as("form ref of %s", task.getTaskDefinitionKey()).isNotNull();
            assertThat(task.getCamundaFormRef().getKey()).isEqualTo(expected.form());
            assertThat(task.getCamundaFormRef().getBinding()).isEqualTo("latest");
        };
        runThroughEveryUserTask("organisation", inspect, task -> { });
        runThroughEveryUserTask("agency", inspect, task -> { });

        // And every user task of the model was reached
        assertThat(seen).containsExactlyInAnyOrderElementsOf(userTasks);
    }

    @Test
    void everyFormRefResolvesToADeployedForm() throws IOException {
        // Given the model, the decision and every form deployed together, as the application does
        DeploymentBuilder deployment = repositoryService().createDeployment()
                .name("certification with forms")
                .addClasspathResource(MODEL)
                .addClasspathResource(MONITORING_MODEL)
                .addClasspathResource(FEE_DECISION_MODEL);
        Resource[] forms = formFiles();
        assertThat(forms).isNotEmpty();
        for (Resource form : forms) {
            try (InputStream content = form.getInputStream()) {
                deployment.addString("forms/" + form.getFilename(),
                        new String(content.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        String deploymentId = deployment.deploy().getId();
        try {
            // When both ways through the process are run
            Set<String> seen = new HashSet<>();
            Consumer<Task> inspect = task -> {
                seen.add(task.getTaskDefinitionKey());
                // Then the engine finds the deployed form each task refers to
                try (InputStream content = formService().getDeployedTaskForm(task.getId())) {
                    assertThat(JSON.readTree(content).path("id").asText())
                            .as("deployed form of %s", task.getTaskDefinitionKey())
                            .isEqualTo(task.getCamundaFormRef().getKey());
                } catch (IOException e) {
                    throw new AssertionError("form of " + task.getTaskDefinitionKey() + " unreadable", e);
                }
            };
            Set<String> seenInRounds = new HashSet<>();
            Consumer<Task> inspectRound = task -> {
                seenInRounds.add(task.getTaskDefinitionKey());
                inspect.accept(task);
            };
            runThroughEveryUserTask("organisation", inspect, inspectRound);
            runThroughEveryUserTask("agency", inspect, inspectRound);
            assertThat(seen).containsAll(userTaskIds(modelFromClasspath())).containsAll(seenInRounds);
            assertThat(seenInRounds).contains(MonitoringProcess.COMPILE_REPORT, MonitoringProcess.DECIDE);
        } finally {
            repositoryService().deleteDeployment(deploymentId, true);
        }
    }

    @Test
    void everyFormRefInEveryModelNamesAFormFileWithThatId() throws IOException {
        // Given the form files, by the id inside them
        Map<String, String> formIdByFile = new HashMap<>();
        for (Resource form : formFiles()) {
            try (InputStream content = form.getInputStream()) {
                formIdByFile.put(form.getFilename(), JSON.readTree(content).path("id").asText());
            }
        }

        // When the form refs of every model (certification, monitoring, maintenance) are read
        Set<String> formRefs = new HashSet<>();
        Resource[] models = new PathMatchingResourcePatternResolver().getResources(ALL_MODELS);
        assertThat(models).hasSizeGreaterThanOrEqualTo(3);
        for (Resource resource : models) {
            BpmnModelInstance model;
            try (InputStream in = resource.getInputStream()) {
                model = Bpmn.readModelFromStream(in);
            }
            for (UserTask userTask : model.getModelElementsByType(UserTask.class)) {
                String ref = userTask.getCamundaFormRef();
                // Then each names forms/<ref>.form, whose id is the ref, bound to its latest version
                assertThat(ref).as("formRef of %s in %s", userTask.getId(), resource.getFilename()).isNotBlank();
                assertThat(userTask.getCamundaFormRefBinding()).as("formRefBinding of %s", userTask.getId())
                        .isEqualTo("latest");
                assertThat(formIdByFile).as("form file for %s", userTask.getId()).containsEntry(ref + ".form", ref);
                formRefs.add(ref);
            }
        }

        // And every form file but the employees' questionnaire (our public page shows it, no task) is
        // used by some task, and each carries its own file name as id
        assertThat(formIdByFile.values()).containsExactlyInAnyOrderElementsOf(
                Stream.concat(formRefs.stream(), Stream.of(QUESTIONNAIRE_FORM)).toList());
        formIdByFile.forEach((file, id) -> assertThat(file).isEqualTo(id + ".form"));
    }

    // --- Drivers -------------------------------------------------------------------------------------

    private ProcessInstance startCertification() {
        return startCertification(Map.of());
    }

    private ProcessInstance startCertification(Map<String, Object> variables) {
        return runtimeService().startProcessInstanceByKey(KEY, variables);
    }

    private void submitApplication(ProcessInstance certification) {
        complete(task(SUBMIT_APPLICATION, certification), withVariables(EMPLOYEES_INVOLVED, 20L));
    }

    private void recordPayment(ProcessInstance certification) {
        complete(task(RECORD_PAYMENT, certification));
    }

    private void recordKickoffWorkshop(ProcessInstance certification) {
        complete(task(RECORD_KICKOFF_WORKSHOP, certification), kickoffVariables());
    }

    private static Map<String, Object> kickoffVariables() {
        return withVariables(EVALUATION_WARNING_AT, WARNING_AT, EVALUATION_DEADLINE_AT, DEADLINE_AT);
    }

    /** Agency path up to the first task of the evaluation period. */
    private ProcessInstance certificationInEvaluationPeriod() {
        ProcessInstance certification = startCertification();
        submitApplication(certification);
        recordPayment(certification);
        complete(task(ASSIGN_PROFESSIONALS, certification));
        recordKickoffWorkshop(certification);
        assertThat(certification).isWaitingAtExactly(EVALUATION_PERIOD, FORM_WORKING_GROUP);
        return certification;
    }

    private void prepareFirstPlan(ProcessInstance certification) {
        complete(task(FORM_WORKING_GROUP, certification));
        openQuestionnaire(certification, QUESTIONNAIRE_CLOSES);
        closeQuestionnaireEarly(certification);
    }

    /** The referent opens the campaign; its timer will close it at the given moment. */
    private void openQuestionnaire(ProcessInstance certification, Date closesAt) {
        complete(task(OPEN_QUESTIONNAIRE_CAMPAIGN, certification), withVariables(QUESTIONNAIRE_CLOSES_AT, closesAt));
        assertThat(certification).isWaitingAt(COLLECT_QUESTIONNAIRE_ANSWERS);
    }

    /** What the API does when the referent closes the campaign early. */
    private void closeQuestionnaireEarly(ProcessInstance certification) {
        runtimeService().createMessageCorrelation(QUESTIONNAIRE_CLOSED_EARLY_MESSAGE)
                .processInstanceId(certification.getId())
                .correlateWithResult();
    }

    private void draftPlan(ProcessInstance certification) {
        complete(task(DRAFT_PLAN, certification));
    }

    private void reviewPlan(ProcessInstance certification, String decision) {
        complete(task(APPROVE_PLAN, certification), withVariables(PLAN_DECISION, decision));
    }

    private void recordEvaluationVisit(ProcessInstance certification, String outcome) {
        complete(task(RECORD_EVALUATION_VISIT, certification), withVariables(EVALUATION_OUTCOME, outcome));
    }

    private void councilDecides(ProcessInstance certification, String decision) {
        complete(task(DECIDE_CERTIFICATION, certification), withVariables(COUNCIL_DECISION, decision));
    }

    private ProcessInstance certificationBeforeTheCouncil() {
        ProcessInstance certification = certificationInEvaluationPeriod();
        prepareFirstPlan(certification);
        draftPlan(certification);
        reviewPlan(certification, "approve");
        recordEvaluationVisit(certification, "positive");
        assertThat(certification).isWaitingAtExactly(EVALUATION_PERIOD, DECIDE_CERTIFICATION);
        return certification;
    }

    private void deadlinePasses(ProcessInstance certification) {
        ClockUtil.setCurrentTime(minutesAfter(DEADLINE_AT, 1));
        execute(job(EVALUATION_DEADLINE_TIMER, certification));
        assertThat(certification).isWaitingAt(DECIDE_OVERDUE);
    }

    /**
     * One full run to the Executive, handing each user task (with its form ref initialised) to
     * {@code inspect} before completing it, and each task of the three yearly rounds to {@code inspectRound};
     * the 6-month deadline passes before the council decides, so the overdue decision is reached too (and
     * left open: the council's decision ends the evaluation period with it).
     */
    private void runThroughEveryUserTask(String consultantChoice, Consumer<Task> inspect, Consumer<Task> inspectRound) {
        ClockUtil.setCurrentTime(START);
        ProcessInstance certification = startCertification(withVariables(CONSULTANT_CHOICE, consultantChoice));
        inspectAndComplete(certification, SUBMIT_APPLICATION, withVariables(EMPLOYEES_INVOLVED, 20L), inspect);
        inspectAndComplete(certification, RECORD_PAYMENT, Map.of(), inspect);
        if ("organisation".equals(consultantChoice)) {
            inspectAndComplete(certification, CHOOSE_CONSULTANT, Map.of(), inspect);
            inspectAndComplete(certification, ASSIGN_EVALUATOR, Map.of(), inspect);
        } else {
            inspectAndComplete(certification, ASSIGN_PROFESSIONALS, Map.of(), inspect);
        }
        inspectAndComplete(certification, RECORD_KICKOFF_WORKSHOP, kickoffVariables(), inspect);
        inspectAndComplete(certification, FORM_WORKING_GROUP, Map.of(), inspect);
        inspectAndComplete(certification, OPEN_QUESTIONNAIRE_CAMPAIGN, withVariables(QUESTIONNAIRE_CLOSES_AT,
                QUESTIONNAIRE_CLOSES), inspect);
        inspectAndComplete(certification, COLLECT_QUESTIONNAIRE_ANSWERS, Map.of(), inspect);
        inspectAndComplete(certification, DRAFT_PLAN, Map.of(), inspect);
        inspectAndComplete(certification, APPROVE_PLAN, withVariables(PLAN_DECISION, "approve"), inspect);
        inspectAndComplete(certification, RECORD_EVALUATION_VISIT, withVariables(EVALUATION_OUTCOME, "positive"),
                inspect);
        deadlinePasses(certification);
        inspect.accept(taskWithForm(certification, DECIDE_OVERDUE));
        inspectAndComplete(certification, DECIDE_CERTIFICATION, withVariables(COUNCIL_DECISION, "grant"), inspect);
        for (int year = 1; year <= 3; year++) {
            ProcessInstance round = rounds.openRound(certification, year);
            inspectAndComplete(round, MonitoringProcess.COMPILE_REPORT, Map.of(), inspectRound);
            inspectAndComplete(round, MonitoringProcess.APPROVE_REPORT,
                    withVariables(MonitoringProcess.REPORT_DECISION, "approve"), inspectRound);
            inspectAndComplete(round, MonitoringProcess.AUDIT_REPORT, Map.of(), inspectRound);
            inspectAndComplete(round, MonitoringProcess.DECIDE,
                    withVariables(MonitoringProcess.MONITORING_DECISION, "confirm"), inspectRound);
        }
        inspectAndComplete(certification, RECOGNISE_PLAN_CARRIED_OUT, Map.of(), inspect);
        assertThat(certification).isEnded().hasPassed(ISSUE_EXECUTIVE_CERTIFICATE, EXECUTIVE_END);
    }

    private void inspectAndComplete(ProcessInstance certification, String taskKey, Map<String, Object> variables,
                                    Consumer<Task> inspect) {
        Task task = taskWithForm(certification, taskKey);
        inspect.accept(task);
        taskService().complete(task.getId(), variables);
    }

    private Task taskWithForm(ProcessInstance certification, String taskKey) {
        Task task = taskQuery().processInstanceId(certification.getId()).taskDefinitionKey(taskKey)
                .initializeFormKeys().singleResult();
        assertThat(task).as("open task %s", taskKey).isNotNull();
        return task;
    }

    // --- Helpers -------------------------------------------------------------------------------------

    private static List<String> executableJobs(ProcessInstance certification) {
        return jobQuery().processInstanceId(certification.getId()).executable().list().stream()
                .map(job -> managementService().createJobDefinitionQuery()
                        .jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId())
                .toList();
    }

    private static long completedTasks(ProcessInstance certification, String taskKey) {
        return historyService().createHistoricTaskInstanceQuery().processInstanceId(certification.getId())
                .taskDefinitionKey(taskKey).finished().list().stream()
                .filter(t -> "completed".equals(t.getDeleteReason())).count();
    }

    private static String deleteReasonOf(ProcessInstance certification, String taskKey) {
        HistoricTaskInstance task = historyService().createHistoricTaskInstanceQuery()
                .processInstanceId(certification.getId()).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("historic task %s", taskKey).isNotNull();
        assertThat(task.getEndTime()).as("end of %s", taskKey).isNotNull();
        return task.getDeleteReason();
    }

    private static Set<String> candidateGroups(Task task) {
        return taskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId)
                .collect(Collectors.toSet());
    }

    private static BpmnModelInstance modelFromClasspath() {
        try (InputStream model = CertificationProcessTest.class.getClassLoader().getResourceAsStream(MODEL)) {
            assertThat(model).as(MODEL).isNotNull();
            return Bpmn.readModelFromStream(model);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Set<String> userTaskIds(BpmnModelInstance model) {
        return model.getModelElementsByType(UserTask.class).stream().map(UserTask::getId)
                .collect(Collectors.toSet());
    }

    private static Resource[] formFiles() throws IOException {
        return new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form");
    }

    private static void assertSameInstant(Date actual, Date expected) {
        assertThat(actual).isNotNull();
        assertThat(actual.toInstant()).isEqualTo(expected.toInstant());
    }

    private static Date minutesAfter(Date date, int minutes) {
        return new Date(date.getTime() + minutes * 60_000L);
    }

    private static Date date(ZonedDateTime dateTime) {
        return Date.from(dateTime.toInstant());
    }

    private static Map.Entry<String, ExpectedTask> expect(String task, String group, int dueDays, String form) {
        return Map.entry(task, new ExpectedTask(group, dueDays, form));
    }

    /** @param dueDays days after the task's creation it is due; negative: due when the questionnaire closes */
    private record ExpectedTask(String group, int dueDays, String form) {
    }
}
