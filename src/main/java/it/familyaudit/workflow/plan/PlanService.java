package it.familyaudit.workflow.plan;

import com.fasterxml.jackson.databind.JsonNode;
import it.familyaudit.workflow.audit.AuditAction;
import it.familyaudit.workflow.audit.AuditTrail;
import it.familyaudit.workflow.certification.Certification;
import it.familyaudit.workflow.certification.CertificationProcess;
import it.familyaudit.workflow.certification.CertificationService;
import it.familyaudit.workflow.certification.CertificationStatus;
import it.familyaudit.workflow.certification.Phase;
import it.familyaudit.workflow.certification.Timeline;
import it.familyaudit.workflow.organization.Organization;
import it.familyaudit.workflow.organization.OrganizationRepository;
import it.familyaudit.workflow.plan.transfer.ImportError;
import it.familyaudit.workflow.plan.transfer.PlanFormat;
import it.familyaudit.workflow.plan.transfer.PlanImport;
import it.familyaudit.workflow.plan.transfer.PlanImportException;
import it.familyaudit.workflow.plan.transfer.PlanPdf;
import it.familyaudit.workflow.security.CurrentUser;
import it.familyaudit.workflow.security.People;
import it.familyaudit.workflow.security.Roles;
import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.engine.FormValidationException;
import it.familyaudit.workflow.engine.OpenTasks;
import it.familyaudit.workflow.plan.PlanRefusals.ApprovedPlanUnchangeable;
import it.familyaudit.workflow.plan.PlanRefusals.NoApprovedPlanToRevise;
import it.familyaudit.workflow.plan.PlanRefusals.NoPlanDraftedYet;
import it.familyaudit.workflow.plan.PlanRefusals.NoRevisionOpen;
import it.familyaudit.workflow.plan.PlanRefusals.NotAPlanAuthor;
import it.familyaudit.workflow.plan.PlanRefusals.NotARevisionAuthor;
import it.familyaudit.workflow.plan.PlanRefusals.OnlyManagementDecidesRevisions;
import it.familyaudit.workflow.plan.PlanRefusals.PlanDecidedThroughItsTask;
import it.familyaudit.workflow.plan.PlanRefusals.PlanNotInDrafting;
import it.familyaudit.workflow.plan.PlanRefusals.PlanOfEndedCertification;
import it.familyaudit.workflow.plan.PlanRefusals.PlanVersionAlreadyDecided;
import it.familyaudit.workflow.plan.PlanRefusals.PlanVersionAlreadyOpen;
import it.familyaudit.workflow.plan.PlanRefusals.PlanVersionNotFound;
import it.familyaudit.workflow.plan.PlanRefusals.PlanVersionNotSubmitted;
import it.familyaudit.workflow.plan.PlanRefusals.RevisionBeforeCertificate;
import it.familyaudit.workflow.refusal.Refusal;
import it.familyaudit.workflow.refusal.StateConflict;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The action plan of a certification as versions. While the cycle runs, the working group edits
 * the draft behind its drafting task (the referent and the assigned consultant may too) and the
 * task submits it; after the certificate, a revision is a new draft copied from the approved plan,
 * submitted here and decided by management here. A submitted or decided version never changes.
 */
@Service
public class PlanService {

    /** The drafting form's read-only text: why the draft cannot be submitted yet. */
    public static final String PLAN_CHECK = "planCheck";
    /** Who edits a draft and opens or submits a revision (the assigned consultant also edits drafts before the certificate). */
    public static final Set<String> EDITORS = Set.of(Roles.REFERENT, Roles.WORKING_GROUP);

    private final PlanRepository plans;
    private final PlanDrafts drafts;
    private final CertificationService certifications;
    private final OpenTasks openTasks;
    private final TaskService tasks;
    private final AuditTrail audit;
    private final Timeline timeline;
    private final OrganizationRepository organizations;
    private final People people;

    PlanService(PlanRepository plans, PlanDrafts drafts, CertificationService certifications, OpenTasks openTasks,
                TaskService tasks, AuditTrail audit, Timeline timeline, OrganizationRepository organizations,
                People people) {
        this.organizations = organizations;
        this.people = people;
        this.plans = plans;
        this.drafts = drafts;
        this.certifications = certifications;
        this.openTasks = openTasks;
        this.tasks = tasks;
        this.audit = audit;
        this.timeline = timeline;
    }

