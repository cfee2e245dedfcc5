package it.familyaudit.workflow.tasks;

import java.util.Map;

/**
 * What a completed step leaves behind.
 *
 * @param decision          the decision taken, for the timeline ({@code null} when there is no choice)
 * @param summary           one Italian line for the timeline
 * @param processVariables  decisions and ids the process routes on; nothing else stays in the engine
 */
public record StepOutcome(String decision, String summary, Map<String, Object> processVariables) {

    public static StepOutcome recorded(String summary) {
        return new StepOutcome(null, summary, Map.of());
    }

    public static StepOutcome decided(String variable, String decision, String summary) {
        return new StepOutcome(decision, summary, Map.of(variable, decision));
    }
}
