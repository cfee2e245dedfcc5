package it.familyaudit.workflow.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import it.familyaudit.workflow.certification.CertificationService;
import it.familyaudit.workflow.certification.CertificationView;
import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.engine.FormValidationException;
import it.familyaudit.workflow.plan.PlanService;
import it.familyaudit.workflow.plan.PlanView;
import it.familyaudit.workflow.refusal.NotFound;
import it.familyaudit.workflow.refusal.NotPermitted;
import it.familyaudit.workflow.refusal.StateConflict;
import it.familyaudit.workflow.security.CurrentUser;
import it.familyaudit.workflow.security.CurrentUsers;
import it.familyaudit.workflow.survey.QuestionnaireService;
import it.familyaudit.workflow.survey.results.Finding;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The plan's draft, edited in the portal by those who draft it (the plan's service decides who and
 * when: 403 for another role, 409 outside drafting and open revisions, 404 another organisation's).
 * The whole plan is one form that works without JavaScript: every button posts all of it, the change
 * the button asks for (add, move or remove a field, an action or an indicator) is made, and the draft
 * is saved through the same service call as {@code PUT …/plan/draft}; the page comes back with what
 * still keeps the plan from being submitted. A refused save comes back as typed, with every error on
 * top and beside its input, and stores nothing.
 */
@Controller
class PlanEditor {

    static final String PAGE = "portal/plan-editor";
    /** The button pressed: {@code salva}, {@code azione-su:3}, {@code indicatore-elimina:3:1} … */
    static final String BUTTON = "_azione";
    private static final Pattern ACTION_PATH = Pattern.compile("^actions\\[(\\d+)]");
    private static final Pattern EDIT = Pattern.compile("(campo|azione|indicatore)-(aggiungi|su|giu|elimina)(?::([^:]*))?(?::(\\d+))?");

    private final PlanService plans;
    private final CertificationService certifications;
    private final QuestionnaireService questionnaires;
    private final CurrentUsers users;
    private final MessageSource messages;
    private final ObjectMapper json;

    PlanEditor(PlanService plans, CertificationService certifications, QuestionnaireService questionnaires,
               CurrentUsers users, MessageSource messages, ObjectMapper json) {
        this.plans = plans;
        this.certifications = certifications;
        this.questionnaires = questionnaires;
        this.users = users;
        this.messages = messages;
        this.json = json;
    }

    static String pathOf(long certificationId) {
        return "/certificazioni/" + certificationId + "/piano/bozza";
    }

    @GetMapping("/certificazioni/{id}/piano/bozza")
    String editor(@PathVariable long id, Model model, Locale locale) {
        CurrentUser user = users.current();
        CertificationView c = certifications.get(user, id);
        PlanView draft = plans.draft(user, id);
        PlanForm form = PlanForm.of(draft, locale);
        PlanProblems problems = PlanProblems.of(draft.problems(), form, Map.of(), messages, locale);
        model.addAttribute("page", new PlanEditorPage(c, draft.version(), form, problems, false, false, Set.of(),
                findings(user, id)));
        return PAGE;
    }

    @PostMapping("/certificazioni/{id}/piano/bozza")
    String save(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model,
                Locale locale) {
        CurrentUser user = users.current();
        CertificationView c = certifications.get(user, id);
        PlanForm form = PlanForm.posted(request.getParameterMap());
        Edit edit = Edit.of(request.getParameter(BUTTON));
        Set<Integer> open = new HashSet<>();
        edit.before(form, open);
        PlanView saved;
        try {
            saved = plans.saveDraft(user, id, form.json(json));
        } catch (FormValidationException e) {
            // Nothing was stored: the form comes back as typed, with the row asked for added.
            Map<String, String> unreadable = form.unreadable();
            Optional<Integer> inserted = edit.after(form, open);
            List<FieldError> errors = inserted.map(at -> shifted(e.errors(), at)).orElse(e.errors());
            Map<String, String> typedAs = new HashMap<>();
            unreadable.forEach((path, kind) -> typedAs.put(inserted.map(at -> shifted(path, at)).orElse(path), kind));
            PlanProblems problems = PlanProblems.of(errors, form, typedAs, messages, locale);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("page", new PlanEditorPage(c, plans.draft(user, id).version(), form, problems, true,
                    false, open, findings(user, id)));
            return PAGE;
        }
        PlanForm shown = PlanForm.of(saved, locale);
        // The problems are the saved plan's: a row just added is not part of it until it is saved in turn.
        Optional<Integer> inserted = edit.after(shown, open);
        List<FieldError> missing = inserted.map(at -> shifted(saved.problems(), at)).orElse(saved.problems());
        PlanProblems problems = PlanProblems.of(missing, shown, Map.of(), messages, locale);
        model.addAttribute("page", new PlanEditorPage(c, saved.version(), shown, problems, false, true, open,
                findings(user, id)));
        return PAGE;
    }

