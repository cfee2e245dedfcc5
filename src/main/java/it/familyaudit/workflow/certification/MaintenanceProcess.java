package it.familyaudit.workflow.certification;

/**
 * Ids of {@code bpmn/family-audit-maintenance.bpmn}: application, fee and evaluator, then the Executive
 * confirmed every year. Its user tasks are those of the certification model, with the same ids and steps.
 */
public final class MaintenanceProcess {

    public static final String KEY = "family-audit-maintenance";

    public static final String MONITORING_ROUNDS = CertificationProcess.MONITORING_ROUNDS;
    public static final String MAINTAINED_END = "ExecutiveMaintainedEndEvent";
    public static final String REVOKED_END = CertificationProcess.REVOKED_END;
    public static final String WITHDRAWN_END = CertificationProcess.WITHDRAWN_END;

    private MaintenanceProcess() {
    }
}
