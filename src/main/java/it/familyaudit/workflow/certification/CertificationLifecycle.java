package it.familyaudit.workflow.certification;

import static it.familyaudit.workflow.certification.CertificationProcess.CERTIFICATION_ID;
import static it.familyaudit.workflow.certification.CertificationProcess.CONSULTANT_CHOICE;
import static it.familyaudit.workflow.certification.CertificationProcess.CYCLE_KIND;
import static it.familyaudit.workflow.certification.CertificationProcess.FEE_AMOUNT;
import static it.familyaudit.workflow.certification.CertificationProcess.ORGANIZATION_CODE;

import it.familyaudit.workflow.FamilyAuditProperties;
import it.familyaudit.workflow.audit.AuditAction;
import it.familyaudit.workflow.audit.AuditTrail;
import it.familyaudit.workflow.engine.EngineAccess;
import it.familyaudit.workflow.organization.Organization;
import it.familyaudit.workflow.organization.OrganizationRepository;
import java.math.BigDecimal;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The steps of the certification process that no person performs, called from the model as
 * {@code ${certificationLifecycle...}}. Each is safe to run again: a retried job changes nothing twice.
 */
@Component("certificationLifecycle")
public class CertificationLifecycle {

    private final CertificationRepository certifications;
    private final OrganizationRepository organizations;
    private final Timeline timeline;
    private final FamilyAuditProperties properties;
    private final AuditTrail audit;

    CertificationLifecycle(CertificationRepository certifications, OrganizationRepository organizations,
                           Timeline timeline, FamilyAuditProperties properties, AuditTrail audit) {
        this.audit = audit;
        this.certifications = certifications;
        this.organizations = organizations;
        this.timeline = timeline;
        this.properties = properties;
    }

    /**
     * Opens the cycle's record when the process starts, however it was started. The kind comes from the
     * {@code cycleKind} variable (by default the kind the model runs); a maintenance needs a valid
     * Executive, a consolidation a maintenance completed before it (409 otherwise).
     */
    public void onStart(DelegateExecution execution) {
        String code = execution.getTenantId();
        if (code == null) {
            throw new BadUserRequestException(
                    "La certificazione va avviata per un'organizzazione / A certification must belong to an organisation");
        }
        Organization organization = organizations.findByCode(code).orElseThrow(() -> new BadUserRequestException(
                "Organizzazione sconosciuta / Unknown organisation: " + code));
        certifications.findActive(organization.id()).ifPresent(active -> {
            throw new CertificationAlreadyActive(organization.name(), active.id());
        });
        CycleKind kind = kindOf(execution);
        checkAllowed(kind, organization);
        long id = certifications.open(organization.id(), execution.getProcessInstanceId(), EngineAccess.currentActor(),
                kind);
        organizations.cycleOpened(organization.id());
        execution.setVariable(CERTIFICATION_ID, id);
        execution.setVariable(ORGANIZATION_CODE, code);
        execution.setVariable(CYCLE_KIND, kind.name());
        if (!(execution.getVariable(CONSULTANT_CHOICE) instanceof String)) {
            execution.setVariable(CONSULTANT_CHOICE, properties.consultantChoice());
        }
        execution.setProcessBusinessKey(String.valueOf(id));
        timeline.record(id, "STARTED", kind.italianStarted() + " per " + organization.name());
        audit.record(AuditAction.CERTIFICATION_STARTED, id, organization.code(), "ciclo " + id,
                kind.italian() + ", " + organization.name());
    }

    /** The kind asked for, which must be one the starting model runs. */
    private static CycleKind kindOf(DelegateExecution execution) {
        String model = EngineAccess.processKeyOf(execution);
        Object asked = execution.getVariable(CYCLE_KIND);
        CycleKind kind;
        if (asked == null) {
            kind = MaintenanceProcess.KEY.equals(model) ? CycleKind.MAINTENANCE : CycleKind.CERTIFICATION;
        } else {
            try {
                kind = CycleKind.valueOf(asked.toString());
            } catch (IllegalArgumentException e) {
                throw new BadUserRequestException("Tipo di ciclo sconosciuto / Unknown kind of cycle: " + asked);
            }
        }
        if (!kind.processKey().equals(model)) {
            throw new BadUserRequestException("Il modello " + model + " non gestisce il ciclo " + kind
                    + " / The model " + model + " does not run a " + kind + " cycle");
        }
        return kind;
    }

