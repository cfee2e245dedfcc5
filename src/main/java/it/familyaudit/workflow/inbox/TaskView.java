package it.familyaudit.workflow.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Views of user tasks served by the API. */
public final class TaskView {

    private TaskView() {
    }

    /**
     * A line of "my tasks".
     *
     * @param alert  {@code REMINDER} once an overdue task has reminded its group, {@code ESCALATION} once it
     *               has been escalated to the agency; absent otherwise
     */
    public record Summary(String id, String taskKey, String name, Long certificationId, String organizationCode,
                          String organizationName, String assignee, Instant created, Instant due, String formId,
                          String alert) {
    }

    /** One task with what its form needs: the schema Tasklist renders and the values known so far. */
    public record Detail(Summary task, List<String> candidateGroups, JsonNode formSchema, Map<String, Object> values) {
    }

    /** A page of tasks. */
    public record Page(List<Summary> tasks, long total, int page, int size) {
    }

    /** What a completion answers. */
    public record Completed(String taskId, Long certificationId, List<Summary> nextTasks) {
    }
}
