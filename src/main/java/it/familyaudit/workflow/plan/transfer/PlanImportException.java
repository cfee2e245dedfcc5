package it.familyaudit.workflow.plan.transfer;

import java.util.List;

/**
 * A plan file that cannot be imported, with every problem found at once (sorted by row, then column).
 * Nothing of the file has been used: an import is all or nothing.
 */
public class PlanImportException extends RuntimeException {

    private final transient List<ImportError> errors;

    public PlanImportException(List<ImportError> errors) {
        super("Il file del piano non può essere importato (" + errors.size() + " errori) / The plan file cannot be imported");
        this.errors = List.copyOf(errors);
    }

    public List<ImportError> errors() {
        return errors;
    }
}
