package it.familyaudit.workflow.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import com.fasterxml.jackson.databind.JsonNode;
import it.familyaudit.workflow.support.ApiDriver;
import it.familyaudit.workflow.support.ApiTestBase;
import it.familyaudit.workflow.support.TestFiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Files attached to a certification through the API: real documents accepted and typed by their
 * content, anything else refused with nothing stored, versions instead of replacements, the same
 * visibility as the certification, the audit trail, and uploads of one series at the same moment.
 * The limit is small here ({@link TestFiles#SMALL_ATTACHMENT_LIMIT}); the servlet's own limit, which
 * only a real server applies, is {@code AttachmentUploadLimitTest}'s.
 */
@TestPropertySource(properties = TestFiles.SMALL_ATTACHMENT_LIMIT)
class AttachmentApiTest extends ApiTestBase {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aRealSpreadsheetAndARealPdfAreAcceptedAndTypedByTheirContentWithTheirHash() throws Exception {
        long id = driver.start();
        byte[] xlsx = TestFiles.xlsx();
        byte[] pdf = TestFiles.pdf("Verbale del workshop di avvio");

        MockHttpServletResponse sheet = upload(driver.referent, id, "APPLICATION_RESOLUTION", null, null,
                "delibera.xlsx", xlsx);
        assertThat(sheet.getStatus()).as(sheet.getContentAsString()).isEqualTo(201);
        JsonNode s = body(sheet);
        assertThat(s.path("mediaType").asText()).isEqualTo(TestFiles.XLSX);
        assertThat(s.path("sha256").asText()).isEqualTo(TestFiles.sha256(xlsx));
        assertThat(s.path("sizeBytes").asLong()).isEqualTo(xlsx.length);
        assertThat(s.path("fileName").asText()).isEqualTo("delibera.xlsx");
        assertThat(s.path("versionNo").asInt()).isEqualTo(1);
        assertThat(s.path("uploadedBy").asText()).isEqualTo(driver.referent);
        assertThat(s.has("content")).isFalse();
        assertThat(sheet.getHeader("Location")).isEqualTo("/api/certifications/" + id + "/attachments/" + s.path("id").asLong());

        JsonNode p = body(upload(driver.manager, id, "WORKSHOP_MINUTES", null, null, "verbale.pdf", pdf));
        assertThat(p.path("mediaType").asText()).isEqualTo("application/pdf");
        assertThat(p.path("sha256").asText()).isEqualTo(TestFiles.sha256(pdf));

        // The content decides, not the name: a workbook called .docx is a workbook, and named as one.
        JsonNode misnamed = body(upload(driver.referent, id, "OTHER", null, null, "tabella.docx", xlsx));
        assertThat(misnamed.path("mediaType").asText()).isEqualTo(TestFiles.XLSX);
        assertThat(misnamed.path("fileName").asText()).isEqualTo("tabella.xlsx");
        JsonNode document = body(upload(driver.referent, id, "OTHER", null, null, "relazione", TestFiles.docx()));
        assertThat(document.path("mediaType").asText()).isEqualTo(TestFiles.DOCX);
        assertThat(document.path("fileName").asText()).isEqualTo("relazione.docx");
        assertThat(body(upload(driver.referent, id, "OTHER", null, null, "foto.PNG", TestFiles.png()))
                .path("fileName").asText()).isEqualTo("foto.png");
        assertThat(body(upload(driver.referent, id, "OTHER", null, null, "testo.odt", TestFiles.odt()))
                .path("mediaType").asText()).isEqualTo("application/vnd.oasis.opendocument.text");

        JsonNode list = body(call(driver.workingGroup, "/api/certifications/" + id + "/attachments"));
        assertThat(list).hasSize(6);
        assertThat(list.get(0).path("kind").asText()).isEqualTo("APPLICATION_RESOLUTION");
    }

    @Test
    void aDownloadIsTheFileWithItsTypeSavedUnderItsNameAndNeverSniffed() throws Exception {
        long id = driver.start();
        byte[] xlsx = TestFiles.xlsx();
        long file = body(upload(driver.referent, id, "APPLICATION_RESOLUTION", null, null, "delibera giunta n. 12.xlsx",
                xlsx)).path("id").asLong();

        MockHttpServletResponse download = call("agency", "/api/certifications/" + id + "/attachments/" + file);

        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getContentType()).isEqualTo(TestFiles.XLSX);
        assertThat(download.getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"delibera giunta n. 12.xlsx\"");
        assertThat(download.getHeaders("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(download.getContentAsByteArray()).isEqualTo(xlsx);

        // A name beyond ASCII: a plain fallback and the exact name (RFC 6266), its control characters dropped.
        long accented = body(upload(driver.referent, id, "OTHER", null, null, "attività\u202Efdp.pdf",
                TestFiles.pdf("x"))).path("id").asLong();
        assertThat(call(driver.referent, "/api/certifications/" + id + "/attachments/" + accented)
                .getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"attivitafdp.pdf\"; filename*=UTF-8''attivit%C3%A0fdp.pdf");
    }

    @Test
    void aRenamedExecutableIsRefusedWhateverItsNameAndNothingIsStored() throws Exception {
        long id = driver.start();

        for (byte[] program : List.of(TestFiles.elf(), TestFiles.windowsExecutable())) {
            MockHttpServletResponse refused = upload(driver.referent, id, "APPLICATION_RESOLUTION", null, null,
                    "delibera.pdf", program);
            assertThat(refused.getStatus()).isEqualTo(400);
            assertThat(refused.getContentType()).isEqualTo(PROBLEM);
            assertThat(body(refused).path("detail").asText()).contains("non è di un tipo ammesso",
                    "not of an allowed type").containsAnyOf("application/x-elf", "application/x-msdownload");
        }
        // A ZIP archive is not a document because it is called one, nor is a macro-enabled workbook.
        MockHttpServletResponse zip = upload(driver.referent, id, "OTHER", null, null, "verbale.docx",
                TestFiles.zip(Map.of("verbale.txt", "testo")));
        assertThat(zip.getStatus()).isEqualTo(400);
        MockHttpServletResponse macros = upload(driver.referent, id, "OTHER", null, null, "presenze.xlsx",
                TestFiles.zip(orderedEntries("[Content_Types].xml", "<Types><Override ContentType=\""
                        + "application/vnd.ms-excel.sheet.macroEnabled.main+xml\" PartName=\"/xl/workbook.xml\"/>"
                        + "<Default ContentType=\"application/vnd.ms-office.vbaProject\" Extension=\"bin\"/></Types>",
                        "xl/vbaProject.bin", "macro")));
        assertThat(macros.getStatus()).isEqualTo(400);
        assertThat(body(macros).path("detail").asText()).contains("macro");
        assertThat(body(call(driver.referent, "/api/certifications/" + id + "/attachments"))).isEmpty();
    }

    @Test
    void anEmptyFileANameWithPathPartsOrNoFileAreRefused() throws Exception {
        long id = driver.start();

        MockHttpServletResponse empty = upload(driver.referent, id, "APPLICATION_RESOLUTION", null, null,
                "delibera.pdf", new byte[0]);
        assertThat(empty.getStatus()).isEqualTo(400);
        assertThat(body(empty).path("detail").asText()).isEqualTo("Il file è vuoto / The file is empty");

        for (String name : List.of("../../delibera.pdf", "C:\\Documenti\\delibera.pdf", "..")) {
            MockHttpServletResponse path = upload(driver.referent, id, "APPLICATION_RESOLUTION", null, null, name,
                    TestFiles.pdf("x"));
            assertThat(path.getStatus()).as(name).isEqualTo(400);
            assertThat(body(path).path("detail").asText()).contains("percorsi", "path parts");
        }

        MockHttpServletResponse none = mvc.perform(multipart("/api/certifications/" + id + "/attachments")
                .param("kind", "OTHER").with(httpBasic(driver.referent, ApiDriver.PASSWORD))).andReturn().getResponse();
        assertThat(none.getStatus()).isEqualTo(400);
        assertThat(body(none).path("detail").asText()).contains("Nessun file ricevuto");
        assertThat(body(call(driver.referent, "/api/certifications/" + id + "/attachments"))).isEmpty();
    }

    @Test
    void aFileOverTheLimitIsRefusedWith413AndNothingIsStoredOrAudited() throws Exception {
        long id = driver.start();
        byte[] large = Arrays.copyOf(TestFiles.pdf("grande"), TestFiles.SMALL_LIMIT_BYTES + 1);

        MockHttpServletResponse refused = upload(driver.referent, id, "APPLICATION_RESOLUTION", null, null,
                "delibera.pdf", large);

        assertThat(refused.getStatus()).isEqualTo(413);
        assertThat(refused.getContentType()).isEqualTo(PROBLEM);
        assertThat(body(refused).path("detail").asText())
                .isEqualTo("Il file supera il limite di 64 KB / The file is larger than the limit of 64 KB");
        assertThat(body(call(driver.referent, "/api/certifications/" + id + "/attachments"))).isEmpty();
        assertThat(actions(id)).doesNotContain("DOCUMENT_ATTACHED");

        byte[] justFits = Arrays.copyOf(TestFiles.pdf("al limite"), TestFiles.SMALL_LIMIT_BYTES);
        assertThat(upload(driver.referent, id, "APPLICATION_RESOLUTION", null, null, "delibera.pdf", justFits)
                .getStatus()).isEqualTo(201);
    }

    @Test
    void uploadingAgainMakesTheNextVersionAndTheEarlierOneStaysDownloadable() throws Exception {
        long id = driver.start();
        byte[] first = TestFiles.pdf("Prima stesura");
        byte[] second = TestFiles.pdf("Seconda stesura");

        JsonNode v1 = body(upload(driver.referent, id, "APPLICATION_RESOLUTION", null, null, "delibera.pdf", first));
        JsonNode v2 = body(upload(driver.manager, id, "APPLICATION_RESOLUTION", null, null, "delibera.pdf", second));
        // Another kind is a series of its own.
        JsonNode minutes = body(upload(driver.referent, id, "WORKSHOP_MINUTES", null, null, "verbale.pdf", first));

        assertThat(v1.path("versionNo").asInt()).isEqualTo(1);
        assertThat(v2.path("versionNo").asInt()).isEqualTo(2);
        assertThat(minutes.path("versionNo").asInt()).isEqualTo(1);
        JsonNode list = body(call(driver.referent, "/api/certifications/" + id + "/attachments"));
        assertThat(list).hasSize(3);
        // The latest first within its series.
        assertThat(list.get(0).path("versionNo").asInt()).isEqualTo(2);
        assertThat(list.get(1).path("versionNo").asInt()).isEqualTo(1);
        assertThat(call(driver.referent, "/api/certifications/" + id + "/attachments/" + v1.path("id").asLong())
                .getContentAsByteArray()).isEqualTo(first);
        assertThat(call(driver.referent, "/api/certifications/" + id + "/attachments/" + v2.path("id").asLong())
                .getContentAsByteArray()).isEqualTo(second);
    }

    @Test
    void theUploadIsInTheAuditTrailWithWhoWhatAndTheHash() throws Exception {
        long id = driver.start();
        byte[] pdf = TestFiles.pdf("Delibera");

        upload(driver.referent, id, "APPLICATION_RESOLUTION", null, null, "delibera.pdf", pdf);

        JsonNode trail = body(call(driver.referent, "/api/certifications/" + id + "/audit"));
        JsonNode event = null;
        for (JsonNode e : trail) {
            if (e.path("action").asText().equals("DOCUMENT_ATTACHED")) {
                event = e;
            }
        }
        assertThat(event).as("DOCUMENT_ATTACHED in %s", trail).isNotNull();
        assertThat(event.path("actor").asText()).isEqualTo(driver.referent);
        assertThat(event.path("subject").asText()).isEqualTo("delibera.pdf");
        assertThat(event.path("detail").asText()).contains("Delibera di adesione", "versione 1",
                TestFiles.sha256(pdf));
    }

    @Test
    void anotherOrganisationSeesNothingAndEachKindIsAttachedByItsRoles() throws Exception {
        long id = driver.runToCertificate();
        long file = body(upload(driver.referent, id, "APPLICATION_RESOLUTION", null, null, "delibera.pdf",
                TestFiles.pdf("x"))).path("id").asLong();
        ApiDriver other = new ApiDriver(mvc, json, identity, organizations, management);
        String files = "/api/certifications/" + id + "/attachments";

        // Another organisation, or a professional the certification does not assign: it does not exist for them.
        for (String stranger : List.of(other.referent, "evaluator2", "consultant2")) {
            assertThat(call(stranger, files).getStatus()).as(stranger).isEqualTo(404);
            assertThat(call(stranger, files + "/" + file).getStatus()).as(stranger).isEqualTo(404);
            assertThat(upload(stranger, id, "OTHER", null, null, "x.pdf", TestFiles.pdf("x")).getStatus())
                    .as(stranger).isEqualTo(404);
        }
        // A file of another certification is not found through this one.
        long others = other.start();
        assertThat(call(other.referent, "/api/certifications/" + others + "/attachments/" + file).getStatus())
                .isEqualTo(404);

        // Who attaches what: 403 with the reason for the others who see the certification.
        Map<String, Map<String, Integer>> expected = new LinkedHashMap<>();
        expected.put("EVALUATION_REPORT", Map.of("evaluator", 201, driver.manager, 403, "agency", 403));
        expected.put("COUNCIL_DECISION", Map.of("council", 201, "agency", 201, driver.referent, 403, "evaluator", 403));
        expected.put("WORKSHOP_MINUTES", Map.of(driver.workingGroup, 201, "council", 403, "evaluator", 403));
        expected.put("APPLICATION_RESOLUTION", Map.of(driver.manager, 201, "agency", 403));
        List<String> wrong = new ArrayList<>();
        for (var kind : expected.entrySet()) {
            for (var who : kind.getValue().entrySet()) {
                MockHttpServletResponse r = upload(who.getKey(), id, kind.getKey(), null, null, "documento.pdf",
                        TestFiles.pdf("x"));
                if (r.getStatus() != who.getValue()) {
                    wrong.add(kind.getKey() + " by " + who.getKey() + ": " + r.getStatus() + " " + r.getContentAsString());
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(body(upload(driver.manager, id, "EVALUATION_REPORT", null, null, "x.pdf", TestFiles.pdf("x")))
                .path("detail").asText()).contains("valutatore assegnato", "assigned evaluator");
    }

    @Test
    void evidenceNamesItsYearAndActionAndOtherKindsDoNot() throws Exception {
        long started = driver.start();
        // Before the certificate there are no monitoring years to show evidence for.
        assertThat(upload(driver.referent, started, "ACTION_EVIDENCE", "1", "1.1", "presenze.xlsx", TestFiles.xlsx())
                .getStatus()).isEqualTo(409);
        assertThat(upload(driver.referent, started, "APPLICATION_RESOLUTION", "1", null, "d.pdf", TestFiles.pdf("x"))
                .getStatus()).isEqualTo(400);
        assertThat(upload(driver.referent, started, "WORKSHOP_MINUTES", null, "1.1", "v.pdf", TestFiles.pdf("x"))
                .getStatus()).isEqualTo(400);
        assertThat(upload(driver.referent, started, "VERBALE", null, null, "v.pdf", TestFiles.pdf("x")).getStatus())
                .isEqualTo(400);

        ApiDriver certified = new ApiDriver(mvc, json, identity, organizations, management);
        long id = certified.runToCertificate();
        Map<String, String> bad = Map.of("0", "1.1", "11", "1.1", "primo", "1.1", "1", "uno", "2", "1..1");
        for (var b : bad.entrySet()) {
            MockHttpServletResponse r = upload(certified.referent, id, "ACTION_EVIDENCE", b.getKey(), b.getValue(),
                    "presenze.xlsx", TestFiles.xlsx());
            assertThat(r.getStatus()).as(b.toString()).isEqualTo(400);
        }
        assertThat(body(upload(certified.referent, id, "ACTION_EVIDENCE", null, "1.1", "p.xlsx", TestFiles.xlsx()))
                .path("detail").asText()).contains("anno");
        assertThat(body(upload(certified.referent, id, "ACTION_EVIDENCE", "1", " ", "p.xlsx", TestFiles.xlsx()))
                .path("detail").asText()).contains("codice dell'azione");

        JsonNode evidence = body(upload(certified.workingGroup, id, "ACTION_EVIDENCE", "1", "1.1", "presenze.xlsx",
                TestFiles.xlsx()));
        assertThat(evidence.path("roundNo").asInt()).isEqualTo(1);
        assertThat(evidence.path("actionCode").asText()).isEqualTo("1.1");
        assertThat(evidence.path("versionNo").asInt()).isEqualTo(1);
        // Each year and action is a series of its own; the same one again is its next version.
        assertThat(body(upload(certified.referent, id, "ACTION_EVIDENCE", "1", "2.1", "p.xlsx", TestFiles.xlsx()))
                .path("versionNo").asInt()).isEqualTo(1);
        assertThat(body(upload(certified.referent, id, "ACTION_EVIDENCE", "2", "1.1", "p.xlsx", TestFiles.xlsx()))
                .path("versionNo").asInt()).isEqualTo(1);
        assertThat(body(upload(certified.referent, id, "ACTION_EVIDENCE", "1", "1.1", "p.xlsx", TestFiles.xlsx()))
                .path("versionNo").asInt()).isEqualTo(2);
    }

    @Test
    void uploadsOfOneSeriesAtTheSameMomentGetOneVersionEachAndNeverFail() throws Exception {
        long id = driver.start();
        int atOnce = 3;
        ExecutorService senders = Executors.newFixedThreadPool(atOnce);
        try {
            for (int series = 1; series <= 5; series++) {
                String year = String.valueOf(series);
                CyclicBarrier together = new CyclicBarrier(atOnce);
                List<Future<MockHttpServletResponse>> sent = new ArrayList<>();
                for (int i = 0; i < atOnce; i++) {
                    byte[] pdf = TestFiles.pdf("Copia " + i);
                    sent.add(senders.submit(() -> {
                        together.await(30, TimeUnit.SECONDS);
                        return upload(driver.referent, id, "OTHER", year, null, "documento.pdf", pdf);
                    }));
                }
                List<Integer> versions = new ArrayList<>();
                for (Future<MockHttpServletResponse> f : sent) {
                    MockHttpServletResponse r = f.get(60, TimeUnit.SECONDS);
                    assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
                    versions.add(body(r).path("versionNo").asInt());
                }
                assertThat(versions).as("series of year %s", year).containsExactlyInAnyOrder(1, 2, 3);
            }
        } finally {
            senders.shutdownNow();
        }
    }

    private MockHttpServletResponse upload(String user, long certification, String kind, String roundNo,
                                           String actionCode, String fileName, byte[] content) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/certifications/" + certification
                + "/attachments");
        request.file(new MockMultipartFile("file", fileName, "application/octet-stream", content));
        request.param("kind", kind);
        if (roundNo != null) {
            request.param("roundNo", roundNo);
        }
        if (actionCode != null) {
            request.param("actionCode", actionCode);
        }
        return mvc.perform(request.with(httpBasic(user, ApiDriver.passwordOf(user)))).andReturn().getResponse();
    }

    private MockHttpServletResponse call(String user, String path) throws Exception {
        return mvc.perform(get(path).with(httpBasic(user, ApiDriver.passwordOf(user)))).andReturn().getResponse();
    }

    private JsonNode body(MockHttpServletResponse response) throws Exception {
        return json.readTree(response.getContentAsByteArray());
    }

    private List<String> actions(long certification) throws Exception {
        List<String> actions = new ArrayList<>();
        body(call(driver.referent, "/api/certifications/" + certification + "/audit"))
                .forEach(e -> actions.add(e.path("action").asText()));
        return actions;
    }

    private static Map<String, String> orderedEntries(String... nameThenContent) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < nameThenContent.length; i += 2) {
            entries.put(nameThenContent[i], nameThenContent[i + 1]);
        }
        return entries;
    }
}