    /** The questionnaire's main needs, for the reference's select; none when the reader may not read them or there are none yet. */
    private List<Finding> findings(CurrentUser user, long id) {
        try {
            List<Finding> findings = questionnaires.findings(user, id);
            return findings.isEmpty() ? null : findings;
        } catch (NotFound | NotPermitted | StateConflict notForThisReaderOrNotYet) {
            return null;
        }
    }

    /**
     * An action added in the middle of the list moves those after it down one place: the errors of a
     * refused save, which name the places the form had without it, follow them.
     */
    private static List<FieldError> shifted(List<FieldError> errors, int inserted) {
        return errors.stream().map(e -> new FieldError(shifted(e.field(), inserted), e.message())).toList();
    }

    private static String shifted(String path, int inserted) {
        Matcher m = ACTION_PATH.matcher(path == null ? "" : path);
        if (!m.find() || Integer.parseInt(m.group(1)) < inserted) {
            return path;
        }
        return "actions[" + (Integer.parseInt(m.group(1)) + 1) + "]" + path.substring(m.end());
    }

    /**
     * What a button asks for. Moving and removing are made before the save, so that the draft saved is
     * the one shown; adding after it, so that an empty row (a title or a name is required) does not
     * refuse the save of everything else: it is saved with the next button, once filled in.
     *
     * @param what    {@code campo}, {@code azione} or {@code indicatore}; {@code null} for a plain save
     * @param target  the field's code (adding an action), else the place of the field or action
     * @param inner   the place of the indicator in its action
     */
    private record Edit(String what, String how, String target, Integer inner) {

        static Edit of(String button) {
            Matcher m = EDIT.matcher(button == null ? "" : button);
            if (!m.matches()) {
                return new Edit(null, null, null, null);
            }
            return new Edit(m.group(1), m.group(2), m.group(3), m.group(4) == null ? null : Integer.parseInt(m.group(4)));
        }

        void before(PlanForm form, Set<Integer> open) {
            if (what == null || "aggiungi".equals(how)) {
                return;
            }
            int by = "su".equals(how) ? -1 : 1;
            int index = place();
            switch (what) {
                case "campo" -> {
                    if ("elimina".equals(how)) {
                        PlanForm.remove(form.fields(), index);
                    } else {
                        PlanForm.move(form.fields(), index, by);
                    }
                }
                case "azione" -> {
                    if ("elimina".equals(how)) {
                        PlanForm.remove(form.actions(), index);
                    } else {
                        open.add(PlanForm.move(form.actions(), index, by));
                    }
                }
                default -> {
                    if (index < 0 || index >= form.actions().size() || inner == null) {
                        return;
                    }
                    open.add(index);
                    List<PlanForm.Indicator> indicators = form.actions().get(index).indicators();
                    if ("elimina".equals(how)) {
                        PlanForm.remove(indicators, inner);
                    } else {
                        PlanForm.move(indicators, inner, by);
                    }
                }
            }
        }

        /** @return the place of an action added, whose followers moved down one */
        Optional<Integer> after(PlanForm form, Set<Integer> open) {
            if (!"aggiungi".equals(how)) {
                return Optional.empty();
            }
            switch (what) {
                case "campo" -> form.addField();
                case "azione" -> {
                    int at = form.addAction(target);
                    open.add(at);
                    return Optional.of(at);
                }
                default -> {
                    form.addIndicator(place());
                    open.add(place());
                }
            }
            return Optional.empty();
        }

        private int place() {
            return target != null && target.matches("\\d{1,4}") ? Integer.parseInt(target) : -1;
        }
    }
}
