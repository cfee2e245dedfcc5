package it.familyaudit.workflow.tasks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every {@link TaskStep} of the application, by task key. */
public final class TaskSteps {

    private final Map<String, TaskStep> byKey = new HashMap<>();

    public TaskSteps(List<TaskStep> steps) {
        for (TaskStep step : steps) {
            if (byKey.put(step.taskKey(), step) != null) {
                throw new IllegalStateException("Two steps for task " + step.taskKey());
            }
        }
    }

    public Optional<TaskStep> find(String taskKey) {
        return Optional.ofNullable(byKey.get(taskKey));
    }

    public TaskStep get(String taskKey) {
        return find(taskKey).orElseThrow(() -> new IllegalStateException("No step handles the task " + taskKey));
    }
}
