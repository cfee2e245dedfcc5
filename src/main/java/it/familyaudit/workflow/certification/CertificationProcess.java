package it.familyaudit.workflow.certification;

/** Ids, messages and variables of {@code bpmn/family-audit-certification.bpmn}. */
public final class CertificationProcess {

    public static final String KEY = "family-audit-certification";
    public static final String FEE_DECISION = "family-audit-fee";

    // User tasks
    public static final String SUBMIT_APPLICATION = "SubmitApplicationTask";
    public static final String RECORD_PAYMENT = "RecordPaymentTask";
    public static final String CHOOSE_CONSULTANT = "ChooseConsultantTask";
    public static final String ASSIGN_EVALUATOR = "AssignEvaluatorTask";
    public static final String ASSIGN_PROFESSIONALS = "AssignProfessionalsTask";
    public static final String RECORD_KICKOFF_WORKSHOP = "RecordKickoffWorkshopTask";
    public static final String FORM_WORKING_GROUP = "FormWorkingGroupTask";
    public static final String OPEN_QUESTIONNAIRE_CAMPAIGN = "OpenQuestionnaireCampaignTask";
    public static final String COLLECT_QUESTIONNAIRE_ANSWERS = "CollectQuestionnaireAnswersTask";
    public static final String DRAFT_PLAN = "DraftPlanTask";
    public static final String APPROVE_PLAN = "ApprovePlanTask";
    public static final String RECORD_EVALUATION_VISIT = "RecordEvaluationVisitTask";
    public static final String DECIDE_CERTIFICATION = "DecideCertificationTask";
    public static final String DECIDE_OVERDUE = "DecideOverdueTask";
    public static final String RECOGNISE_PLAN_CARRIED_OUT = "RecognisePlanCarriedOutTask";

    // Other activities and events
    public static final String COMPUTE_FEE = "ComputeFeeTask";
    public static final String ISSUE_CERTIFICATE = "IssueCertificateTask";
    public static final String EVALUATION_PERIOD = "EvaluationPeriodSubProcess";
    public static final String EVALUATION_WARNING_TIMER = "EvaluationWarningTimer";
    public static final String EVALUATION_DEADLINE_TIMER = "EvaluationDeadlineTimer";
    public static final String EXTENDED_DEADLINE_TIMER = "ExtendedDeadlineTimer";
    public static final String OVERDUE_EVENT_SUBPROCESS = "OverdueEventSubProcess";
    public static final String EVALUATION_PERIOD_END = "EvaluationPeriodEndEvent";
    public static final String BEGIN_MONITORING = "BeginMonitoringTask";
    public static final String MONITORING_ROUNDS = "MonitoringRoundsCallActivity";
    public static final String ISSUE_EXECUTIVE_CERTIFICATE = "IssueExecutiveCertificateTask";
    public static final String EXECUTIVE_END = "ExecutiveEndEvent";
    public static final String REVOKED_END = "CertificateRevokedEndEvent";
    public static final String NEEDS_QUESTIONNAIRE = "NeedsQuestionnaireSubProcess";
    public static final String QUESTIONNAIRE_CLOSING_TIMER = "QuestionnaireClosingTimer";
    public static final String QUESTIONNAIRE_CLOSED_EARLY = "QuestionnaireClosedEarlyEvent";
    public static final String CLOSE_QUESTIONNAIRE = "CloseQuestionnaireTask";
    public static final String DENIED_END = "CertificationDeniedEndEvent";
    public static final String CLOSED_END = "CertificationClosedEndEvent";
    public static final String WITHDRAWN_END = "CertificationWithdrawnEndEvent";

    public static final String WITHDRAWAL_MESSAGE = "CertificationWithdrawalRequested";
    /** The referent closes the needs questionnaire before its closing date. */
    public static final String QUESTIONNAIRE_CLOSED_EARLY_MESSAGE = "QuestionnaireClosedEarly";

    // Variables
    public static final String CERTIFICATION_ID = "certificationId";
    public static final String ORGANIZATION_CODE = "organizationCode";
    public static final String CONSULTANT_CHOICE = "consultantChoice";
    public static final String EMPLOYEES_INVOLVED = "employeesInvolved";
    public static final String FEE_AMOUNT = "feeAmount";
    public static final String EVALUATION_WARNING_AT = "evaluationWarningAt";
    public static final String EVALUATION_DEADLINE_AT = "evaluationDeadlineAt";
    /** When the questionnaire's timer closes it: the start of the day after its closing date. */
    public static final String QUESTIONNAIRE_CLOSES_AT = "questionnaireClosesAt";
    public static final String PLAN_DECISION = "planDecision";
    public static final String EVALUATION_OUTCOME = "evaluationOutcome";
    public static final String COUNCIL_DECISION = "councilDecision";
    public static final String OVERDUE_DECISION = "overdueDecision";
    /** {@link CycleKind}: CERTIFICATION or CONSOLIDATION in this model. */
    public static final String CYCLE_KIND = "cycleKind";
    /** How many yearly rounds the cycle runs (the multi-instance call activity's cardinality). */
    public static final String MONITORING_YEARS = "monitoringYears";
    /** The council's decision on the last round: {@code confirm} or {@code revoke}. */
    public static final String MONITORING_OUTCOME = "monitoringOutcome";

    private CertificationProcess() {
    }
}
