package it.familyaudit.workflow.certificate;

import it.familyaudit.workflow.certification.Certifications;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public register of certificates, and the check that a certificate is authentic: what
 * anyone may know without signing in (the organisation, the kind, the number, the date and
 * whether it is still valid), and nothing more.
 */
@Service
public class CertificateRegister {

    /** What a printed code may look like: the issuer's 16 characters, in groups or not, in any case. */
    private static final Pattern CODE = Pattern.compile("[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{16}");

    /**
     * @param status {@code VALID}, {@code REVOKED} or {@code WITHDRAWN}
     * @param kind   {@code FAMILY_AUDIT} or {@code EXECUTIVE}
     */
    public record Entry(String organization, String kind, String number, LocalDate issueDate, String status) {

        public boolean valid() {
            return "VALID".equals(status);
        }

        public boolean executive() {
            return CertificateIssuer.EXECUTIVE.equals(kind);
        }
    }

    /** What a verification found. */
    public sealed interface Verification {

        /** The text typed is not a code at all. */
        record Malformed() implements Verification {
        }

        /** A well-formed code that no certificate carries. */
        record Unknown() implements Verification {
        }

        record Found(Entry entry) implements Verification {
        }
    }

    private final CertificateRepository certificates;
    private final Certifications certifications;

    CertificateRegister(CertificateRepository certificates, Certifications certifications) {
        this.certificates = certificates;
        this.certifications = certifications;
    }

    @Transactional(readOnly = true)
    public List<Entry> entries() {
        List<Certificate> all = certificates.all();
        Map<Long, String> names = certifications.organizationNames(
                all.stream().map(Certificate::certificationId).distinct().toList());
        return all.stream().map(c -> entry(c, names.get(c.certificationId()))).toList();
    }

    @Transactional(readOnly = true)
    public Verification verify(String typed) {
        String code = typed == null || typed.length() > 64 ? "" : normalised(typed);
        if (!CODE.matcher(code).matches()) {
            return new Verification.Malformed();
        }
        Optional<Certificate> found = certificates.byVerificationCode(code);
        if (found.isEmpty()) {
            return new Verification.Unknown();
        }
        Certificate c = found.get();
        String name = certifications.organizationNames(List.of(c.certificationId())).get(c.certificationId());
        return new Verification.Found(entry(c, name));
    }

    /** Codes are printed in groups and read aloud: spaces, dashes and the case do not count. */
    static String normalised(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    private static Entry entry(Certificate c, String organization) {
        return new Entry(organization, c.kind(), c.number(), c.issueDate(), c.status());
    }
}
