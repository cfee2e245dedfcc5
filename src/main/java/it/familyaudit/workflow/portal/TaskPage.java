package it.familyaudit.workflow.portal;

import com.fasterxml.jackson.databind.JsonNode;
import it.familyaudit.workflow.certification.CertificationProcess;
import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.engine.FormValidationException;
import it.familyaudit.workflow.inbox.Inbox;
import it.familyaudit.workflow.inbox.TaskClaims;
import it.familyaudit.workflow.inbox.TaskView;
import it.familyaudit.workflow.plan.PlanService;
import it.familyaudit.workflow.security.CurrentUser;
import it.familyaudit.workflow.security.CurrentUsers;
import it.familyaudit.workflow.security.People;
import it.familyaudit.workflow.tasks.FormRegistry;
import it.familyaudit.workflow.tasks.FormSchema;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import it.familyaudit.workflow.certification.CertificationProcess;
import it.familyaudit.workflow.monitoring.MonitoringProcess;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * One task, done in the portal: who it is for and by when, its form drawn from the task's own
 * {@code .form}, and its completion through the inbox, the same path as the API, Tasklist and
 * {@code /engine-rest}, so the same checks, records and refusals apply (404 another organisation's
 * task, 403 another role's, 409 one already completed). The form works without JavaScript: rows of
 * a list are added and removed by submitting the form, which comes back with everything typed.
 *
 * <p>Statuses: 200 the page, 303 to the certification's page once completed (or back to the task
 * once taken in charge or released), 400 the page again with every error when the checks refuse.
 */
@Controller
class TaskPage {

    /** The button that adds a row to a list; its value is the list's key. */
    static final String ADD_ROW = "_aggiungi";
    /** The button that removes a row; its value is the row's path, {@code members[2]}. */
    static final String REMOVE_ROW = "_rimuovi";

    private final Inbox inbox;
    private final TaskClaims claims;
    private final FormRegistry forms;
    private final CurrentUsers users;
    private final People people;
    private final MessageSource messages;
    private final TaskContext about;
    private final PlanService plans;

    TaskPage(Inbox inbox, TaskClaims claims, FormRegistry forms, CurrentUsers users, People people,
             MessageSource messages, TaskContext about, PlanService plans) {
        this.about = about;
        this.plans = plans;
        this.inbox = inbox;
        this.claims = claims;
        this.forms = forms;
        this.users = users;
        this.people = people;
        this.messages = messages;
    }

    /** The confirmation box of an irreversible choice (see {@link Irreversible}). */
    static final String CONFIRM = "_conferma";

    /**
     * The choices of the agency and the council that cannot be undone, each with the message that
     * says what it does: closing an overdue cycle, revoking a certificate, denying it.
     */
    record Irreversible(String taskKey, String field, String value, String message) {

        private static final List<Irreversible> ALL = List.of(
                new Irreversible(CertificationProcess.DECIDE_OVERDUE, "overdueDecision", "close", "taskpage.confirm.close"),
                new Irreversible(MonitoringProcess.DECIDE, "monitoringDecision", "revoke", "taskpage.confirm.revoke"),
                new Irreversible(CertificationProcess.DECIDE_CERTIFICATION, "councilDecision", "deny",
                        "taskpage.confirm.deny"));

        /** The message key of the irreversible choice this submission makes, or {@code null}. */
        static String of(String taskKey, HttpServletRequest request) {
            return ALL.stream().filter(i -> i.taskKey().equals(taskKey)
                            && i.value().equals(request.getParameter(i.field())))
                    .map(Irreversible::message).findFirst().orElse(null);
        }
    }

    static String pathOf(String taskId) {
        return "/attivita/" + taskId;
    }

    @GetMapping("/attivita/{taskId}")
    String page(@PathVariable String taskId, Model model) {
        CurrentUser user = users.current();
        TaskView.Detail task = inbox.get(user, taskId);
        JsonNode form = task.formSchema();
        FormState state = FormState.of(schema(task), task.values(), TaskForm.defaultRows(form));
        show(model, user, task, TaskForm.of(form, state, task.values(), List.of(), null));
        return "portal/task";
    }