    // --- Reading: whoever may see the certification ----------------------------------------------

    /** The version being worked on: the draft if there is one, else the newest. */
    @Transactional(readOnly = true)
    public PlanView current(CurrentUser user, long certificationId) {
        certifications.visible(user, certificationId);
        PlanVersion version = plans.draft(certificationId).or(() -> drafts.newest(certificationId))
                .orElseThrow(NoPlanDraftedYet::new);
        return view(version);
    }

    @Transactional(readOnly = true)
    public List<PlanView.Version> versions(CurrentUser user, long certificationId) {
        certifications.visible(user, certificationId);
        return plans.versions(certificationId).stream().map(PlanView.Version::of).toList();
    }

    @Transactional(readOnly = true)
    public PlanView version(CurrentUser user, long certificationId, int versionNo) {
        certifications.visible(user, certificationId);
        return view(existing(certificationId, versionNo));
    }

    // --- Editing the draft ---------------------------------------------------------------------

    /**
     * Replaces the whole draft with {@code body}, creating the draft if there is none yet. Refused
     * (409) unless the plan is being drafted or revised; every problem of the body is one field
     * error of a single 400.
     */
    @Transactional
    public PlanView saveDraft(CurrentUser user, long certificationId, JsonNode body) {
        Certification c = editable(user, certificationId);
        PlanJson.Draft d = PlanJson.read(body);
        List<FieldError> errors = d.content() == null ? d.errors()
                : merge(d.errors(), PlanRules.structure(d.title(), d.content()));
        if (!errors.isEmpty()) {
            throw new FormValidationException(errors);
        }
        return store(user, c, d.title(), d.fieldsMandatory(), d.content());
    }

    /**
     * Replaces the whole draft with a spreadsheet's plan, under the same rules as {@link #saveDraft}. All
     * or nothing: every problem, the file's and the plan rules', comes back placed on its row and column.
     * A file that does not give the title or whether fields are mandatory keeps the draft's.
     */
    @Transactional
    public PlanView importDraft(CurrentUser user, long certificationId, PlanFormat format, byte[] file) {
        Certification c = editable(user, certificationId);
        Imported imported = imported(c, format, file);
        return store(user, c, imported.title(), imported.fieldsMandatory(), imported.content());
    }

    /**
     * What {@link #importDraft} would make of the file, stored nowhere, so that its changes can be shown
     * before they are made: the draft it would become (its {@code version} is the draft's, {@code null}
     * before the first save) with what it would still lack. Refused as {@code importDraft} is.
     */
    @Transactional(readOnly = true)
    public PlanView readImport(CurrentUser user, long certificationId, PlanFormat format, byte[] file) {
        Certification c = editable(user, certificationId);
        Imported imported = imported(c, format, file);
        return unsaved(plans.draft(c.id()).map(PlanView.Version::of).orElse(null), imported.title(),
                imported.fieldsMandatory(), imported.content());
    }

    /** A spreadsheet's plan under the draft's title and rule where it gives none, checked by the plan's rules. */
    private record Imported(String title, boolean fieldsMandatory, PlanContent content) {
    }

    private Imported imported(Certification c, PlanFormat format, byte[] file) {
        PlanImport imported = format.read(file);
        Optional<PlanVersion> draft = plans.draft(c.id());
        String title = imported.title() != null ? imported.title()
                : draft.map(PlanVersion::title).orElse(PlanDrafts.DEFAULT_TITLE);
        boolean mandatory = imported.fieldsMandatory() != null ? imported.fieldsMandatory()
                : draft.map(PlanVersion::fieldsMandatory).orElse(true);
        List<ImportError> errors = PlanRules.structure(title, imported.content()).stream()
                .map(e -> imported.locate(e.field(), e.message())).toList();
        if (!errors.isEmpty()) {
            throw new PlanImportException(errors);
        }
        return new Imported(title, mandatory, imported.content());
    }

