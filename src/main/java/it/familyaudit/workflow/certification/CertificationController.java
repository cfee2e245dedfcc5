package it.familyaudit.workflow.certification;

import it.familyaudit.workflow.audit.AuditCsv;
import it.familyaudit.workflow.audit.AuditEvent;
import it.familyaudit.workflow.audit.AuditTrail;
import it.familyaudit.workflow.security.CurrentUsers;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/certifications")
class CertificationController {

    private final CertificationService certifications;
    private final CurrentUsers users;
    private final AuditTrail audit;

    CertificationController(CertificationService certifications, CurrentUsers users, AuditTrail audit) {
        this.certifications = certifications;
        this.users = users;
        this.audit = audit;
    }

    /** Starts the next cycle; the body is optional, e.g. {@code {"kind": "MAINTENANCE"}} (default CERTIFICATION). */
    @PostMapping
    ResponseEntity<CertificationView> start(@RequestBody(required = false) StartRequest request) {
        CertificationView started = certifications.start(users.current(),
                request == null ? CycleKind.CERTIFICATION : request.validKind());
        return ResponseEntity.created(URI.create("/api/certifications/" + started.id())).body(started);
    }

    @GetMapping
    List<CertificationView> list() {
        return certifications.list(users.current());
    }

    @GetMapping("/{id}")
    CertificationView get(@PathVariable long id) {
        return certifications.get(users.current(), id);
    }

    /** The certification's audit trail, for whoever may see the certification. */
    @GetMapping("/{id}/audit")
    @Transactional(readOnly = true)
    List<AuditEvent> audit(@PathVariable long id) {
        return audit.ofCertification(certifications.visible(users.current(), id).id());
    }

    @GetMapping("/{id}/audit.csv")
    @Transactional(readOnly = true)
    void auditCsv(@PathVariable long id, HttpServletResponse response) throws IOException {
        List<AuditEvent> events = audit(id);
        response.setContentType(AuditCsv.MEDIA_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-certificazione-" + id + ".csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        CSVPrinter csv = AuditCsv.open(out);
        AuditCsv.write(csv, events);
        csv.flush();
    }

    @PostMapping("/{id}/withdrawal")
    CertificationView withdraw(@PathVariable long id, @RequestBody WithdrawalRequest request) {
        return certifications.withdraw(users.current(), id, request.validReason());
    }
}
