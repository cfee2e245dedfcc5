package it.familyaudit.workflow.certification;

import it.familyaudit.workflow.certification.CertificationRefusals.CertificationNotFound;
import it.familyaudit.workflow.certification.CertificationRefusals.NoSingleOrganisation;
import it.familyaudit.workflow.certification.CertificationRefusals.OnlyTheOrganisationWithdraws;
import it.familyaudit.workflow.certification.CertificationRefusals.OnlyTheReferentStarts;
import it.familyaudit.workflow.certification.CertificationRefusals.RoleSeesNoCertifications;
import it.familyaudit.workflow.engine.CheckedEngineCalls;
import it.familyaudit.workflow.organization.Organization;
import it.familyaudit.workflow.organization.OrganizationRepository;
import it.familyaudit.workflow.security.CurrentUser;
import it.familyaudit.workflow.security.CurrentUsers;
import it.familyaudit.workflow.security.Roles;
import it.familyaudit.workflow.engine.OpenTasks;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Starting a certification, seeing where it stands, and withdrawing from it. */
@Service
public class CertificationService {

    /** Who may withdraw their organisation from its cycle. */
    public static final Set<String> WITHDRAWERS = Set.of(Roles.REFERENT, Roles.MANAGEMENT);

    private final CertificationRepository certifications;
    private final OrganizationRepository organizations;
    private final Timeline timeline;
    private final RuntimeService runtime;
    private final CheckedEngineCalls engine;
    private final OpenTasks openTasks;
    private final CurrentUsers users;
    private final JdbcClient db;

    CertificationService(CertificationRepository certifications, OrganizationRepository organizations, Timeline timeline,
                         RuntimeService runtime, CheckedEngineCalls engine, OpenTasks openTasks, CurrentUsers users,
                         JdbcClient db) {
        this.certifications = certifications;
        this.organizations = organizations;
        this.timeline = timeline;
        this.runtime = runtime;
        this.engine = engine;
        this.openTasks = openTasks;
        this.users = users;
        this.db = db;
    }

    /** The referent starts the next cycle of their organisation: a first certification by default. */
    @Transactional
    public CertificationView start(CurrentUser user, CycleKind kind) {
        if (!user.has(Roles.REFERENT)) {
            throw new OnlyTheReferentStarts();
        }
        Organization organization = ownOrganization(user);
        // The start listener refuses a second active cycle, and a kind the organisation may not start
        // (409), whichever way the process is started.
        // Our checks above (the referent of exactly this organisation) decide who may start.
        ProcessInstance instance = users.asUser(user, organization.code(), () -> engine.withoutAuthorizationChecks(
                () -> runtime.createProcessInstanceByKey(kind.processKey())
                        .processDefinitionWithoutTenantId()
                        .setVariable(CertificationProcess.ORGANIZATION_CODE, organization.code())
                        .setVariable(CertificationProcess.CYCLE_KIND, kind.name())
                        .execute()));
        return view(certifications.findByProcessInstance(instance.getId()).orElseThrow().id());
    }

    @Transactional(readOnly = true)
    public List<CertificationView> list(CurrentUser user) {
        List<Certification> found;
        if (user.seesAllOrganisations()) {
            found = certifications.findAll(null, null, 500);
        } else if (user.hasAny(Roles.ORGANISATION_ROLES) || user.hasAny(Roles.PROFESSIONAL_ROLES)) {
            List<Long> ids = user.tenants().stream().map(organizations::findByCode).flatMap(Optional::stream)
                    .map(Organization::id).toList();
            // Professionals: only the cycles that name them, in the organisations they still serve.
            found = certifications.findAll(ids, user.hasAny(Roles.ORGANISATION_ROLES) ? null : user.id(), 500);
        } else {
            throw new RoleSeesNoCertifications();
        }
        Map<Long, Organization> orgs = new HashMap<>();
        Map<Long, Map<String, CertificationView.CertificateRef>> issued =
                certificates(found.stream().map(Certification::id).toList());
        return found.stream().map(c -> build(c, orgs.computeIfAbsent(c.organizationId(), this::organization),
                issued.getOrDefault(c.id(), Map.of()), List.of(), List.of())).toList();
    }

    @Transactional(readOnly = true)
    public CertificationView get(CurrentUser user, long id) {
        return view(seen(user, id));
    }

    /** The certification if this user may see it; 404 otherwise, so that others' ids reveal nothing. */
    public Certification visible(CurrentUser user, long id) {
        return seen(user, id).certification();
    }

    private CertificationWithOrganization seen(CurrentUser user, long id) {
        CertificationWithOrganization found = certifications.findWithOrganization(id)
                .orElseThrow(CertificationNotFound::new);
        mustSee(user, found.certification(), found.organization());
        return found;
    }

