package it.familyaudit.workflow.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.familyaudit.workflow.plan.transfer.PlanXlsx;
import it.familyaudit.workflow.support.ApiDriver;
import it.familyaudit.workflow.support.ApiTestBase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/** The plan as a spreadsheet through the API: import into the draft, export of any version, the PDF. */
class PlanTransferApiTest extends ApiTestBase {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    private static final MediaType XLSX = MediaType.parseMediaType(PlanXlsx.MEDIA_TYPE);

    @Test
    void anImportedSpreadsheetBecomesTheDraftAsTheJsonEditorWouldHaveSavedIt() throws Exception {
        long id = driver.runToPlanDrafting();

        MvcResult imported = driver.upload(driver.workingGroup, importUrl(id), CSV,
                ApiDriver.smallPlanCsv().getBytes(StandardCharsets.UTF_8));

        assertThat(imported.getResponse().getStatus()).isEqualTo(200);
        JsonNode fromFile = driver.ok(driver.workingGroup, "GET", planUrl(id), null);
        ApiDriver other = anotherOrganisation();
        JsonNode fromJson = other.draftPlan(other.runToPlanDrafting());
        assertThat(fromFile.path("title").asText()).isEqualTo("Piano Family Audit");
        assertThat(fromFile.path("fields")).isEqualTo(fromJson.path("fields"));
        assertThat(fromFile.path("actions")).isEqualTo(fromJson.path("actions"));
        assertThat(fromFile.path("problems")).isEmpty();
    }

    @Test
    void aBrokenSpreadsheetIsRefusedWithEveryBadRowAndColumnAndTheDraftStaysAsItWas() throws Exception {
        long id = driver.runToPlanDrafting();
        driver.draftPlan(id);
        String broken = """
                Codice campo;Campo di indagine;Codice azione;Titolo;Anni del piano;Budget (euro);Indicatore;Target anno 1
                1;Organizzazione del lavoro;;;;;;
                1;;1.1;;4;mille;Corsi;
                9;;9.1;Azione senza campo;1;;Corsi;2
                1;;1.1;Doppione;1;;Corsi;3
                """;

        MvcResult refused = driver.upload(driver.workingGroup, importUrl(id), CSV,
                broken.getBytes(StandardCharsets.UTF_8));

        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        JsonNode errors = json.readTree(refused.getResponse().getContentAsByteArray()).path("errors");
        assertThat(errors.size()).isGreaterThanOrEqualTo(4);
        assertThat(rows(errors)).contains(3, 4, 5);
        errors.forEach(e -> assertThat(e.path("message").asText()).isNotBlank());
        JsonNode unchanged = driver.ok(driver.workingGroup, "GET", planUrl(id), null);
        assertThat(unchanged.path("actions")).hasSize(2);
        assertThat(unchanged.path("actions").get(0).path("title").asText()).isEqualTo("Ripensare la flessibilità");
    }

    @Test
    void aRuleOfThePlanBrokenInTheFileIsPlacedOnItsRow() throws Exception {
        long id = driver.runToPlanDrafting();
        String targetOutsideItsYears = """
                Codice campo;Campo di indagine;Codice azione;Titolo;Anni del piano;Indicatore;Target anno 3
                1;Organizzazione del lavoro;;;;;
                1;;1.1;Ripensare la flessibilità;1;Corsi;5
                """;

        MvcResult refused = driver.upload(driver.workingGroup, importUrl(id), CSV,
                targetOutsideItsYears.getBytes(StandardCharsets.UTF_8));

        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        JsonNode errors = json.readTree(refused.getResponse().getContentAsByteArray()).path("errors");
        assertThat(rows(errors)).containsExactly(3);
        assertThat(errors.get(0).path("column").asText()).isEqualTo("Target anno 3");
    }

    @Test
    void aFieldsOwnBudgetAndAnIndicatorsMeasurementYearsComeInFromTheFile() throws Exception {
        long id = driver.runToPlanDrafting();
        String file = """
                Codice campo;Campo di indagine;Codice azione;Titolo;Anni del piano;Budget (euro);Linea di finanziamento;Indicatore;Target anno 3;Anni di misura
                1;Organizzazione del lavoro;;;;25.000,00;PIAO 2026-2028;;;
                1;;1.1;Ripensare la flessibilità;1-3;;;Indagine sul benessere;80;3
                """;

        MvcResult imported = driver.upload(driver.workingGroup, importUrl(id), CSV, file.getBytes(StandardCharsets.UTF_8));

        assertThat(imported.getResponse().getStatus()).as(imported.getResponse().getContentAsString()).isEqualTo(200);
        JsonNode draft = driver.ok(driver.workingGroup, "GET", planUrl(id), null);
        assertThat(draft.path("fields").get(0).path("budget").decimalValue()).isEqualByComparingTo("25000");
        assertThat(draft.path("fields").get(0).path("fundingLine").asText()).isEqualTo("PIAO 2026-2028");
        JsonNode years = draft.path("actions").get(0).path("indicators").get(0).path("years");
        assertThat(years).hasSize(1);
        assertThat(years.get(0).asInt()).isEqualTo(3);
    }

