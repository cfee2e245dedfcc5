package it.familyaudit.workflow.certification;

/**
 * What a cycle is for. The first {@code CERTIFICATION} leads to the Family Audit certificate, three
 * years of monitoring and the Executive; then {@code MAINTENANCE} (new application and fee, the Executive
 * confirmed every year) and, after a maintenance, {@code CONSOLIDATION} (consultant and a new plan,
 * confirmed every year).
 */
public enum CycleKind {
    CERTIFICATION("Certificazione", CertificationProcess.KEY),
    MAINTENANCE("Mantenimento", MaintenanceProcess.KEY),
    CONSOLIDATION("Consolidamento", CertificationProcess.KEY);

    private final String italian;
    private final String processKey;

    CycleKind(String italian, String processKey) {
        this.italian = italian;
        this.processKey = processKey;
    }

    public String italian() {
        return italian;
    }

    /** The model that runs a cycle of this kind. */
    public String processKey() {
        return processKey;
    }
}