    /**
     * The draft as its editors open it, refused as {@link #saveDraft} would be (403, 409). Before the
     * first save there is none: then the plan a first save starts from (the standard's fields, the
     * default title), unsaved, with {@code version} {@code null}. Creates nothing.
     */
    @Transactional(readOnly = true)
    public PlanView draft(CurrentUser user, long certificationId) {
        Certification c = editable(user, certificationId);
        return plans.draft(c.id()).map(this::view)
                .orElseGet(() -> unsaved(null, PlanDrafts.DEFAULT_TITLE, true, PlanContent.empty()));
    }

    /** Whether {@link #saveDraft} would let this user change the plan now; the certification must be visible to them. */
    @Transactional(readOnly = true)
    public boolean mayEdit(CurrentUser user, long certificationId) {
        return whyNotEditable(user, certifications.visible(user, certificationId)) == null;
    }

    /** The empty spreadsheet to fill in: the standard's fields, the default title, every column. */
    @Transactional(readOnly = true)
    public byte[] template(CurrentUser user, long certificationId, PlanFormat format) {
        certifications.visible(user, certificationId);
        return format.write(PlanDrafts.DEFAULT_TITLE, true, PlanContent.empty());
    }

    /** A version as a spreadsheet, to edit and import again or to share. */
    @Transactional(readOnly = true)
    public byte[] export(CurrentUser user, long certificationId, int versionNo, PlanFormat format) {
        certifications.visible(user, certificationId);
        PlanVersion version = existing(certificationId, versionNo);
        return format.write(version, plans.content(version.id()));
    }

    /** A version as a readable document: organisation, version, approval and every action. */
    @Transactional(readOnly = true)
    public byte[] pdf(CurrentUser user, long certificationId, int versionNo) {
        Certification c = certifications.visible(user, certificationId);
        PlanVersion version = existing(certificationId, versionNo);
        String organization = organizations.findById(c.organizationId()).map(Organization::name).orElseThrow();
        Map<String, String> names = people.namesOf(Arrays.asList(version.submittedBy(), version.decidedBy()));
        return PlanPdf.render(new PlanPdf.Input(organization, version, plans.content(version.id()), names));
    }

    /** The certification, if the user may edit its plan now; 403 or 409 naming why not. */
    private Certification editable(CurrentUser user, long certificationId) {
        Certification c = certifications.visible(user, certificationId);
        Refusal refusal = whyNotEditable(user, c);
        if (refusal != null) {
            throw refusal;
        }
        return c;
    }

    /** Why the user may not edit the plan now (not an author, or not the moment), or {@code null}. */
    private Refusal whyNotEditable(CurrentUser user, Certification c) {
        boolean consultant = c.assignment().lets(user.id(), user.groups(), Set.of(Roles.CONSULTANT));
        if (!user.hasAny(EDITORS) && !consultant) {
            return new NotAPlanAuthor();
        }
        return whyUnchangeable(c, plans.draft(c.id()).isPresent());
    }

    private PlanView store(CurrentUser user, Certification c, String title, boolean fieldsMandatory,
                           PlanContent content) {
        Optional<PlanVersion> draft = plans.draft(c.id());
        if (draft.isPresent()) {
            // Holds the version's row lock to the end of the transaction: a second save waits for this one.
            if (!plans.replaceContent(draft.get().id(), title, content, fieldsMandatory)) {
                throw drafts.noLongerADraft(c.id(), draft.get().versionNo());
            }
        } else {
            Integer basedOn = drafts.newest(c.id()).map(PlanVersion::versionNo).orElse(null);
            plans.createDraft(c.id(), title, content, fieldsMandatory, basedOn, user.id())
                    .orElseThrow(() -> pending(c.id()));
        }
        PlanVersion saved = plans.draft(c.id()).orElseThrow();
        showCheckOnTheDraftingTask(c, saved);
        return view(saved);
    }

    private static StateConflict whyUnchangeable(Certification c, boolean hasDraft) {
        if (c.status() == CertificationStatus.ACTIVE && c.phase() != Phase.PLAN_DRAFTING) {
            return new PlanNotInDrafting(c.phase().italian());
        }
        if (c.status() == CertificationStatus.CERTIFIED && !hasDraft) {
            return new ApprovedPlanUnchangeable(c.id());
        }
        if (c.status() != CertificationStatus.ACTIVE && c.status() != CertificationStatus.CERTIFIED) {
            return new PlanOfEndedCertification(c.phase().italian());
        }
        return null;
    }

