package it.familyaudit.workflow.portal;

import it.familyaudit.workflow.audit.AuditEvent;
import it.familyaudit.workflow.audit.AuditTrail;
import it.familyaudit.workflow.certificate.CertificateDocuments;
import it.familyaudit.workflow.certificate.CertificateIssuer;
import it.familyaudit.workflow.certification.CertificationService;
import it.familyaudit.workflow.certification.CertificationView;
import it.familyaudit.workflow.certification.CycleProgress;
import it.familyaudit.workflow.certification.TimelineEntry;
import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.evaluation.EvaluationReport;
import it.familyaudit.workflow.evaluation.EvaluationReports;
import it.familyaudit.workflow.monitoring.MonitoringReadings;
import it.familyaudit.workflow.monitoring.MonitoringView;
import it.familyaudit.workflow.plan.PlanRefusals.NoPlanDraftedYet;
import it.familyaudit.workflow.plan.PlanService;
import it.familyaudit.workflow.plan.PlanView;
import it.familyaudit.workflow.refusal.NotFound;
import it.familyaudit.workflow.refusal.NotPermitted;
import it.familyaudit.workflow.security.CurrentUser;
import it.familyaudit.workflow.security.CurrentUsers;
import it.familyaudit.workflow.security.People;
import it.familyaudit.workflow.survey.CampaignView;
import it.familyaudit.workflow.survey.QuestionnaireService;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * One certification as the people who may see it read it: where it stands, who must act, what
 * happened and who decided it, its documents, its plan, the evaluator's reports and its
 * questionnaire (the referent's invitation codes are downloaded from here too). The
 * certification's service decides who sees it (404 for others, as on the API).
 */
@Controller
class CertificationPage {

    /** The page's sections a task's context may lead to: the model attribute each shows, and its anchor. */
    private static final Map<String, String> SECTIONS = Map.of("plan", "piano", "campaign", "questionario",
            "rounds", "monitoraggio", "indicators", "indicatori", "evaluations", "valutazione",
            QuestionnaireSection.NEEDS, "questionario");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM");

    /** A line of the timeline, with the name of whoever did it. */
    record Event(LocalDateTime at, String summary, String decision, String who) {
    }

    /** A line of the audit trail: when, who (by name), what (an {@code AuditAction}'s name), on what. */
    record Audited(LocalDateTime at, String who, String action, String subject, String detail) {
    }

    /**
     * An evaluator's report as the page shows it: the evaluator by name, the outcome as the message key of its
     * words and the colour of its badge.
     */
    record Evaluation(EvaluationReport report, String evaluator, String outcomeKey, String badge,
                      LocalDateTime submittedAt) {

        static Evaluation of(EvaluationReport r, Map<String, String> names) {
            String badge = switch (r.outcome()) {
                case POSITIVE -> "bg-success";
                case INTEGRATION -> "bg-warning";
                case NEGATIVE -> "bg-danger";
            };
            return new Evaluation(r, names.get(r.evaluator()), "evaluation.outcome." + r.outcome().name(), badge,
                    LocalDateTime.ofInstant(r.submittedAt(), EngineTime.ZONE));
        }
    }

    private final CertificationService certifications;
    private final PlanService plans;
    private final CertificateDocuments certificates;
    private final People people;
    private final MonitoringReadings monitoring;
    private final AuditTrail audit;
    private final QuestionnaireService questionnaires;
    private final EvaluationReports evaluations;
    private final QuestionnaireSection questionnaireSection;
    private final CurrentUsers users;
    private final AttachmentPages attachments;

    CertificationPage(CertificationService certifications, PlanService plans, CertificateDocuments certificates,
                      People people, MonitoringReadings monitoring, AuditTrail audit,
                      QuestionnaireService questionnaires, QuestionnaireSection questionnaireSection,
                      EvaluationReports evaluations, CurrentUsers users, AttachmentPages attachments) {
        this.evaluations = evaluations;
        this.attachments = attachments;
        this.monitoring = monitoring;
        this.questionnaires = questionnaires;
        this.questionnaireSection = questionnaireSection;
        this.audit = audit;
        this.certifications = certifications;
        this.plans = plans;
        this.certificates = certificates;
        this.people = people;
        this.users = users;
    }

    @GetMapping("/certificazioni/{id}")
    String page(@PathVariable long id, @RequestParam(name = "versione", required = false) Integer versionNo,
                Model model, Locale locale) {
        CurrentUser user = users.current();
        CertificationView c = certifications.get(user, id);
        model.addAttribute("certification", c);
        model.addAttribute("progress", CycleProgress.of(c));
        model.addAttribute("startedOn", LocalDate.ofInstant(c.startedAt(), EngineTime.ZONE));
        model.addAttribute("events", events(c.timeline()));
        List<PlanView.Version> versions = plans.versions(user, id).stream()
                .sorted(Comparator.comparingInt(PlanView.Version::versionNo).reversed()).toList();
        model.addAttribute("planVersions", versions);
        model.addAttribute("actions", CycleActions.available(user, c, versions));
        shownPlan(user, id, versions, versionNo).ifPresent(plan -> model.addAttribute("plan", PlanSection.of(plan)));
        model.addAttribute("planEditable", plans.mayEdit(user, id));
        List<String> named = new ArrayList<>(Arrays.asList(c.consultant(), c.evaluator()));
        versions.forEach(v -> named.addAll(Arrays.asList(v.createdBy(), v.submittedBy(), v.decidedBy())));
        model.addAttribute("names", people.namesOf(named));
        model.addAttribute("evaluations", evaluations(user, id));
        model.addAttribute("audit", audited(id));
        model.addAttribute("attachments", attachments.section(user, id));
        questionnaire(user, id).ifPresentOrElse(campaign -> {
            model.addAttribute("campaign", campaign);
            model.addAttribute("answersChart", new Bars("chart.answers", "chart.day", campaign.answersByDay().stream()
                    .map(d -> new Bars.Bar(DAY.format(d.day()), d.cumulative(), campaign.employeesInvited()))
                    .toList()));
            questionnaireSection.addTo(model, user, campaign, locale);
        }, () -> questionnaireSection.addNeedsTo(model, user, id, locale));
        if (c.monitoringStart() != null) {
            MonitoringView.Rounds rounds = monitoring.rounds(user, id);
            model.addAttribute("rounds", rounds.rounds());
            MonitoringView.PlanFigures figures = monitoring.planFigures(user, id);
            List<MonitoringView.TrendPoint> trend = figures.trend();
            model.addAttribute("indicators", IndicatorTrend.of(figures));
            model.addAttribute("indicatorsChart", new Bars("chart.indicatorsReached", "chart.year",
                    trend.stream().filter(t -> t.indicatorsMeasured() > 0)
                            .map(t -> new Bars.Bar(String.valueOf(t.year()), t.indicatorsReached(),
                                    t.indicatorsMeasured()))
                            .toList()));
            model.addAttribute("progressChart", new Bars("chart.actionsDone", "chart.year",
                    trend.stream().filter(t -> t.actionsDue() != null && t.actionsDue() > 0)
                            .map(t -> new Bars.Bar(String.valueOf(t.year()),
                                    t.actionsDone() == null ? 0 : t.actionsDone(), t.actionsDue()))
                            .toList()));
        }
        Set<String> sections = SECTIONS.entrySet().stream().filter(e -> shows(model.getAttribute(e.getKey())))
                .map(Map.Entry::getValue).collect(Collectors.toSet());
        model.addAttribute("tasks", c.openTasks().stream()
                .map(t -> TaskLine.of(t, user.groups()).within(sections)).toList());
        return "portal/certification";
    }

    private static boolean shows(Object attribute) {
        return attribute != null && !(attribute instanceof Collection<?> list && list.isEmpty());
    }

    @GetMapping("/certificazioni/{id}/certificato.pdf")
    ResponseEntity<byte[]> certificate(@PathVariable long id) {
        return pdf(certificates.pdf(users.current(), id, CertificateIssuer.FAMILY_AUDIT, askedAt()));
    }

    @GetMapping("/certificazioni/{id}/executive.pdf")
    ResponseEntity<byte[]> executive(@PathVariable long id) {
        return pdf(certificates.pdf(users.current(), id, CertificateIssuer.EXECUTIVE, askedAt()));
    }

    @GetMapping("/certificazioni/{id}/piano/{versionNo}.pdf")
    ResponseEntity<byte[]> plan(@PathVariable long id, @PathVariable int versionNo) {
        byte[] pdf = plans.pdf(users.current(), id, versionNo);
        return pdf(new CertificateDocuments.Pdf("piano-" + id + "-v" + versionNo + ".pdf", pdf));
    }

    /**
     * The referent's invitation codes, as the API hands them out: once, or again with
     * {@code sostituisci} (the page's confirmation checkbox) while nobody has answered. Refusals
     * come back as the portal's error page (PortalErrors).
     */
    @PostMapping("/certificazioni/{id}/questionario/codici")
    ResponseEntity<byte[]> invitationCodes(@PathVariable long id,
                                           @RequestParam(name = "sostituisci", defaultValue = "false") boolean replace) {
        byte[] zip = questionnaires.issueInvitations(users.current(), id, replace, askedAt());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .cacheControl(CacheControl.noStore()) // the codes exist nowhere else: no copy in any cache
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("codici-questionario-" + id + ".zip").build().toString())
                .body(zip);
    }

    /**
     * The plan version the reader asked for, else the current one; none before the first draft. An
     * unknown version is the plan's own 404.
     */
    private Optional<PlanView> shownPlan(CurrentUser user, long id, List<PlanView.Version> versions, Integer versionNo) {
        if (versionNo != null) {
            return Optional.of(plans.version(user, id, versionNo));
        }
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(plans.current(user, id));
        } catch (NoPlanDraftedYet none) {
            return Optional.empty();
        }
    }

    @GetMapping("/certificazioni/{id}/valutazione/{reportId}.pdf")
    ResponseEntity<byte[]> evaluation(@PathVariable long id, @PathVariable long reportId) {
        byte[] pdf = evaluations.pdf(users.current(), id, reportId);
        return pdf(new CertificateDocuments.Pdf("valutazione-" + id + "-" + reportId + ".pdf", pdf));
    }

    /** The evaluators' reports, the oldest first, each naming its evaluator. */
    private List<Evaluation> evaluations(CurrentUser user, long certificationId) {
        List<EvaluationReport> reports = evaluations.of(user, certificationId);
        Map<String, String> names = people.namesOf(reports.stream().map(EvaluationReport::evaluator).toList());
        return reports.stream().map(r -> Evaluation.of(r, names)).toList();
    }

    /** The questionnaire's campaign, for the roles that follow it; none before it opens, or for other roles. */
    private Optional<CampaignView> questionnaire(CurrentUser user, long certificationId) {
        try {
            return Optional.of(questionnaires.view(user, certificationId, askedAt()));
        } catch (NotFound | NotPermitted notForThisPage) {
            return Optional.empty();
        }
    }

    /** The certification's audit trail, the latest first; visibility was checked with the page. */
    private List<Audited> audited(long certificationId) {
        List<AuditEvent> trail = audit.ofCertification(certificationId);
        Map<String, String> names = people.namesOf(trail.stream().map(AuditEvent::actor).toList());
        return trail.stream()
                .sorted(Comparator.comparing(AuditEvent::occurredAt).reversed())
                .map(e -> new Audited(LocalDateTime.ofInstant(e.occurredAt(), EngineTime.ZONE),
                        "system".equals(e.actor()) ? null : names.get(e.actor()), e.action().name(), e.subject(),
                        e.detail()))
                .toList();
    }

    private List<Event> events(List<TimelineEntry> timeline) {
        Map<String, String> names = people.namesOf(timeline.stream().map(TimelineEntry::actor).toList());
        return timeline.stream()
                .sorted(Comparator.comparing(TimelineEntry::occurredAt).reversed())
                .map(e -> new Event(LocalDateTime.ofInstant(e.occurredAt(), EngineTime.ZONE), e.summary(), e.decision(),
                        e.actor() == null || "system".equals(e.actor()) ? null : names.get(e.actor())))
                .toList();
    }

    private static String askedAt() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }

    private static ResponseEntity<byte[]> pdf(CertificateDocuments.Pdf pdf) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(pdf.fileName()).build()
                        .toString())
                .body(pdf.content());
    }
}
