package it.familyaudit.workflow.evaluation;

import static it.familyaudit.workflow.document.PdfPages.BOLD;
import static it.familyaudit.workflow.document.PdfPages.ITALIC;
import static it.familyaudit.workflow.document.PdfPages.REGULAR;

import it.familyaudit.workflow.document.PdfPages;
import it.familyaudit.workflow.document.PdfText;
import it.familyaudit.workflow.engine.EngineTime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.GregorianCalendar;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * One evaluation report as a readable A4 document, in the plan's style: organisation, visit, evaluator (by name),
 * outcome and when it was delivered, then the findings, the report and any integration requested, in full. Drawn
 * from the stored report each time it is asked for.
 */
final class EvaluationReportPdf {

    /**
     * @param evaluatorName the evaluator's name, never their user id
     */
    record Input(String organizationName, long certificationId, EvaluationReport report, String evaluatorName) {
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private EvaluationReportPdf() {
    }

    static byte[] render(Input input) {
        EvaluationReport r = input.report();
        String visit = DATE.format(r.visitDate());
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(PdfText.printableLine(REGULAR, "Rapporto di valutazione Family Audit - "
                    + input.organizationName() + " - visita del " + visit));
            info.setSubject("Family Audit evaluation report");
            info.setCreator("Family Audit Workflow");
            info.setCreationDate(GregorianCalendar.from(r.submittedAt().atZone(EngineTime.ZONE)));
            try (PdfPages p = new PdfPages(document)) {
                p.text(BOLD, 18, "Rapporto di valutazione Family Audit", 0, 4);
                p.text(ITALIC, 10, "Family Audit evaluation report", 0, 10);
                p.text(REGULAR, 13, input.organizationName(), 0, 14);
                p.row("Certificazione", "n. " + input.certificationId());
                p.row("Data della visita", visit);
                p.row("Valutatore", input.evaluatorName());
                p.row("Esito", r.outcome().italian());
                p.row("Consegnato il", DATE_TIME.format(r.submittedAt().atZone(EngineTime.ZONE)));
                p.space(10);
                section(p, "Osservazioni emerse", r.findings());
                section(p, "Rapporto", r.reportText());
                if (r.integrationRequests() != null && !r.integrationRequests().isBlank()) {
                    section(p, "Integrazioni richieste", r.integrationRequests());
                }
            }
            PdfPages.footers(document, input.organizationName() + " - Rapporto di valutazione, visita del " + visit);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot draw evaluation report " + r.id(), e);
        }
    }

    /** A heading with its rule, as the plan's fields have, then the text with its own line breaks. */
    private static void section(PdfPages p, String heading, String text) throws IOException {
        p.keep(80);
        p.space(6);
        p.text(BOLD, 13, heading, 0, 2);
        p.rule();
        p.space(6);
        p.text(REGULAR, 10, text == null ? "-" : text, 0, 8);
    }
}
