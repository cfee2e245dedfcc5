package it.familyaudit.workflow.certification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Certificazioni / Certifications", description = "I cicli di un'organizzazione: avvio, stato, cronologia, ritiro / An organisation's cycles")
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
    @Operation(summary = "Avvia il prossimo ciclo dell'organizzazione / Starts the organisation's next cycle",
            description = "Solo il referente interno; 409 se un ciclo è già in corso o il tipo non è ammesso. / Referent only; 409 if a cycle is running or the kind is not allowed.")
    @PostMapping
    ResponseEntity<CertificationView> start(@RequestBody(required = false) StartRequest request) {
        CertificationView started = certifications.start(users.current(),
                request == null ? CycleKind.CERTIFICATION : request.validKind());
        return ResponseEntity.created(URI.create("/api/certifications/" + started.id())).body(started);
    }

    @Operation(summary = "Le certificazioni visibili all'utente / The certifications the user sees",
            description = "Ente e consiglio vedono tutte; le organizzazioni le proprie; consulenti e valutatori quelle che li nominano. / Agency and council see all; organisations their own; professionals those naming them.")
    @GetMapping
    List<CertificationView> list() {
        return certifications.list(users.current());
    }

    @Operation(summary = "Una certificazione: fase, attività aperte, cronologia / One certification",
            description = "404 per chi non la vede. / 404 for those who may not see it.")
    @GetMapping("/{id}")
    CertificationView get(@PathVariable long id) {
        return certifications.get(users.current(), id);
    }

    /** The certification's audit trail, for whoever may see the certification. */
    @Operation(summary = "Registro di controllo della certificazione / The certification's audit trail",
            description = "Chi ha fatto cosa e quando. / Who did what, when.")
    @GetMapping("/{id}/audit")
    @Transactional(readOnly = true)
    List<AuditEvent> audit(@PathVariable long id) {
        return audit.ofCertification(certifications.visible(users.current(), id).id());
    }

    @Operation(summary = "Registro di controllo in CSV / The audit trail as CSV",
            description = "Le celle non sono mai formule. / No cell is ever a formula.")
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

    @Operation(summary = "Ritira l'organizzazione dal percorso / Withdraws the organisation",
            description = "Referente o direzione; la quota non è rimborsata. / Referent or management; fees are not refunded.")
    @PostMapping("/{id}/withdrawal")
    CertificationView withdraw(@PathVariable long id, @RequestBody WithdrawalRequest request) {
        return certifications.withdraw(users.current(), id, request == null ? null : request.reason());
    }
}
