package it.familyaudit.workflow.certificate;

import it.familyaudit.workflow.certification.Certification;
import it.familyaudit.workflow.certification.CertificationService;
import it.familyaudit.workflow.organization.OrganizationRepository;
import it.familyaudit.workflow.security.CurrentUsers;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CertificateController {

    private final CertificationService certifications;
    private final CertificateRepository certificates;
    private final OrganizationRepository organizations;
    private final CurrentUsers users;

    CertificateController(CertificationService certifications, CertificateRepository certificates,
                          OrganizationRepository organizations, CurrentUsers users) {
        this.certifications = certifications;
        this.certificates = certificates;
        this.organizations = organizations;
        this.users = users;
    }

    @GetMapping("/api/certifications/{id}/certificate.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        return pdf(id, CertificateIssuer.FAMILY_AUDIT);
    }

    /** The Family Audit Executive, once the council has recognised the plan as carried out. */
    @GetMapping("/api/certifications/{id}/executive-certificate.pdf")
    ResponseEntity<byte[]> executivePdf(@PathVariable long id) {
        return pdf(id, CertificateIssuer.EXECUTIVE);
    }

    private ResponseEntity<byte[]> pdf(long id, String kind) {
        Certification c = certifications.visible(users.current(), id);
        Certificate certificate = certificates.find(id, kind)
                .orElseThrow(CertificateNotIssued::new);
        String organization = organizations.findById(c.organizationId()).orElseThrow().name();
        byte[] pdf = CertificatePdf.render(new CertificatePdf.Content(organization, certificate.number(),
                certificate.issueDate(), certificate.verificationCode(), c.cycleNo(), c.scope(),
                CertificateIssuer.EXECUTIVE.equals(kind), certificate.status()));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(certificate.number() + ".pdf").build().toString())
                .body(pdf);
    }
}
