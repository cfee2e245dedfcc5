package it.familyaudit.workflow.certification;

import it.familyaudit.workflow.tasks.TaskStep;

/** A step of the certification process: its user task and the phase the certification is in meanwhile. */
public abstract class CertificationStep implements TaskStep {

    private final String taskKey;
    private final Phase phase;

    /** @param phase {@code null} for a task beside the main work, which leaves the phase as it is */
    protected CertificationStep(String taskKey, Phase phase) {
        this.taskKey = taskKey;
        this.phase = phase;
    }

    @Override
    public final String taskKey() {
        return taskKey;
    }

    @Override
    public final String phase() {
        return phase == null ? null : phase.name();
    }
}