    // --- Revisions after the certificate ---------------------------------------------------------

    /** Opens a revision: a draft copied from the approved plan in force. */
    @Transactional
    public PlanView openRevision(CurrentUser user, long certificationId) {
        Certification c = certifications.visible(user, certificationId);
        requireEditor(user);
        requireCertified(c);
        PlanVersion approved = plans.latestApproved(certificationId).orElseThrow(NoApprovedPlanToRevise::new);
        PlanVersion draft = drafts.copy(approved, user.id()).orElseThrow(() -> pending(certificationId));
        audit.record(user.id(), AuditAction.PLAN_REVISION_OPENED, certificationId, null, "piano v" + draft.versionNo(),
                "dalla versione " + approved.versionNo());
        timeline.recordBy(certificationId, "PLAN_REVISION_OPENED", "Revisione del piano aperta: versione "
                + draft.versionNo() + ", dalla versione approvata " + approved.versionNo(), user.id());
        return view(draft);
    }

    /** Submits the open revision for management's decision. */
    @Transactional
    public PlanView submitRevision(CurrentUser user, long certificationId, PlanRequests.Submission request) {
        Certification c = certifications.visible(user, certificationId);
        requireEditor(user);
        requireCertified(c);
        PlanVersion draft = plans.draft(certificationId).orElseThrow(NoRevisionOpen::new);
        String summary = request == null ? null : trimmed(request.summary());
        String note = request == null ? null : trimmed(request.changeNote());
        List<FieldError> errors = new ArrayList<>();
        if (note == null) {
            errors.add(new FieldError("changeNote", "Descrivere le modifiche rispetto alla versione approvata"));
        }
        length(errors, "changeNote", note, PlanRules.NOTE);
        length(errors, "summary", summary, PlanRules.NOTE);
        errors.addAll(drafts.problems(draft));
        if (!errors.isEmpty()) {
            throw new FormValidationException(errors);
        }
        PlanVersion submitted = drafts.submit(draft, summary, note, user.id());
        timeline.recordBy(certificationId, "PLAN_REVISION_SUBMITTED", "Revisione del piano presentata (versione "
                + submitted.versionNo() + ", " + submitted.actionsCount() + " azioni): " + note, user.id());
        return view(submitted);
    }

    /** Management approves and signs a submitted revision, or rejects it; who submitted it may not decide it. */
    @Transactional
    public PlanView decide(CurrentUser user, long certificationId, int versionNo, PlanRequests.Decision request) {
        Certification c = certifications.visible(user, certificationId);
        if (!user.has(Roles.MANAGEMENT)) {
            throw new OnlyManagementDecidesRevisions();
        }
        PlanVersion version = existing(certificationId, versionNo);
        if (c.status() == CertificationStatus.ACTIVE) {
            throw new PlanDecidedThroughItsTask();
        }
        requireCertified(c);
        if (version.status() != PlanStatus.SUBMITTED) {
            throw new PlanVersionNotSubmitted(versionNo, PlanView.label(version.status()));
        }
        String decision = request == null ? null : trimmed(request.decision());
        String signatory = request == null ? null : trimmed(request.signatoryName());
        String role = request == null ? null : trimmed(request.signatoryRole());
        String note = request == null ? null : trimmed(request.note());
        boolean approve = "approve".equals(decision);
        List<FieldError> errors = new ArrayList<>();
        if (!approve && !"reject".equals(decision)) {
            errors.add(new FieldError("decision", "Indicare approve (approvare e firmare) o reject (respingere)"));
        }
        if (approve && signatory == null) {
            errors.add(new FieldError("signatoryName", "Indicare chi firma il piano"));
        }
        if ("reject".equals(decision) && note == null) {
            errors.add(new FieldError("note", "Indicare perché la revisione è respinta"));
        }
        length(errors, "signatoryName", signatory, PlanRules.TITLE);
        length(errors, "signatoryRole", role, PlanRules.TITLE);
        length(errors, "note", note, PlanRules.NOTE);
        if (user.id().equals(version.submittedBy())) {
            errors.add(new FieldError("decision", "Chi ha presentato il piano non può approvarlo"));
        }
        if (!errors.isEmpty()) {
            throw new FormValidationException(errors);
        }
        if (!plans.decide(version.id(), approve ? PlanStatus.APPROVED : PlanStatus.CHANGES_REQUESTED, user.id(),
                approve ? null : note, approve ? signatory : null, approve ? role : null)) {
            throw noLongerSubmitted(certificationId, versionNo);
        }
        audit.record(user.id(), approve ? AuditAction.PLAN_APPROVED : AuditAction.PLAN_CHANGES_REQUESTED,
                certificationId, null, "piano v" + versionNo, approve ? "firmato da " + signatory : note);
        timeline.recordBy(certificationId, approve ? "PLAN_REVISION_APPROVED" : "PLAN_REVISION_REJECTED", approve
                ? "Revisione del piano (versione " + versionNo + ") approvata e firmata da " + signatory
                : "Revisione del piano (versione " + versionNo + ") respinta: " + note, user.id());
        return view(existing(certificationId, versionNo));
    }