    private static void mustSee(CurrentUser user, Certification c, Organization o) {
        if (user.seesAllOrganisations()) {
            return;
        }
        boolean own = user.hasAny(Roles.ORGANISATION_ROLES) && user.tenants().contains(o.code());
        // A professional sees a certification that names them only while their access to the
        // organisation lasts: it ends with the cycles that assign them.
        boolean assigned = user.tenants().contains(o.code())
                && c.assignment().lets(user.id(), user.groups(), Roles.PROFESSIONAL_ROLES);
        if (!own && !assigned) {
            throw new CertificationNotFound();
        }
    }

    /**
     * The certification each of these process instances works for (its own process, or one working
     * for it), for lists of tasks; the callers check who may see them.
     */
    @Transactional(readOnly = true)
    public Map<String, CertificationRef> ofProcessInstances(Collection<String> processInstanceIds) {
        return certifications.refsOfProcesses(processInstanceIds);
    }

    /**
     * Every organisation's latest cycle, a page at a time: for those who see every organisation. The page and
     * its counts come from several statements, which see one snapshot so that a cycle changing phase meanwhile
     * is neither shown twice nor missed.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public CertificationOverview.Page overview(CurrentUser user, CertificationOverview.Query query) {
        if (!user.seesAllOrganisations()) {
            throw new RoleSeesNoCertifications();
        }
        return certifications.overview(query);
    }

    /** The organisation withdraws: the cycle ends as withdrawn; fees are never refunded. */
    @Transactional
    public CertificationView withdraw(CurrentUser user, long id, String reason) {
        Certification c = visible(user, id);
        if (!user.hasAny(WITHDRAWERS)) {
            throw new OnlyTheOrganisationWithdraws();
        }
        if (!c.isActive()) {
            throw new CertificationNotActive(id);
        }
        reason = WithdrawalRequest.validReason(reason);
        timeline.recordBy(id, "WITHDRAWAL_REQUESTED", "Ritiro richiesto: " + reason, user.id());
        // Our checks above decide who may withdraw; the engine is not asked for instance rights that
        // would also let the referent change variables through Tasklist's REST API.
        runtime.createMessageCorrelation(CertificationProcess.WITHDRAWAL_MESSAGE)
                .processInstanceId(c.processInstanceId())
                .correlateWithResult();
        return view(id);
    }

    private Organization ownOrganization(CurrentUser user) {
        List<Organization> own = user.tenants().stream().map(organizations::findByCode).flatMap(Optional::stream).toList();
        if (own.size() != 1) {
            throw new NoSingleOrganisation();
        }
        return own.get(0);
    }

    private CertificationView view(long id) {
        return view(certifications.findWithOrganization(id).orElseThrow());
    }

    private CertificationView view(CertificationWithOrganization found) {
        Certification c = found.certification();
        // The cycle's own tasks and those of the processes working for it (the yearly monitoring).
        List<CertificationView.OpenTask> open = openTasks.ofProcessInstances(found.processInstances()).stream()
                .map(t -> new CertificationView.OpenTask(t.id(), t.taskKey(), t.name(), t.candidateGroups(), t.created(),
                        t.due()))
                .toList();
        return build(c, found.organization(), certificates(List.of(c.id())).getOrDefault(c.id(), Map.of()), open,
                timeline.of(c.id()));
    }

    private Organization organization(long id) {
        return organizations.findById(id).orElseThrow();
    }

    /** The certificates of these certifications (Family Audit and Executive), in one query. */
    private Map<Long, Map<String, CertificationView.CertificateRef>> certificates(List<Long> certificationIds) {
        Map<Long, Map<String, CertificationView.CertificateRef>> refs = new HashMap<>();
        if (certificationIds.isEmpty()) {
            return refs;
        }
        db.sql("""
                SELECT certification_id, kind, number, issue_date, verification_code, status FROM fa_certificate
                WHERE certification_id IN (:ids)
                """).param("ids", certificationIds)
                .query(rs -> {
                    long id = rs.getLong(1);
                    String kind = rs.getString(2);
                    String pdf = "/api/certifications/" + id
                            + ("EXECUTIVE".equals(kind) ? "/executive-certificate.pdf" : "/certificate.pdf");
                    refs.computeIfAbsent(id, k -> new HashMap<>()).put(kind, new CertificationView.CertificateRef(
                            rs.getString(3), rs.getDate(4).toLocalDate(), rs.getString(5), rs.getString(6), pdf));
                });
        return refs;
    }

    private CertificationView build(Certification c, Organization o, Map<String, CertificationView.CertificateRef> issued,
                                    List<CertificationView.OpenTask> open, List<TimelineEntry> events) {
        return new CertificationView(c.id(), o.code(), o.name(), c.cycleNo(), c.kind().name(), c.kind().italian(),
                c.phase().name(), c.phase().italian(), c.status().name(), c.overdue(), c.startedAt(), c.endedAt(),
                c.kickoffDate(), c.evaluationDeadline(), c.deadlineWarnedAt(), c.employeesInvolved(), c.feeAmount(),
                c.paymentDate(), c.referentName(), c.consultantUserId(), c.evaluatorUserId(), c.workingGroupWarning(),
                c.monitoringStart(), open, events, issued.get("FAMILY_AUDIT"), issued.get("EXECUTIVE"));
    }
}
