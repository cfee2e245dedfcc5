package it.familyaudit.workflow.portal;

import it.familyaudit.workflow.certification.CertificationService;
import it.familyaudit.workflow.certification.CertificationView;
import it.familyaudit.workflow.certification.CycleKind;
import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.engine.FormValidationException;
import it.familyaudit.workflow.plan.PlanRequests;
import it.familyaudit.workflow.plan.PlanService;
import it.familyaudit.workflow.plan.PlanStatus;
import it.familyaudit.workflow.plan.PlanView;
import it.familyaudit.workflow.refusal.NotPermitted;
import it.familyaudit.workflow.security.CurrentUser;
import it.familyaudit.workflow.security.CurrentUsers;
import it.familyaudit.workflow.security.Roles;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What the organisation and management do outside a task, each on its own page with a confirmation:
 * withdrawing from the cycle, and after the certificate opening a revision of the plan, submitting
 * it, and deciding it. The services decide who may and when; their refusals are the portal's error
 * pages, and their field errors come back on the page with what was typed.
 */
@Controller
class CycleActions {

    /** One template for the four pages: what differs is chosen by the model's {@code action}. */
    private static final String PAGE = "portal/cycle-action";

    /** The fields of each page, so that an error names its field with a link (others, e.g. the plan's rules, are listed). */
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "start", Set.of("kind", "conferma"),
            "withdraw", Set.of("reason", "conferma"),
            "openRevision", Set.of("conferma"),
            "submitRevision", Set.of("changeNote", "summary", "conferma"),
            "decideRevision", Set.of("decision", "signatoryName", "signatoryRole", "note", "conferma"));

    private final CertificationService certifications;
    private final PlanService plans;
    private final CurrentUsers users;

    CycleActions(CertificationService certifications, PlanService plans, CurrentUsers users) {
        this.certifications = certifications;
        this.plans = plans;
        this.users = users;
    }

    // --- A new cycle ----------------------------------------------------------------------------

    @GetMapping("/certificazioni/nuova")
    String newCycle(Model model) {
        return startPage(model, Map.of(), List.of());
    }

    @PostMapping("/certificazioni/nuova")
    String start(@RequestParam(required = false) String kind, @RequestParam(required = false) String conferma,
                 Model model, HttpServletResponse response) {
        CurrentUser user = users.current();
        Map<String, String> typed = typed("kind", kind);
        CertificationView started;
        try {
            confirmed(conferma);
            started = certifications.start(user, CycleKind.parse(kind));
        } catch (FormValidationException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return startPage(model, typed, e.errors());
        }
        return "redirect:/certificazioni/" + started.id();
    }

    /** A referent whose organisation has no cycle running may start the next one (the service says which kinds). */
    static boolean mayStart(CurrentUser user, CertificationView latest) {
        return user.has(Roles.REFERENT) && (latest == null || !"ACTIVE".equals(latest.status()));
    }

    private String startPage(Model model, Map<String, String> typed, List<FieldError> errors) {
        CurrentUser user = users.current();
        if (!user.has(Roles.REFERENT)) {
            throw new ActionNotOffered();
        }
        model.addAttribute("kinds", CycleKind.values());
        model.addAttribute("action", "start");
        model.addAttribute("fields", FIELDS.get("start"));
        model.addAttribute("postTo", "/certificazioni/nuova");
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return PAGE;
    }

    // --- Withdrawal ------------------------------------------------------------------------------

    @GetMapping("/certificazioni/{id}/ritiro")
    String withdrawal(@PathVariable long id, Model model) {
        return page(model, "withdraw", offered(id, new Offer("withdraw", null)), Map.of(), List.of());
    }

    @PostMapping("/certificazioni/{id}/ritiro")
    String withdraw(@PathVariable long id, @RequestParam(required = false) String reason,
                    @RequestParam(required = false) String conferma, Model model, HttpServletResponse response,
                    RedirectAttributes flash) {
        CurrentUser user = users.current();
        CertificationView c = certifications.get(user, id);
        Map<String, String> typed = typed("reason", reason);
        try {
            confirmed(conferma);
            certifications.withdraw(user, id, reason);
        } catch (FormValidationException e) {
            return invalid(model, response, "withdraw", c, typed, e);
        }
        flash.addFlashAttribute("done", "action.withdraw.done");
        return "redirect:/certificazioni/" + id;
    }

    // --- Revision of the approved plan -----------------------------------------------------------

    @GetMapping("/certificazioni/{id}/piano/revisione")
    String revision(@PathVariable long id, Model model) {
        return page(model, "openRevision", offered(id, new Offer("openRevision", null)), Map.of(), List.of());
    }

    @PostMapping("/certificazioni/{id}/piano/revisione")
    String openRevision(@PathVariable long id, @RequestParam(required = false) String conferma, Model model,
                        HttpServletResponse response, RedirectAttributes flash) {
        CurrentUser user = users.current();
        CertificationView c = certifications.get(user, id);
        PlanView opened;
        try {
            confirmed(conferma);
            opened = plans.openRevision(user, id);
        } catch (FormValidationException e) {
            return invalid(model, response, "openRevision", c, Map.of(), e);
        }
        flash.addFlashAttribute("done", "action.openRevision.done");
        return "redirect:/certificazioni/" + id + "?versione=" + opened.version().versionNo() + "#piano";
    }

    @GetMapping("/certificazioni/{id}/piano/revisione/presentazione")
    String submission(@PathVariable long id, Model model) {
        return page(model, "submitRevision", offered(id, new Offer("submitRevision", null)), Map.of(), List.of());
    }

    @PostMapping("/certificazioni/{id}/piano/revisione/presentazione")
    String submitRevision(@PathVariable long id, @RequestParam(required = false) String changeNote,
                          @RequestParam(required = false) String summary, @RequestParam(required = false) String conferma,
                          Model model, HttpServletResponse response, RedirectAttributes flash) {
        CurrentUser user = users.current();
        CertificationView c = certifications.get(user, id);
        Map<String, String> typed = typed("changeNote", changeNote, "summary", summary);
        try {
            confirmed(conferma);
            plans.submitRevision(user, id, new PlanRequests.Submission(summary, changeNote));
        } catch (FormValidationException e) {
            return invalid(model, response, "submitRevision", c, typed, e);
        }
        flash.addFlashAttribute("done", "action.submitRevision.done");
        return "redirect:/certificazioni/" + id + "#piano";
    }

    @GetMapping("/certificazioni/{id}/piano/versioni/{versionNo}/decisione")
    String decision(@PathVariable long id, @PathVariable int versionNo, Model model) {
        CertificationView c = offered(id, new Offer("decideRevision", versionNo));
        model.addAttribute("version", plans.version(users.current(), id, versionNo).version());
        return page(model, "decideRevision", c, Map.of(), List.of());
    }

    @PostMapping("/certificazioni/{id}/piano/versioni/{versionNo}/decisione")
    String decide(@PathVariable long id, @PathVariable int versionNo, @RequestParam(required = false) String decision,
                  @RequestParam(required = false) String signatoryName,
                  @RequestParam(required = false) String signatoryRole, @RequestParam(required = false) String note,
                  @RequestParam(required = false) String conferma, Model model, HttpServletResponse response,
                  RedirectAttributes flash) {
        CurrentUser user = users.current();
        CertificationView c = certifications.get(user, id);
        Map<String, String> typed = typed("decision", decision, "signatoryName", signatoryName,
                "signatoryRole", signatoryRole, "note", note);
        try {
            confirmed(conferma);
            plans.decide(user, id, versionNo, new PlanRequests.Decision(decision, signatoryName, signatoryRole, note));
        } catch (FormValidationException e) {
            model.addAttribute("version", plans.version(user, id, versionNo).version());
            return invalid(model, response, "decideRevision", c, typed, e);
        }
        flash.addFlashAttribute("done", "approve".equals(decision) ? "action.decideRevision.approved"
                : "action.decideRevision.rejected");
        return "redirect:/certificazioni/" + id + "?versione=" + versionNo + "#piano";
    }

    /** An action the reader may take now; {@code versionNo} names the plan version a decision is on. */
    record Offer(String action, Integer versionNo) {
    }

    /**
     * The actions the reader may take on this certification now, as the certification's page links
     * them; the services still decide when the reader follows a link.
     */
    static List<Offer> available(CurrentUser user, CertificationView c, List<PlanView.Version> versions) {
        boolean certified = "CERTIFIED".equals(c.status());
        Optional<PlanView.Version> latest = versions.stream().max(Comparator.comparingInt(PlanView.Version::versionNo));
        PlanStatus latestStatus = latest.map(PlanView.Version::status).orElse(null);
        List<Offer> actions = new ArrayList<>();
        if (certified && user.hasAny(PlanService.EDITORS)) {
            if (latestStatus == PlanStatus.APPROVED || latestStatus == PlanStatus.CHANGES_REQUESTED) {
                actions.add(new Offer("openRevision", null));
            } else if (latestStatus == PlanStatus.DRAFT) {
                actions.add(new Offer("submitRevision", null));
            }
        }
        if (certified && user.has(Roles.MANAGEMENT)
                && latestStatus == PlanStatus.SUBMITTED) {
            actions.add(new Offer("decideRevision", latest.get().versionNo()));
        }
        if ("ACTIVE".equals(c.status()) && user.hasAny(CertificationService.WITHDRAWERS)) {
            actions.add(new Offer("withdraw", null));
        }
        return actions;
    }

    /**
     * The certification, if the reader may take this action on it now; a page for an action they
     * may not take is refused as the action would be (its POST asks the services again).
     */
    private CertificationView offered(long id, Offer action) {
        CurrentUser user = users.current();
        CertificationView c = certifications.get(user, id);
        if (!available(user, c, plans.versions(user, id)).contains(action)) {
            throw new ActionNotOffered();
        }
        return c;
    }

    /** A page of an action the reader may not take on this certification now. */
    static final class ActionNotOffered extends NotPermitted {
        ActionNotOffered() {
            super("Questa azione non è disponibile per il tuo ruolo o in questa fase / This action is not available"
                    + " to your role or at this stage");
        }
    }

    /** The confirmation box every action asks for: without it nothing happens. */
    private static void confirmed(String conferma) {
        if (conferma == null) {
            throw new FormValidationException(List.of(new FieldError("conferma",
                    "Spuntare la conferma per procedere / Tick the confirmation to go on")));
        }
    }

    private static Map<String, String> typed(String... keysAndValues) {
        Map<String, String> typed = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                typed.put(keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return typed;
    }

    private static String invalid(Model model, HttpServletResponse response, String action, CertificationView c,
                                  Map<String, String> typed, FormValidationException e) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(model, action, c, typed, e.errors());
    }

    private static String page(Model model, String action, CertificationView c, Map<String, String> typed,
                               List<FieldError> errors) {
        model.addAttribute("action", action);
        model.addAttribute("fields", FIELDS.get(action));
        model.addAttribute("postTo", ServletUriComponentsBuilder.fromCurrentRequestUri().replaceQuery(null)
                .build().getPath());
        model.addAttribute("certification", c);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return PAGE;
    }
}
