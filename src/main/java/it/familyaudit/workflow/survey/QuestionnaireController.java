package it.familyaudit.workflow.survey;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.familyaudit.workflow.security.CurrentUsers;
import it.familyaudit.workflow.survey.results.Finding;
import it.familyaudit.workflow.survey.results.QuestionnaireResults;
import it.familyaudit.workflow.survey.results.ResultsCsv;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The questionnaire of a certification: follow it, issue its codes, close it, read its results. */
@Tag(name = "Questionario / Questionnaire", description = "Il questionario anonimo dei bisogni dei dipendenti / The employees' anonymous needs questionnaire")
@RestController
@RequestMapping("/api/certifications/{id}/questionnaire")
class QuestionnaireController {

    /** Body of the invitations call; {@code replace} re-issues every code while none has been used. */
    record InvitationRequest(Boolean replace) {
    }

    private final QuestionnaireService questionnaires;
    private final CurrentUsers users;

    QuestionnaireController(QuestionnaireService questionnaires, CurrentUsers users) {
        this.questionnaires = questionnaires;
        this.users = users;
    }

    /** Dates, invitation mode, public address and answers so far (day by day). */
    @Operation(summary = "La campagna del questionario / The questionnaire campaign",
            description = "Stato, date, tasso di risposta e indirizzo pubblico. / Status, dates, response rate and public address.")
    @GetMapping
    CampaignView campaign(@PathVariable long id, HttpServletRequest request) {
        return questionnaires.view(users.current(), id, base(request));
    }

    /** The codes, once: a ZIP with a CSV for mail merge and a PDF of slips. Only hashes are kept. */
    @Operation(summary = "Genera i codici di invito (ZIP) / Issues the invitation codes (ZIP)",
            description = "Una sola volta: si conservano solo le impronte. / Once only: just their hashes are kept.")
    @PostMapping("/invitations")
    ResponseEntity<byte[]> invitations(@PathVariable long id, @RequestBody(required = false) InvitationRequest body,
                                       HttpServletRequest request) {
        boolean replace = body != null && Boolean.TRUE.equals(body.replace());
        byte[] zip = questionnaires.issueInvitations(users.current(), id, replace, base(request));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("codici-questionario-" + id + ".zip").build().toString())
                .body(zip);
    }

    /** The referent closes the campaign before its closing date. */
    @Operation(summary = "Chiude il questionario in anticipo / Closes the questionnaire early",
            description = "Solo il referente interno. / Internal referent only.")
    @PostMapping("/closure")
    CampaignView close(@PathVariable long id, HttpServletRequest request) {
        return questionnaires.closeEarly(users.current(), id, base(request));
    }

    @Operation(summary = "I risultati, dopo la chiusura / The results, once closed",
            description = "Le celle con poche risposte sono soppresse. / Cells with few answers are suppressed.")
    @GetMapping("/results")
    QuestionnaireResults results(@PathVariable long id) {
        return questionnaires.results(users.current(), id);
    }

    @Operation(summary = "I risultati in CSV / The results as CSV")
    @GetMapping("/results.csv")
    void resultsCsv(@PathVariable long id, HttpServletResponse response) throws IOException {
        QuestionnaireResults results = questionnaires.results(users.current(), id);
        response.setContentType(ResultsCsv.MEDIA_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"risultati-questionario-" + id + ".csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        ResultsCsv.write(out, results);
        out.flush();
    }

    /** The main needs, each with the code a plan action cites. */
    @Operation(summary = "I bisogni principali, per il piano / The main needs, for the plan")
    @GetMapping("/findings")
    List<Finding> findings(@PathVariable long id) {
        return questionnaires.findings(users.current(), id);
    }

    private static String base(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString();
    }
}
