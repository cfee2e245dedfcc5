package it.familyaudit.workflow.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.familyaudit.workflow.plan.PlanRefusals.PlanBodyNotJson;
import it.familyaudit.workflow.plan.PlanRefusals.PlanFileEmpty;
import it.familyaudit.workflow.plan.PlanRefusals.PlanFileTooLarge;
import it.familyaudit.workflow.plan.transfer.PlanFormat;
import it.familyaudit.workflow.plan.transfer.PlanImportException;
import it.familyaudit.workflow.plan.transfer.PlanXlsx;
import it.familyaudit.workflow.security.CurrentUsers;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The action plan of a certification: its versions, the draft, and revisions after the certificate. */
@Tag(name = "Piano delle azioni / Action plan", description = "Il piano in versioni: redazione, revisioni, importazione ed esportazione / The plan in versions")
@RestController
@RequestMapping("/api/certifications/{id}/plan")
class PlanController {

    /**
     * A plan at its largest (1,000 actions, every text at its limit) would be bigger, but real ones
     * have 20–40 actions: a few hundred kilobytes. The cap keeps one request from filling the memory.
     */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private final PlanService plans;
    private final CurrentUsers users;
    private final ObjectReader reader;

    PlanController(PlanService plans, CurrentUsers users, ObjectMapper json) {
        this.plans = plans;
        this.users = users;
        // Budgets and targets are exact decimals: read them as written, never through a double.
        this.reader = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    @Operation(summary = "Il piano corrente / The current plan",
            description = "La bozza in redazione, altrimenti l'ultima versione. / The draft being written, else the latest version.")
    @GetMapping
    PlanView current(@PathVariable long id) {
        return plans.current(users.current(), id);
    }

    @Operation(summary = "Le versioni del piano / The plan's versions")
    @GetMapping("/versions")
    List<PlanView.Version> versions(@PathVariable long id) {
        return plans.versions(users.current(), id);
    }

    @Operation(summary = "Una versione del piano / One plan version")
    @GetMapping("/versions/{no}")
    PlanView version(@PathVariable long id, @PathVariable int no) {
        return plans.version(users.current(), id, no);
    }

    /** Replaces the whole draft: {@code {"title", "fieldsMandatory", "fields": [...], "actions": [...]}}. */
    @Operation(summary = "Salva la bozza del piano / Saves the plan draft",
            description = "Durante la redazione o in una revisione aperta; i problemi delle regole tornano nella risposta. / While drafting or in an open revision; rule problems come back in the answer.")
    @PutMapping("/draft")
    PlanView saveDraft(@PathVariable long id, HttpServletRequest request) throws IOException {
        return plans.saveDraft(users.current(), id, body(request));
    }

    @Operation(summary = "Apre una revisione del piano approvato / Opens a revision of the approved plan",
            description = "Dopo il certificato; la bozza parte dalla versione in vigore. / After the certificate; the draft starts from the version in force.")
    @PostMapping("/revisions")
    ResponseEntity<PlanView> openRevision(@PathVariable long id) {
        PlanView opened = plans.openRevision(users.current(), id);
        return ResponseEntity.created(URI.create("/api/certifications/" + id + "/plan/versions/"
                + opened.version().versionNo())).body(opened);
    }

    /** {@code {"changeNote": "…", "summary": "…"}}: the open revision goes to management. */
    @Operation(summary = "Presenta la revisione alla direzione / Submits the revision to management")
    @PostMapping("/revisions/submit")
    PlanView submitRevision(@PathVariable long id, @RequestBody(required = false) PlanRequests.Submission body) {
        return plans.submitRevision(users.current(), id, body);
    }

    /** {@code {"decision": "approve", "signatoryName", "signatoryRole"}} or {@code {"decision": "reject", "note"}}. */
    @Operation(summary = "La direzione decide una revisione / Management decides a revision",
            description = "Approva e firma, oppure respinge. / Approve and sign, or reject.")
    @PostMapping("/versions/{no}/decision")
    PlanView decide(@PathVariable long id, @PathVariable int no,
                    @RequestBody(required = false) PlanRequests.Decision body) {
        return plans.decide(users.current(), id, no, body);
    }

    /**
     * Replaces the draft with a spreadsheet sent as the body: {@code Content-Type: text/csv} (UTF-8, {@code ;}
     * or {@code ,}) or the .xlsx type. All or nothing; a refusal lists every bad row and column.
     */
    @Operation(summary = "Importa la bozza da CSV o .xlsx / Imports the draft from CSV or .xlsx",
            description = "Tutto o niente: ogni errore con riga e colonna. / All or nothing: every error with its row and column.")
    @PostMapping("/import")
    PlanView importDraft(@PathVariable long id, HttpServletRequest request) throws IOException {
        PlanFormat format = PlanFormat.of(contentType(request)).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Inviare il piano come CSV (text/csv) o .xlsx ("
                + PlanXlsx.MEDIA_TYPE + ") / Send the plan as CSV or .xlsx"));
        byte[] file = bytes(request);
        if (file.length == 0) {
            throw new PlanFileEmpty();
        }
        return plans.importDraft(users.current(), id, format, file);
    }

    @Operation(summary = "Una versione in CSV / A version as CSV")
    @GetMapping("/versions/{no}/export.csv")
    ResponseEntity<byte[]> exportCsv(@PathVariable long id, @PathVariable int no) {
        return file(plans.export(users.current(), id, no, PlanFormat.CSV), PlanFormat.CSV.mediaType, id, no, "csv");
    }

    @Operation(summary = "Una versione in .xlsx / A version as .xlsx")
    @GetMapping("/versions/{no}/export.xlsx")
    ResponseEntity<byte[]> exportXlsx(@PathVariable long id, @PathVariable int no) {
        return file(plans.export(users.current(), id, no, PlanFormat.XLSX), PlanFormat.XLSX.mediaType, id, no, "xlsx");
    }

    @Operation(summary = "Una versione in PDF / A version as PDF")
    @GetMapping("/versions/{no}/plan.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @PathVariable int no) {
        return file(plans.pdf(users.current(), id, no), MediaType.APPLICATION_PDF, id, no, "pdf");
    }

    /** A refused import: 400 with every bad row and column, as the user sees them in the spreadsheet. */
    @ExceptionHandler(PlanImportException.class)
    ResponseEntity<ProblemDetail> refused(PlanImportException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setTitle("File del piano non valido");
        p.setProperty("errors", e.errors());
        return ResponseEntity.badRequest().body(p);
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, long id, int no, String extension) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("piano-" + id + "-v" + no + "." + extension).build().toString())
                .body(body);
    }

    private static MediaType contentType(HttpServletRequest request) {
        try {
            return request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        } catch (InvalidMediaTypeException e) {
            return null;
        }
    }

    /** The body as JSON, refused beyond {@link #MAX_BODY_BYTES}; {@code null} when there is none. */
    private JsonNode body(HttpServletRequest request) throws IOException {
        byte[] bytes = bytes(request);
        if (bytes.length == 0) {
            return null;
        }
        try {
            return reader.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new PlanBodyNotJson();
        }
    }

    /** The body, refused beyond {@link #MAX_BODY_BYTES} before more of it is read. */
    private static byte[] bytes(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        return bytes;
    }

    private static PlanFileTooLarge tooLarge() {
        return new PlanFileTooLarge(MAX_BODY_BYTES / 1024 / 1024);
    }
}
