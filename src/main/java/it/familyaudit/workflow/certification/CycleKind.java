package it.familyaudit.workflow.certification;

import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.engine.FormValidationException;
import java.util.Arrays;
import java.util.List;

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

    /** The kind a caller named (any case); none named is a certification; another name is a field error. */
    public static CycleKind parse(String kind) {
        if (kind == null || kind.isBlank()) {
            return CERTIFICATION;
        }
        return Arrays.stream(values()).filter(k -> k.name().equalsIgnoreCase(kind.strip())).findFirst()
                .orElseThrow(() -> new FormValidationException(List.of(new FieldError("kind",
                        "Valore non ammesso: CERTIFICATION, MAINTENANCE o CONSOLIDATION"))));
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
