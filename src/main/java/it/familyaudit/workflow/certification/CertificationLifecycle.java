package it.familyaudit.workflow.certification;

import static it.familyaudit.workflow.certification.CertificationProcess.CERTIFICATION_ID;
import static it.familyaudit.workflow.certification.CertificationProcess.CONSULTANT_CHOICE;
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

    /** Opens the cycle's record when the process starts, however it was started. */
    public void onStart(DelegateExecution execution) {
        String code = execution.getTenantId();
        if (code == null) {
            throw new BadUserRequestException(
                    "La certificazione va avviata per un'organizzazione / A certification must belong to an organisation");
        }
        Organization organization = organizations.findByCode(code).orElseThrow(() -> new BadUserRequestException(
                "Organizzazione sconosciuta / Unknown organisation: " + code));
        certifications.findActive(organization.id()).ifPresent(active -> {
            throw new CertificationAlreadyActiveException(organization.name(), active.id());
        });
        long id = certifications.open(organization.id(), execution.getProcessInstanceId(), EngineAccess.currentActor());
        execution.setVariable(CERTIFICATION_ID, id);
        execution.setVariable(ORGANIZATION_CODE, code);
        if (!(execution.getVariable(CONSULTANT_CHOICE) instanceof String)) {
            execution.setVariable(CONSULTANT_CHOICE, properties.consultantChoice());
        }
        execution.setProcessBusinessKey(String.valueOf(id));
        timeline.record(id, "STARTED", "Certificazione avviata per " + organization.name());
        audit.record(AuditAction.CERTIFICATION_STARTED, id, organization.code(), "ciclo " + id, organization.name());
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
     * Ends the cycle and the professionals' access that came with it: consultants and evaluators
     * see an organisation only while a cycle assigns them. A certified cycle keeps its evaluator,
     * who audits the yearly monitoring. Called inside the engine command that ends the cycle.
     *
     * @return false when the cycle had already ended
     */
    public boolean ended(long id, CertificationStatus status) {
        if (!certifications.end(id, status)) {
            return false;
        }
        Certification c = certifications.get(id);
        String code = organizations.findById(c.organizationId()).orElseThrow().code();
        for (String professional : new String[] {c.consultantUserId(),
                status == CertificationStatus.CERTIFIED ? null : c.evaluatorUserId()}) {
            if (professional != null && !certifications.needsProfessionalElsewhere(c.organizationId(), id, professional)) {
                Professionals.revokeAccess(code, professional);
            }
        }
        return true;
    }

    static long certificationId(DelegateExecution execution) {
        return ((Number) execution.getVariable(CERTIFICATION_ID)).longValue();
    }
}