    // --- Helpers -------------------------------------------------------------------------------

    /**
     * Tasklist shows the form's variables, not our API: the open drafting task keeps the current check
     * as a task-local variable, rewritten with every save.
     */
    private void showCheckOnTheDraftingTask(Certification c, PlanVersion draft) {
        if (c.status() != CertificationStatus.ACTIVE) {
            return;
        }
        String check = drafts.check(draft.certificationId());
        openTasks.ofProcessInstance(c.processInstanceId()).stream()
                .filter(t -> CertificationProcess.DRAFT_PLAN.equals(t.taskKey()))
                .forEach(t -> tasks.setVariableLocal(t.id(), PLAN_CHECK, check));
    }

    private PlanVersion existing(long certificationId, int versionNo) {
        return plans.version(certificationId, versionNo)
                .orElseThrow(PlanVersionNotFound::new);
    }

    private PlanView view(PlanVersion v) {
        PlanContent content = plans.content(v.id());
        List<FieldError> problems = v.status() == PlanStatus.DRAFT ? PlanDrafts.problems(v, content) : List.of();
        return new PlanView(PlanView.Version.of(v), v.title(), v.fieldsMandatory(), content.fields(), content.actions(),
                problems);
    }

    private static PlanView unsaved(PlanView.Version version, String title, boolean fieldsMandatory,
                                    PlanContent content) {
        return new PlanView(version, title, fieldsMandatory, content.fields(), content.actions(),
                PlanDrafts.problems(title, fieldsMandatory, content));
    }

    private static void requireEditor(CurrentUser user) {
        if (!user.hasAny(EDITORS)) {
            throw new NotARevisionAuthor();
        }
    }

    private static void requireCertified(Certification c) {
        if (c.status() != CertificationStatus.CERTIFIED) {
            throw new RevisionBeforeCertificate(c.phase().italian());
        }
    }

    private PlanVersionAlreadyOpen pending(long certificationId) {
        String which = plans.draft(certificationId).or(() -> plans.submitted(certificationId))
                .map(v -> "la versione " + v.versionNo() + " è «" + PlanView.label(v.status()) + "»")
                .orElse("un'altra versione è appena stata aperta");
        return new PlanVersionAlreadyOpen(which);
    }

    private PlanVersionAlreadyDecided noLongerSubmitted(long certificationId, int versionNo) {
        String now = plans.version(certificationId, versionNo).map(v -> PlanView.label(v.status())).orElse("?");
        return new PlanVersionAlreadyDecided(versionNo, now);
    }

    /** The reader's errors first; a rule broken by a value the reader already refused says nothing new. */
    private static List<FieldError> merge(List<FieldError> reading, List<FieldError> rules) {
        List<FieldError> all = new ArrayList<>(reading);
        Set<String> seen = new HashSet<>();
        reading.forEach(e -> seen.add(e.field()));
        rules.stream().filter(e -> !seen.contains(e.field())).forEach(all::add);
        return all;
    }

    private static void length(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "Al massimo " + max + " caratteri (ne hai scritti " + value.length() + ")"));
        }
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
