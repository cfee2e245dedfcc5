package it.familyaudit.workflow.certification;

import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.engine.FormValidationException;
import java.util.Arrays;
import java.util.List;

/** Which kind of cycle to start: CERTIFICATION (the default), MAINTENANCE or CONSOLIDATION. */
record StartRequest(String kind) {

    CycleKind validKind() {
        if (kind == null || kind.isBlank()) {
            return CycleKind.CERTIFICATION;
        }
        return Arrays.stream(CycleKind.values()).filter(k -> k.name().equalsIgnoreCase(kind.strip())).findFirst()
                .orElseThrow(() -> new FormValidationException(List.of(new FieldError("kind",
                        "Valore non ammesso: CERTIFICATION, MAINTENANCE o CONSOLIDATION"))));
    }
}
