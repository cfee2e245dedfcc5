package it.familyaudit.workflow.portal;

import static it.familyaudit.workflow.support.ApiDriver.approval;
import static it.familyaudit.workflow.support.ApiDriver.evaluation;
import static it.familyaudit.workflow.support.ApiDriver.plan;
import static org.assertj.core.api.Assertions.assertThat;

import it.familyaudit.workflow.support.ApiDriver;
import it.familyaudit.workflow.support.PortalTestBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The evaluator's report on a certification's page and as a PDF: for whoever sees the certification,
 * the evaluator by name, never a user id; for everyone else, nothing at all.
 */
class PortalEvaluationTest extends PortalTestBase {

    /** The demo evaluator's name (demo.DemoData). */
    private static final String EVALUATOR = "Luca Ferri";

    @Test
    void whoeverSeesTheCertificationReadsTheReportWithTheEvaluatorByName() throws Exception {
        long id = driver.runToCertificate();

        for (String who : List.of(driver.referent, "evaluator", "agency", "council")) {
            String page = html(who, "/certificazioni/" + id);
            assertThat(page).as(who).contains("id=\"valutazione\"", "Rapporto di valutazione", EVALUATOR,
                    "badge bg-success", ">positivo<", "Requisiti soddisfatti", "fa-text",
                    "Rapporto di valutazione (PDF)", "Rapporto di valutazione, visita del ");
            assertThat(reportIds(page, id)).as(who).hasSize(1);
        }
        String english = html(driver.referent, "/certificazioni/" + id + "?lang=en");
        assertThat(english).contains("Evaluation report", ">positive<", "Evaluation report (PDF)");
    }

    @Test
    void thePdfNamesTheOrganisationTheEvaluatorAndTheOutcomeInItalianAndNoUserId() throws Exception {
        long id = driver.runToCertificate();
        long report = reportIds(html(driver.referent, "/certificazioni/" + id), id).get(0);

        MockHttpServletResponse pdf = open(driver.referent, "/certificazioni/" + id + "/valutazione/" + report + ".pdf");

        assertThat(pdf.getStatus()).isEqualTo(200);
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(pdf.getHeader("Content-Disposition")).contains("valutazione-" + id + "-" + report + ".pdf");
        String text = text(pdf);
        assertThat(text).contains("Rapporto di valutazione Family Audit", "Comune di Prova", EVALUATOR, "positivo",
                "Requisiti soddisfatti", "Data della visita", "Consegnato il")
                .containsPattern("\\d{2}/\\d{2}/\\d{4}")
                .doesNotContain("evaluator", driver.referent, driver.manager, driver.workingGroup);
    }

    @Test
    void anotherOrganisationAndVisitorsSeeNothingAndAReportOfAnotherCertificationIsNotFound() throws Exception {
        long id = driver.runToCertificate();
        long report = reportIds(html("agency", "/certificazioni/" + id), id).get(0);
        ApiDriver other = new ApiDriver(mvc, json, identity, organizations, management);
        long another = other.start();
        String reportPdf = "/certificazioni/" + id + "/valutazione/" + report + ".pdf";

        assertThat(open(other.referent, "/certificazioni/" + id).getStatus()).isEqualTo(404);
        assertThat(open(other.referent, reportPdf).getStatus()).isEqualTo(404);
        // The consultant's access ends with the certificate, and the report's with it.
        assertThat(open("consultant", reportPdf).getStatus()).isEqualTo(404);
        MockHttpServletResponse visitor = open(null, reportPdf);
        assertThat(visitor.getStatus()).isEqualTo(302);
        assertThat(visitor.getRedirectedUrl()).endsWith("/accedi");
        assertThat(open(null, "/certificazioni/" + id).getStatus()).isEqualTo(302);

        // The agency sees both certifications: a report is found only under its own.
        MockHttpServletResponse elsewhere = open("agency", "/certificazioni/" + another + "/valutazione/" + report + ".pdf");
        assertThat(elsewhere.getStatus()).isEqualTo(404);
        assertThat(elsewhere.getContentAsString()).contains("Rapporto di valutazione non trovato");
        assertThat(open("agency", "/certificazioni/" + id + "/valutazione/987654321.pdf").getStatus()).isEqualTo(404);
        assertThat(open("agency", "/certificazioni/" + id + "/valutazione/abc.pdf").getStatus()).isEqualTo(404);
        // A cycle not yet evaluated has no section at all.
        assertThat(html(other.referent, "/certificazioni/" + another)).doesNotContain("id=\"valutazione\"");
    }

    @Test
    void anIntegrationRequestedShowsBeforeTheLaterReportWithItsRequestsLineByLine() throws Exception {
        long id = driver.runToPlanDrafting();
        driver.submitPlan();
        driver.completeOk(driver.manager, "ApprovePlanTask", approval());
        Map<String, Object> integration = new HashMap<>(evaluation("integration"));
        integration.put("integrationRequests", "Precisare i tempi delle azioni\nIndicare i costi");
        driver.completeOk("evaluator", "RecordEvaluationVisitTask", integration);
        driver.completeOk(driver.workingGroup, "DraftPlanTask", plan());
        driver.completeOk(driver.manager, "ApprovePlanTask", approval());
        driver.completeOk("evaluator", "RecordEvaluationVisitTask", evaluation("positive"));

        String page = html(driver.referent, "/certificazioni/" + id);
        List<Long> reports = reportIds(page, id);
        assertThat(reports).hasSize(2);
        String section = page.substring(page.indexOf("id=\"valutazione\""));
        assertThat(section.indexOf("integrazione richiesta")).isLessThan(section.indexOf(">positivo<"));
        assertThat(section).contains("badge bg-warning", "Integrazioni richieste",
                "Precisare i tempi delle azioni\nIndicare i costi");

        String first = text(open(driver.referent, "/certificazioni/" + id + "/valutazione/" + reports.get(0) + ".pdf"));
        assertThat(first).contains("integrazione richiesta", "Integrazioni richieste", "Precisare i tempi delle azioni",
                "Indicare i costi");
        String second = text(open(driver.referent, "/certificazioni/" + id + "/valutazione/" + reports.get(1) + ".pdf"));
        assertThat(second).contains("positivo").doesNotContain("Integrazioni richieste");
    }

    /** The ids of the report PDFs the page links to, in the order of the section (each is linked twice). */
    private static List<Long> reportIds(String page, long certificationId) {
        Matcher links = Pattern.compile("/certificazioni/" + certificationId + "/valutazione/(\\d+)\\.pdf").matcher(page);
        List<Long> ids = new ArrayList<>();
        while (links.find()) {
            long id = Long.parseLong(links.group(1));
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static String text(MockHttpServletResponse pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.getContentAsByteArray())) {
            return new PDFTextStripper().getText(document);
        }
    }
}