    @PostMapping("/attivita/{taskId}")
    ModelAndView submit(@PathVariable String taskId, HttpServletRequest request, Model model,
                        RedirectAttributes redirect, Locale locale) {
        CurrentUser user = users.current();
        // The task as it is now: a task completed meanwhile is refused here, before anything is read.
        TaskView.Detail task = inbox.get(user, taskId);
        FormSchema schema = schema(task);
        JsonNode form = task.formSchema();
        FormState state = FormState.posted(schema, request.getParameterMap(),
                FormState.of(schema, task.values(), TaskForm.defaultRows(form)));
        String added = request.getParameter(ADD_ROW);
        if (added != null) {
            int row = TaskForm.editableLists(form).contains(added) ? state.addRow(added) : -1;
            // The cursor goes to the new row, which a page drawn again would otherwise leave for the user to find.
            String focus = row < 0 ? null : added + "[" + row + "]";
            show(model, user, task, TaskForm.of(form, state, task.values(), List.of(), focus));
            return new ModelAndView("portal/task");
        }
        String removed = request.getParameter(REMOVE_ROW);
        if (removed != null) {
            state.removeRow(removed, TaskForm.editableLists(form));
            show(model, user, task, TaskForm.of(form, state, task.values(), List.of(), null));
            return new ModelAndView("portal/task");
        }
        String irreversible = Irreversible.of(task.task().taskKey(), request);
        if (irreversible != null && request.getParameter(CONFIRM) == null) {
            // A choice that ends the cycle or revokes a certificate is asked twice: the page comes
            // back with what was chosen and a confirmation box next to the button.
            show(model, user, task, TaskForm.of(form, state, task.values(), List.of(), null));
            model.addAttribute("irreversible", irreversible);
            return new ModelAndView("portal/task");
        }
        TaskView.Completed done;
        try {
            done = inbox.complete(user, taskId, state.typed(schema));
        } catch (RuntimeException e) {
            List<FieldError> errors = fieldErrors(e);
            if (errors == null) {
                throw e;
            }
            show(model, user, task, TaskForm.of(form, state, task.values(), errors, null));
            ModelAndView again = new ModelAndView("portal/task");
            again.setStatus(HttpStatus.BAD_REQUEST);
            return again;
        }
        redirect.addFlashAttribute("flash", messages.getMessage("taskpage.completed",
                new Object[] {nameOf(task.task(), locale)}, locale));
        return new ModelAndView(seeOther(done.certificationId() == null ? "/"
                : "/certificazioni/" + done.certificationId()));
    }

    @PostMapping("/attivita/{taskId}/presa-in-carico")
    RedirectView claim(@PathVariable String taskId, RedirectAttributes redirect, Locale locale) {
        claims.claim(users.current(), taskId);
        redirect.addFlashAttribute("flash", messages.getMessage("taskpage.claimed", null, locale));
        return seeOther(pathOf(taskId));
    }

    @PostMapping("/attivita/{taskId}/rilascio")
    RedirectView release(@PathVariable String taskId, RedirectAttributes redirect, Locale locale) {
        claims.release(users.current(), taskId);
        redirect.addFlashAttribute("flash", messages.getMessage("taskpage.released", null, locale));
        return seeOther(pathOf(taskId));
    }

    private void show(Model model, CurrentUser user, TaskView.Detail detail, TaskForm form) {
        TaskView.Summary task = detail.task();
        LocalDate due = task.due() == null ? null : LocalDate.ofInstant(task.due(), EngineTime.ZONE);
        model.addAttribute("task", task);
        model.addAttribute("roles", detail.candidateGroups());
        model.addAttribute("due", due);
        model.addAttribute("overdue", due != null && due.isBefore(EngineTime.today()));
        model.addAttribute("mine", user.id().equals(task.assignee()));
        model.addAttribute("assigneeName", people.nameOf(task.assignee()));
        model.addAttribute("context", TaskLine.contextOf(task.taskKey()));
        model.addAttribute("about", about.of(user, task.taskKey(), task.certificationId(),
                LocaleContextHolder.getLocale()));
        model.addAttribute("tasklistHref", TaskLine.tasklistHref(task.id()));
        model.addAttribute("form", form);
        // The plan is drafted in its editor; the drafting task submits it.
        if (CertificationProcess.DRAFT_PLAN.equals(task.taskKey()) && task.certificationId() != null
                && plans.mayEdit(user, task.certificationId())) {
            model.addAttribute("planEditor", PlanEditor.pathOf(task.certificationId()));
        }
    }

    private FormSchema schema(TaskView.Detail task) {
        return forms.get(task.task().formId());
    }

    private String nameOf(TaskView.Summary task, Locale locale) {
        return messages.getMessage("task.key." + task.taskKey(), null, task.name(), locale);
    }

    /**
     * The form's field errors, wherever the engine put them in the chain of causes; {@code null}
     * when the failure is of another kind.
     */
    private static List<FieldError> fieldErrors(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof FormValidationException invalid) {
                return invalid.errors();
            }
        }
        return null;
    }

    /** A redirect after a POST that the browser follows with a GET, with nothing of the model in its address. */
    private static RedirectView seeOther(String path) {
        RedirectView view = new RedirectView(path, true);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        view.setExposeModelAttributes(false);
        return view;
    }
}
