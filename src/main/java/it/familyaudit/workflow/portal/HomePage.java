package it.familyaudit.workflow.portal;

import it.familyaudit.workflow.certification.CertificationOverview;
import it.familyaudit.workflow.certification.CertificationService;
import it.familyaudit.workflow.certification.CertificationView;
import it.familyaudit.workflow.certification.CycleProgress;
import it.familyaudit.workflow.certification.Phase;
import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.organization.Organization;
import it.familyaudit.workflow.organization.OrganizationRepository;
import it.familyaudit.workflow.security.CurrentUser;
import it.familyaudit.workflow.security.CurrentUsers;
import it.familyaudit.workflow.security.SingleSignOnProviders;
import it.familyaudit.workflow.security.Roles;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The first page: public for visitors, and for each role what it needs to see first. */
@Controller
class HomePage {

    /** The evaluation report is due within six months of the kick-off: warn in the last of them. */
    static final int CLOCK_WARNING_DAYS = 30;
    static final int PAGE_SIZE = 25;

    private final CertificationService certifications;
    private final OrganizationRepository organizations;
    private final CurrentUsers users;
    private final SingleSignOnProviders signOn;

    HomePage(CertificationService certifications, OrganizationRepository organizations, CurrentUsers users,
             SingleSignOnProviders signOn) {
        this.signOn = signOn;
        this.certifications = certifications;
        this.organizations = organizations;
        this.users = users;
    }

    @GetMapping("/")
    String home(@RequestParam(name = "fase", required = false) String phase,
                @RequestParam(name = "scadute", defaultValue = "false") boolean overdueOnly,
                @RequestParam(name = "cerca", required = false) String search,
                @RequestParam(name = "ordina", required = false) String sort,
                @RequestParam(name = "verso", required = false) String direction,
                @RequestParam(name = "pagina", defaultValue = "1") int page,
                Model model) {
        if (!signedIn()) {
            return "portal/home-public";
        }
        CurrentUser user = users.current();
        model.addAttribute("user", user);
        if (user.seesAllOrganisations()) {
            CertificationOverview.Query query = new CertificationOverview.Query(phase(phase), overdueOnly, search,
                    sort(sort), "desc".equals(direction), page - 1, PAGE_SIZE);
            model.addAttribute("overview", certifications.overview(user, query));
            model.addAttribute("phases", Phase.values());
            model.addAttribute("query", query);
            return "portal/home-agency";
        }
        if (user.hasAny(Roles.ORGANISATION_ROLES)) {
            Optional<CertificationView> latest = certifications.list(user).stream()
                    .max(Comparator.comparing(CertificationView::startedAt));
            latest.ifPresent(found -> organisationHome(user, certifications.get(user, found.id()), model));
            model.addAttribute("mayStart", CycleActions.mayStart(user, latest.orElse(null)));
            model.addAttribute("organisations", user.tenants().stream().map(organizations::findByCode)
                    .flatMap(Optional::stream).map(Organization::name).sorted().toList());
            return "portal/home-organisation";
        }
        if (user.hasAny(Roles.PROFESSIONAL_ROLES)) {
            model.addAttribute("certifications", certifications.list(user).stream()
                    .sorted(Comparator.comparing(CertificationView::organizationName)).toList());
            return "portal/home-professional";
        }
        return "portal/home-other";
    }

    private void organisationHome(CurrentUser user, CertificationView c, Model model) {
        model.addAttribute("certification", c);
        model.addAttribute("progress", CycleProgress.of(c));
        List<TaskLine> tasks = c.openTasks().stream().map(t -> TaskLine.of(t, user.groups())).toList();
        model.addAttribute("myTasks", tasks.stream().filter(TaskLine::mine).toList());
        model.addAttribute("othersTasks", tasks.stream().filter(t -> !t.mine()).toList());
        if ("ACTIVE".equals(c.status()) && c.evaluationDeadline() != null) {
            long daysLeft = ChronoUnit.DAYS.between(EngineTime.today(), c.evaluationDeadline());
            model.addAttribute("clockDaysLeft", daysLeft);
            model.addAttribute("clockWarning", daysLeft <= CLOCK_WARNING_DAYS);
        }
        if (c.monitoringStart() != null && c.endedAt() == null) {
            long year = Math.min(3, ChronoUnit.YEARS.between(c.monitoringStart(), EngineTime.today()) + 1);
            model.addAttribute("monitoringYear", year);
            model.addAttribute("monitoringDue", c.monitoringStart().plusYears(year));
        }
    }

    @GetMapping("/index.html")
    String index() {
        return "redirect:/";
    }

    /**
     * The sign-in form; after a password was set through a link ({@code ?impostata&utente=…}) it
     * says so, with the user name already typed.
     */
    @GetMapping("/accedi")
    String login(@RequestParam(name = "errore", required = false) String failed,
                 @RequestParam(name = "bloccato", required = false) String locked,
                 @RequestParam(name = "impostata", required = false) String passwordSet,
                 @RequestParam(name = "utente", required = false) String userId, Model model) {
        if (signedIn()) {
            return "redirect:/";
        }
        model.addAttribute("failed", failed != null);
        model.addAttribute("locked", locked != null);
        model.addAttribute("passwordSet", passwordSet != null);
        model.addAttribute("username", userId == null || userId.length() > 64 ? "" : userId);
        model.addAttribute("providers", signOn.all());
        return "portal/login";
    }

    @GetMapping("/accessibilita")
    String accessibility() {
        return "portal/accessibility";
    }

    static boolean signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }

    private static Phase phase(String name) {
        try {
            return name == null || name.isBlank() ? null : Phase.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static CertificationOverview.Sort sort(String name) {
        try {
            return name == null ? null : CertificationOverview.Sort.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
