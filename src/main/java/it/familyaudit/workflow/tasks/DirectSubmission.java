package it.familyaudit.workflow.tasks;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Hands a completion's form values from our API straight to {@link FormTaskListener}, which runs
 * synchronously on the same thread inside the engine's command. Going through process variables
 * instead would make the engine write every field, with its history, only for the listener to
 * delete it again; Tasklist and {@code /engine-rest} submissions still arrive that way.
 */
public final class DirectSubmission {

    private record Values(String taskId, Map<String, Object> values) {
    }

    private static final ThreadLocal<Values> CURRENT = new ThreadLocal<>();

    private DirectSubmission() {
    }

    public static <T> T completing(String taskId, Map<String, Object> values, Supplier<T> completion) {
        CURRENT.set(new Values(taskId, values));
        try {
            return completion.get();
        } finally {
            CURRENT.remove();
        }
    }

    /** The values submitted for this task on this thread, if it is being completed through our API. */
    static Optional<Map<String, Object>> of(String taskId) {
        Values current = CURRENT.get();
        return current != null && current.taskId().equals(taskId) ? Optional.of(current.values()) : Optional.empty();
    }
}
