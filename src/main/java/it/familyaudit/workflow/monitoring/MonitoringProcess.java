package it.familyaudit.workflow.monitoring;

/** Ids, decision and variables of {@code bpmn/family-audit-annual-monitoring.bpmn} and {@code bpmn/monitoring-outcome.dmn}. */
public final class MonitoringProcess {

    public static final String KEY = "family-audit-annual-monitoring";
    public static final String OUTCOME_DECISION = "monitoring-outcome";

    // User tasks
    public static final String COMPILE_REPORT = "CompileMonitoringReportTask";
    public static final String APPROVE_REPORT = "ApproveMonitoringReportTask";
    public static final String AUDIT_REPORT = "AuditMonitoringReportTask";
    public static final String DECIDE = "DecideMonitoringTask";
    public static final String COMPLETE_CORRECTIVE_MEASURES = "CompleteCorrectiveMeasuresTask";
    public static final String HANDLE_ESCALATION = "HandleMonitoringEscalationTask";

    // Other activities and events
    public static final String SCHEDULE_ROUND = "ScheduleRoundTask";
    public static final String ROUND_OPENS_TIMER = "RoundOpensTimer";
    public static final String OPEN_ROUND = "OpenRoundTask";
    public static final String ROUND_WORK = "RoundWorkSubProcess";
    public static final String RECOMMEND_OUTCOME = "RecommendMonitoringOutcomeTask";
    public static final String CONFIRM_CERTIFICATE = "ConfirmCertificateTask";
    public static final String REVOKE_CERTIFICATE = "RevokeCertificateTask";
    public static final String DEADLINE_CHECK_TIMER = "DeadlineCheckTimer";
    public static final String CHECK_DEADLINES = "CheckDeadlinesTask";
    public static final String ROUND_CONFIRMED_END = "RoundConfirmedEndEvent";
    public static final String CERTIFICATE_REVOKED_END = "RoundRevokedEndEvent";
    public static final String ROUND_END = "RoundEndEvent";
    public static final String ESCALATION_HANDLED_END = "EscalationHandledEndEvent";
    public static final String NO_ESCALATION_END = "NoEscalationEndEvent";

    // Variables
    /** In: which year of monitoring this round is (1, 2, 3). */
    public static final String ROUND_NO = "roundNo";
    public static final String ROUND_OPENS_AT = "roundOpensAt";
    public static final String REPORT_DUE_AT = "reportDueAt";
    public static final String REPORT_DECISION = "reportDecision";
    /** Out (as {@code monitoringOutcome}): the council's decision, {@code confirm}, {@code corrective} or {@code revoke}. */
    public static final String MONITORING_DECISION = "monitoringDecision";
    public static final String CORRECTIVE_DEADLINE_AT = "correctiveDeadlineAt";
    public static final String ESCALATION_RAISED = "escalationRaised";

    private MonitoringProcess() {
    }
}