    /**
     * Maintenance only for an organisation holding a valid Executive certificate; consolidation only
     * after a maintenance that ran to its end (and the Executive still valid).
     */
    private void checkAllowed(CycleKind kind, Organization organization) {
        if (kind == CycleKind.CERTIFICATION) {
            return;
        }
        if (!certifications.holdsValidExecutive(organization.id())) {
            throw new CycleNotAllowed(kind == CycleKind.MAINTENANCE
                    ? "Il mantenimento richiede un certificato Family Audit Executive valido / "
                            + "Maintenance needs a valid Family Audit Executive certificate"
                    : "Il consolidamento richiede un certificato Family Audit Executive valido / "
                            + "Consolidation needs a valid Family Audit Executive certificate");
        }
        if (kind == CycleKind.CONSOLIDATION) {
            boolean afterMaintenance = certifications.ended(organization.id()).stream().findFirst()
                    .filter(last -> last.kind() == CycleKind.MAINTENANCE && last.status() == CertificationStatus.EXECUTIVE)
                    .isPresent();
            if (!afterMaintenance) {
                throw new CycleNotAllowed("Il consolidamento segue un ciclo di mantenimento concluso / "
                        + "Consolidation follows a completed maintenance cycle");
            }
        }
    }

    public void recordFee(DelegateExecution execution) {
        long id = certificationId(execution);
        BigDecimal fee = new BigDecimal(execution.getVariable(FEE_AMOUNT).toString());
        certifications.recordFee(id, fee);
        timeline.record(id, "FEE_COMPUTED", "Quota calcolata: " + fee.toPlainString() + " €");
    }

    public void warnDeadline(DelegateExecution execution) {
        long id = certificationId(execution);
        if (certifications.markDeadlineWarned(id)) {
            Certification c = certifications.get(id);
            timeline.record(id, "DEADLINE_WARNING",
                    "Avviso: il rapporto di valutazione è atteso entro il " + c.evaluationDeadline());
        }
    }

    public void flagOverdue(DelegateExecution execution) {
        long id = certificationId(execution);
        certifications.markOverdue(id);
        timeline.record(id, "OVERDUE", "Scadenza superata: l'ente di certificazione decide se prorogare o chiudere");
    }

    /** Ends the cycle with the given status (one of {@link CertificationStatus}). */
    public void end(DelegateExecution execution, String status) {
        long id = certificationId(execution);
        CertificationStatus finalStatus = CertificationStatus.valueOf(status);
        if (ended(id, finalStatus)) {
            timeline.record(id, finalStatus.name(), "Ciclo concluso: " + Phase.valueOf(status).italian());
            audit.record(AuditAction.CERTIFICATION_ENDED, id, null, "ciclo " + id, finalStatus.name());
        }
    }

    /**
     * The Family Audit certificate was issued: the cycle runs on into its yearly monitoring, and the
     * consultant, whose work was the plan, no longer sees the organisation; the evaluator stays to
     * audit the monitoring. Called inside the engine command that issues the certificate.
     */
    public void certified(long id) {
        if (certifications.certify(id)) {
            Certification c = certifications.get(id);
            revokeUnlessNeeded(c, c.consultantUserId());
        }
    }

    /**
     * Ends the cycle and the professionals' access that came with it: consultants and evaluators see
     * an organisation only while a cycle assigns them. A cycle withdrawn after its certificate takes the
     * certificate with it. Called inside the engine command that ends the cycle.
     *
     * @return false when the cycle had already ended
     */
    public boolean ended(long id, CertificationStatus status) {
        if (!certifications.end(id, status)) {
            return false;
        }
        Certification c = certifications.get(id);
        revokeUnlessNeeded(c, c.consultantUserId());
        revokeUnlessNeeded(c, c.evaluatorUserId());
        if (status == CertificationStatus.WITHDRAWN && certifications.withdrawCertificates(id) > 0) {
            timeline.record(id, "CERTIFICATE_WITHDRAWN", "Il certificato del ciclo cessa con il ritiro");
        }
        return true;
    }

    private void revokeUnlessNeeded(Certification c, String professional) {
        if (professional != null && !certifications.needsProfessionalElsewhere(c.organizationId(), c.id(), professional)) {
            Professionals.revokeAccess(organizations.findById(c.organizationId()).orElseThrow().code(), professional);
        }
    }

    static long certificationId(DelegateExecution execution) {
        return ((Number) execution.getVariable(CERTIFICATION_ID)).longValue();
    }
}
