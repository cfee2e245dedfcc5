package it.familyaudit.workflow.certificate;

import it.familyaudit.workflow.audit.AuditAction;
import it.familyaudit.workflow.audit.AuditTrail;
import it.familyaudit.workflow.certification.CertificationLifecycle;
import it.familyaudit.workflow.certification.CertificationProcess;
import it.familyaudit.workflow.certification.CertificationStatus;
import it.familyaudit.workflow.certification.Timeline;
import it.familyaudit.workflow.engine.EngineTime;
import java.security.SecureRandom;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Issues the Family Audit certificate when the council grants it: a number {@code FA-<year>-<seq>},
 * the issue date, a verification code, the entry in the register. It runs in the council's own
 * transaction, so nothing can end the cycle between the grant and the certificate; run again, it
 * finds the certificate already there and issues nothing twice.
 */
@Component("certificateIssuer")
public class CertificateIssuer {

    public static final String FAMILY_AUDIT = "FAMILY_AUDIT";
    private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final CertificateRepository certificates;
    private final Timeline timeline;
    private final AuditTrail audit;
    private final CertificationLifecycle lifecycle;
    private final SecureRandom random = new SecureRandom();

    CertificateIssuer(CertificateRepository certificates, Timeline timeline,
                      AuditTrail audit, CertificationLifecycle lifecycle) {
        this.lifecycle = lifecycle;
        this.certificates = certificates;
        this.timeline = timeline;
        this.audit = audit;
    }

    public void issue(DelegateExecution execution) {
        long certificationId = ((Number) execution.getVariable(CertificationProcess.CERTIFICATION_ID)).longValue();
        if (certificates.find(certificationId, FAMILY_AUDIT).isPresent()) {
            return;
        }
        LocalDate today = EngineTime.today();
        String number = "FA-%d-%04d".formatted(today.getYear(), certificates.nextNumber(today.getYear()));
        certificates.insert(certificationId, FAMILY_AUDIT, number, today, verificationCode());
        lifecycle.ended(certificationId, CertificationStatus.CERTIFIED);
        timeline.record(certificationId, "CERTIFICATE_ISSUED",
                "Rilasciato il certificato Family Audit n. " + number + " del " + today);
        audit.record(AuditAction.CERTIFICATE_ISSUED, certificationId, null, number, "Family Audit, rilasciato il " + today);
    }

    private String verificationCode() {
        StringBuilder code = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            code.append(CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)]);
        }
        return code.toString();
    }
}
