package it.familyaudit.workflow.certificate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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

@Tag(name = "Certificati / Certificates", description = "Il certificato Family Audit e l'Executive in PDF / The certificates as PDF")
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

    @Operation(summary = "Certificato Family Audit in PDF / Family Audit certificate as PDF",
            description = "Per chi vede la certificazione; 404 se non ancora rilasciato. / For those who see the certification; 404 until issued.")
    @GetMapping("/api/certifications/{id}/certificate.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        return pdf(id, CertificateIssuer.FAMILY_AUDIT);
    }

    /** The Family Audit Executive, once the council has recognised the plan as carried out. */
    @Operation(summary = "Certificato Family Audit Executive in PDF / Executive certificate as PDF",
            description = "Rilasciato dopo i tre anni di monitoraggio; 404 prima. / Issued after the three monitoring years; 404 before.")
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
