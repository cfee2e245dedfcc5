package it.familyaudit.workflow.certificate;

import it.familyaudit.workflow.audit.AuditAction;
import it.familyaudit.workflow.audit.AuditTrail;
import it.familyaudit.workflow.certification.CertificationLifecycle;
import it.familyaudit.workflow.certification.CertificationProcess;
import it.familyaudit.workflow.certification.Timeline;
import it.familyaudit.workflow.engine.EngineTime;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Issues the Family Audit certificate when the council grants it, and the Family Audit Executive when
 * it recognises the plan as carried out: a number {@code FA-<year>-<seq>}, the issue date, a
 * verification code, the entry in the register (one certificate of each kind per cycle). It runs in
 * the council's own transaction, so nothing can end the cycle between the decision and the
 * certificate; run again, it finds the certificate already there and issues nothing twice.
 */
@Component("certificateIssuer")
public class CertificateIssuer {

    public static final String FAMILY_AUDIT = "FAMILY_AUDIT";
    public static final String EXECUTIVE = "EXECUTIVE";
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
        long certificationId = certificationId(execution);
        issue(certificationId, FAMILY_AUDIT, "Family Audit").ifPresent(number -> lifecycle.certified(certificationId));
    }

    /** After the last yearly confirmation the council recognised the plan as carried out. */
    public void issueExecutive(DelegateExecution execution) {
        issue(certificationId(execution), EXECUTIVE, "Family Audit Executive");
    }

    /** @return the new number, or empty when this cycle already has a certificate of this kind */
    private Optional<String> issue(long certificationId, String kind, String name) {
        if (certificates.find(certificationId, kind).isPresent()) {
            return Optional.empty();
        }
        LocalDate today = EngineTime.today();
        String number = "FA-%d-%04d".formatted(today.getYear(), certificates.nextNumber(today.getYear()));
        certificates.insert(certificationId, kind, number, today, verificationCode());
        timeline.record(certificationId, "CERTIFICATE_ISSUED", "Rilasciato il certificato " + name + " n. " + number
                + " del " + today);
        audit.record(AuditAction.CERTIFICATE_ISSUED, certificationId, null, number, name + ", rilasciato il " + today);
        return Optional.of(number);
    }

    private static long certificationId(DelegateExecution execution) {
        return ((Number) execution.getVariable(CertificationProcess.CERTIFICATION_ID)).longValue();
    }

    private String verificationCode() {
        StringBuilder code = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            code.append(CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)]);
        }
        return code.toString();
    }
}
