package it.familyaudit.workflow.certification;

/**
 * What a cycle is for. The first {@code CERTIFICATION} leads to the Family Audit certificate, three
 * years of monitoring and the Executive; then {@code MAINTENANCE} (new application and fee, the Executive
 * confirmed every year) and, after a maintenance, {@code CONSOLIDATION} (consultant and a new plan,
 * confirmed every year).
 */
public enum CycleKind {
    CERTIFICATION("Certificazione", "avviata", CertificationProcess.KEY),
    MAINTENANCE("Mantenimento", "avviato", MaintenanceProcess.KEY),
    CONSOLIDATION("Consolidamento", "avviato", CertificationProcess.KEY);

    private final String italian;
    private final String started;
    private final String processKey;

    CycleKind(String italian, String started, String processKey) {
        this.italian = italian;
        this.started = started;
        this.processKey = processKey;
    }

    /** "Certificazione avviata", "Mantenimento avviato": the participle agrees with the noun's gender. */
    public String italianStarted() {
        return italian + " " + started;
    }

    public String italian() {
        return italian;
    }

    /** The model that runs a cycle of this kind. */
    public String processKey() {
        return processKey;
    }
}
