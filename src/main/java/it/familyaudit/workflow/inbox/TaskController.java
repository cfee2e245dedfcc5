package it.familyaudit.workflow.inbox;

import it.familyaudit.workflow.security.CurrentUsers;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** My tasks, one task with its form, and completing it. */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

    private final Inbox inbox;
    private final CurrentUsers users;

    TaskController(Inbox inbox, CurrentUsers users) {
        this.inbox = inbox;
        this.users = users;
    }

    @GetMapping
    TaskView.Page myTasks(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return inbox.myTasks(users.current(), page, size);
    }

    @GetMapping("/{taskId}")
    TaskView.Detail task(@PathVariable String taskId) {
        return inbox.get(users.current(), taskId);
    }

    /** Completes the task with the form's values, e.g. {@code {"planDecision": "approve", "signatoryName": "…"}}. */
    @PostMapping("/{taskId}/completion")
    TaskView.Completed complete(@PathVariable String taskId, @RequestBody Map<String, Object> values) {
        return inbox.complete(users.current(), taskId, values);
    }
}
