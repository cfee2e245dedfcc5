package it.familyaudit.workflow.certificate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.familyaudit.workflow.security.CurrentUsers;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@Tag(name = "Certificati / Certificates", description = "Il certificato Family Audit e l'Executive in PDF / The certificates as PDF")
@RestController
class CertificateController {

    private final CertificateDocuments documents;
    private final CurrentUsers users;

    CertificateController(CertificateDocuments documents, CurrentUsers users) {
        this.documents = documents;
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
        CertificateDocuments.Pdf pdf = documents.pdf(users.current(), id, kind,
                ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(pdf.fileName()).build().toString())
                .body(pdf.content());
    }
}
