package it.familyaudit.workflow.inbox;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Attività / Tasks", description = "Le mie attività e il loro completamento / My tasks and their completion")
@RestController
@RequestMapping("/api/tasks")
class TaskController {

    private final Inbox inbox;
    private final CurrentUsers users;

    TaskController(Inbox inbox, CurrentUsers users) {
        this.inbox = inbox;
        this.users = users;
    }

    @Operation(summary = "Le mie attività, a pagine / My tasks, paged",
            description = "Per scadenza; con promemoria e segnalazioni. / By due date; with reminders and escalations.")
    @GetMapping
    TaskView.Page myTasks(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return inbox.myTasks(users.current(), page, size);
    }

    @Operation(summary = "Un'attività con il suo modulo e i valori attuali / One task with its form and current values")
    @GetMapping("/{taskId}")
    TaskView.Detail task(@PathVariable String taskId) {
        return inbox.get(users.current(), taskId);
    }

    /** Completes the task with the form's values, e.g. {@code {"planDecision": "approve", "signatoryName": "…"}}. */
    @Operation(summary = "Completa un'attività / Completes a task",
            description = "400 con tutti gli errori dei campi insieme; 409 se già completata. / 400 with every field error at once; 409 if already completed.")
    @PostMapping("/{taskId}/completion")
    TaskView.Completed complete(@PathVariable String taskId, @RequestBody Map<String, Object> values) {
        return inbox.complete(users.current(), taskId, values);
    }
}