    @Test
    void theRulesOnAFieldsBudgetAndAnIndicatorsYearsArePlacedOnTheirRowAndColumn() throws Exception {
        long id = driver.runToPlanDrafting();
        String file = """
                Codice campo;Campo di indagine;Codice azione;Titolo;Anni del piano;Budget (euro);Linea di finanziamento;Indicatore;Target anno 1;Anni di misura
                1;Organizzazione del lavoro;;;;25000;;;;
                1;;1.1;Ripensare la flessibilità;1,2;;;Corsi;;3
                1;;1.1;;;;;Gradimento;4;2
                """;

        MvcResult refused = driver.upload(driver.workingGroup, importUrl(id), CSV, file.getBytes(StandardCharsets.UTF_8));

        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        List<String> placed = new ArrayList<>();
        json.readTree(refused.getResponse().getContentAsByteArray()).path("errors")
                .forEach(e -> placed.add(e.path("row").asInt() + " " + e.path("column").asText()));
        assertThat(placed).containsExactly("2 Linea di finanziamento", "3 Anni di misura", "4 Target anno 1");
    }

    @Test
    void eachExportedVersionImportsBackAsTheSamePlanInBothFormats() throws Exception {
        long id = driver.runToCertificate();
        JsonNode approved = driver.ok("agency", "GET", planUrl(id) + "/versions/1", null);
        ApiDriver other = anotherOrganisation();
        long drafting = other.runToPlanDrafting();

        for (MediaType type : List.of(CSV, XLSX)) {
            String extension = type.equals(CSV) ? "csv" : "xlsx";
            MvcResult exported = driver.call("agency", "GET", planUrl(id) + "/versions/1/export." + extension, null);
            assertThat(exported.getResponse().getStatus()).isEqualTo(200);
            assertThat(MediaType.parseMediaType(exported.getResponse().getContentType()).isCompatibleWith(type)).isTrue();
            assertThat(exported.getResponse().getHeader("Content-Disposition")).contains("piano-" + id + "-v1." + extension);

            MvcResult imported = other.upload(other.workingGroup, importUrl(drafting), type,
                    exported.getResponse().getContentAsByteArray());
            assertThat(imported.getResponse().getStatus()).as(imported.getResponse().getContentAsString()).isEqualTo(200);
            JsonNode again = other.ok(other.workingGroup, "GET", planUrl(drafting), null);
            assertThat(again.path("title")).isEqualTo(approved.path("title"));
            assertThat(again.path("fields")).isEqualTo(approved.path("fields"));
            assertThat(again.path("actions")).isEqualTo(approved.path("actions"));
        }
    }

    @Test
    void theApprovedPlanReadsAsADocumentWithItsApprovalAndEveryAction() throws Exception {
        long id = driver.runToCertificate();

        MvcResult pdf = driver.call("council", "GET", planUrl(id) + "/versions/1/plan.pdf", null);

        assertThat(pdf.getResponse().getStatus()).isEqualTo(200);
        assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("1.1").contains("Ripensare la flessibilit").contains("2.1").contains("Marco Rossi");
        }
    }

    @Test
    void anUploadThatIsNotASpreadsheetOrIsEmptyGetsAClearAnswer() throws Exception {
        long id = driver.runToPlanDrafting();

        assertThat(driver.upload(driver.workingGroup, importUrl(id), MediaType.APPLICATION_PDF, new byte[] {1, 2})
                .getResponse().getStatus()).isEqualTo(415);
        assertThat(driver.upload(driver.workingGroup, importUrl(id), CSV, new byte[0])
                .getResponse().getStatus()).isEqualTo(400);
        MvcResult garbage = driver.upload(driver.workingGroup, importUrl(id), XLSX, "not a workbook".getBytes());
        assertThat(garbage.getResponse().getStatus()).isEqualTo(400);
        assertThat(json.readTree(garbage.getResponse().getContentAsByteArray()).path("errors")).isNotEmpty();
        MvcResult latin1 = driver.upload(driver.workingGroup, importUrl(id), CSV,
                ApiDriver.smallPlanCsv().getBytes(StandardCharsets.ISO_8859_1));
        assertThat(latin1.getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void tenMegabytesOfGarbageAreRefusedWithAReasonAndStoreNothing() throws Exception {
        long id = driver.runToPlanDrafting();
        driver.draftPlan(id);
        byte[] garbage = new byte[PlanController.MAX_BODY_BYTES];
        new Random(10).nextBytes(garbage);

        for (MediaType type : List.of(CSV, XLSX)) {
            MvcResult refused = driver.upload(driver.workingGroup, importUrl(id), type, garbage);
            assertThat(refused.getResponse().getStatus()).as(type.toString()).isEqualTo(400);
            JsonNode errors = json.readTree(refused.getResponse().getContentAsByteArray()).path("errors");
            assertThat(errors).isNotEmpty();
            assertThat(errors.get(0).has("row")).isTrue();
        }
        MvcResult tooLarge = driver.upload(driver.workingGroup, importUrl(id), CSV, new byte[garbage.length + 1]);
        assertThat(tooLarge.getResponse().getStatus()).isEqualTo(413);
        assertThat(driver.ok(driver.workingGroup, "GET", planUrl(id), null).path("actions")).hasSize(2);
    }

    @Test
    void theFileCannotReplaceAPlanThatIsNoLongerBeingDrafted() throws Exception {
        long id = driver.runToPlanDrafting();
        driver.submitPlan();

        MvcResult late = driver.upload(driver.workingGroup, importUrl(id), CSV,
                ApiDriver.smallPlanCsv().getBytes(StandardCharsets.UTF_8));

        assertThat(late.getResponse().getStatus()).isEqualTo(409);
    }

    private ApiDriver anotherOrganisation() {
        return new ApiDriver(mvc, json, identity, organizations, management);
    }

    private static List<Integer> rows(JsonNode errors) {
        List<Integer> rows = new ArrayList<>();
        errors.forEach(e -> rows.add(e.path("row").asInt()));
        return rows;
    }

    private static String planUrl(long id) {
        return "/api/certifications/" + id + "/plan";
    }

    private static String importUrl(long id) {
        return planUrl(id) + "/import";
    }
}
