package it.familyaudit.workflow.certificate;

import it.familyaudit.workflow.FamilyAuditProperties;
import it.familyaudit.workflow.certification.Certification;
import it.familyaudit.workflow.certification.CertificationService;
import it.familyaudit.workflow.organization.OrganizationRepository;
import it.familyaudit.workflow.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A certification's certificates as PDF, for those who see the certification: the API and the portal ask here. */
@Service
public class CertificateDocuments {

    /** The file a user downloads: its name and content. */
    public record Pdf(String fileName, byte[] content) {
    }

    private final CertificationService certifications;
    private final CertificateRepository certificates;
    private final OrganizationRepository organizations;
    private final CertificateProperties settings;
    private final FamilyAuditProperties rules;

    CertificateDocuments(CertificationService certifications, CertificateRepository certificates,
                         OrganizationRepository organizations, CertificateProperties settings,
                         FamilyAuditProperties rules) {
        this.certifications = certifications;
        this.certificates = certificates;
        this.organizations = organizations;
        this.settings = settings;
        this.rules = rules;
    }

    /**
     * @param kind    {@link CertificateIssuer#FAMILY_AUDIT} or {@link CertificateIssuer#EXECUTIVE}
     * @param askedAt the address the application was reached at, for the verification link unless
     *                {@code family-audit.certificate.public-base-url} names one
     * @throws CertificateNotIssued when the certification has no such certificate (yet)
     */
    @Transactional(readOnly = true)
    public Pdf pdf(CurrentUser user, long certificationId, String kind, String askedAt) {
        Certification c = certifications.visible(user, certificationId);
        Certificate certificate = certificates.find(certificationId, kind).orElseThrow(CertificateNotIssued::new);
        String organization = organizations.findById(c.organizationId()).orElseThrow().name();
        String base = settings.publicBaseUrl() != null ? settings.publicBaseUrl() : askedAt.replaceAll("/+$", "");
        String verifyAt = base + "/verifica?codice=" + certificate.verificationCode();
        boolean executive = CertificateIssuer.EXECUTIVE.equals(kind);
        // The Family Audit certificate holds for the years of monitoring, confirmed each year; the
        // Executive for those of the maintenance that may follow.
        int years = executive ? rules.cycles().maintenanceYears() : rules.cycles().certificationYears();
        byte[] pdf = CertificatePdf.render(new CertificatePdf.Content(organization, certificate.number(),
                certificate.issueDate(), certificate.verificationCode(), c.cycleNo(), c.scope(), executive,
                certificate.status(), verifyAt, certificate.issueDate().plusYears(years), settings.signatoryName(),
                settings.signatoryRole()));
        return new Pdf(certificate.number() + ".pdf", pdf);
    }
}
