package it.familyaudit.workflow.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import it.familyaudit.workflow.attachment.AttachmentKind;
import it.familyaudit.workflow.support.ApiDriver;
import it.familyaudit.workflow.support.PortalTestBase;
import it.familyaudit.workflow.support.TestFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The attachments on the certification page: the list with the uploader's name, the upload form
 * (multipart, with its CSRF token, accessible), its answers — back to the section with what was
 * attached, or the portal's error page — and the downloads. The same small limit as the API's test,
 * so both share one application.
 */
@TestPropertySource(properties = TestFiles.SMALL_ATTACHMENT_LIMIT)
class PortalAttachmentTest extends PortalTestBase {

    @Test
    void anUploadWithTheFormsTokenGoesBackToTheSectionWhichListsItByTheUploadersName() throws Exception {
        long id = driver.start();
        rename(driver.referent, "Giulia", "Bianchi");
        byte[] pdf = TestFiles.pdf("Delibera della giunta");

        MvcResult sent = mvc.perform(multipart("/certificazioni/" + id + "/allegati")
                .file(new MockMultipartFile("file", "delibera giunta.pdf", "application/pdf", pdf))
                .param("tipo", "APPLICATION_RESOLUTION").param("anno", "").param("azione", "")
                .with(user(driver.referent)).with(csrf())).andReturn();

        assertThat(sent.getResponse().getStatus()).as(sent.getResponse().getContentAsString()).isEqualTo(302);
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/certificazioni/" + id + "#allegati");
        String page = mvc.perform(get("/certificazioni/" + id).with(user(driver.manager))
                .flashAttrs(sent.getFlashMap())).andReturn().getResponse().getContentAsString();
        String section = section(page);
        assertThat(section).contains("«delibera giunta.pdf» è stato allegato come versione 1.",
                "Delibera di adesione", "delibera giunta.pdf", "Giulia Bianchi", "/certificazioni/" + id + "/allegati/")
                .doesNotContain(driver.referent);
        assertThat(section).containsPattern("<td class=\"fa-nowrap\">\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}</td>")
                .containsPattern("<td class=\"fa-nowrap\">\\d+ (byte|KB)</td>");
        // The section comes just before the timeline.
        assertThat(page.indexOf("id=\"allegati\"")).isLessThan(page.indexOf("Cronologia")).isPositive();

        String link = section.replaceAll("(?s).*href=\"(/certificazioni/" + id + "/allegati/\\d+)\".*", "$1");
        MockHttpServletResponse download = mvc.perform(get(link).with(user("agency"))).andReturn().getResponse();
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getContentType()).isEqualTo("application/pdf");
        assertThat(download.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"delibera giunta.pdf\"");
        assertThat(download.getContentAsByteArray()).isEqualTo(pdf);
        ApiDriver other = new ApiDriver(mvc, json, identity, organizations, management);
        assertThat(mvc.perform(get(link).with(user(other.referent))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void anUploadWithoutTheFormsTokenIsRefusedAndStoresNothing() throws Exception {
        long id = driver.start();

        MockHttpServletResponse forged = mvc.perform(multipart("/certificazioni/" + id + "/allegati")
                .file(new MockMultipartFile("file", "delibera.pdf", "application/pdf", TestFiles.pdf("x")))
                .param("tipo", "APPLICATION_RESOLUTION").with(user(driver.referent))).andReturn().getResponse();

        assertThat(forged.getStatus()).isEqualTo(403);
        assertThat(section(html(driver.referent, "/certificazioni/" + id))).contains("Nessun documento allegato.");
    }

    @Test
    void theFormIsAccessibleOffersTheReadersOwnKindsAndCarriesItsTokenInItsAddressToo() throws Exception {
        long id = driver.runToPlanDrafting();

        String form = section(html(driver.referent, "/certificazioni/" + id));
        assertThat(form).contains("enctype=\"multipart/form-data\"", "method=\"post\"", "name=\"_csrf\"",
                "<fieldset>", "<legend", "<label for=\"allegato-file\"", "aria-describedby=\"allegato-file-aiuto\"",
                "id=\"allegato-file-aiuto\"", "al massimo 64 KB", "accept=\".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.odt,.ods\"",
                "<label for=\"allegato-tipo\"", "value=\"APPLICATION_RESOLUTION\"", "value=\"WORKSHOP_MINUTES\"")
                .containsPattern("action=\"/certificazioni/" + id + "/allegati\\?_csrf=[^\"]+\"")
                // Evidence of actions comes with the monitoring years, after the certificate.
                .doesNotContain("value=\"EVALUATION_REPORT\"", "value=\"COUNCIL_DECISION\"", "value=\"ACTION_EVIDENCE\"");
        assertThat(section(html("evaluator", "/certificazioni/" + id))).contains("value=\"EVALUATION_REPORT\"")
                .doesNotContain("value=\"APPLICATION_RESOLUTION\"");
        assertThat(section(html("council", "/certificazioni/" + id))).contains("value=\"COUNCIL_DECISION\"",
                "value=\"OTHER\"").doesNotContain("value=\"WORKSHOP_MINUTES\"");
        assertThat(section(html(driver.referent, "/certificazioni/" + id + "?lang=en")))
                .contains("Attachments", "Attach a document", "at most 64 KB", "checked on the file&#39;s content");
    }

    @Test
    void aRefusedUploadGetsThePortalsErrorPageWithTheReason() throws Exception {
        long id = driver.start();

        MockHttpServletResponse program = send(id, "EVALUATION_REPORT", "rapporto.pdf", TestFiles.pdf("x"));
        assertThat(program.getStatus()).isEqualTo(403);
        assertThat(program.getContentAsString()).contains("lo allega il valutatore assegnato");

        MockHttpServletResponse elf = send(id, "APPLICATION_RESOLUTION", "delibera.pdf", TestFiles.elf());
        assertThat(elf.getStatus()).isEqualTo(400);
        assertThat(elf.getContentAsString()).contains("<html lang=\"it\"", "non è di un tipo ammesso", "application/x-elf")
                .doesNotContain("Exception");

        MockHttpServletResponse large = send(id, "APPLICATION_RESOLUTION", "delibera.pdf",
                Arrays.copyOf(TestFiles.pdf("x"), TestFiles.SMALL_LIMIT_BYTES + 1));
        assertThat(large.getStatus()).isEqualTo(413);
        assertThat(large.getContentAsString()).contains("File troppo grande", "supera il limite di 64 KB");
        assertThat(section(html(driver.referent, "/certificazioni/" + id))).contains("Nessun documento allegato.");
    }

    @Test
    void sizesReadAsInTheReadersLanguage() {
        Figures figures = new Figures();
        assertThat(figures.size(850, Locale.ITALIAN)).isEqualTo("850 byte");
        assertThat(figures.size(40_000, Locale.ITALIAN)).isEqualTo("39 KB");
        assertThat(figures.size(1_572_864, Locale.ITALIAN)).isEqualTo("1,5 MB");
        assertThat(figures.size(1_572_864, Locale.ENGLISH)).isEqualTo("1.5 MB");
    }

    @Test
    void everyKindOfAttachmentHasItsWordsInBothLanguages() {
        Properties italian = load("messages.properties");
        Properties english = load("messages_en.properties");
        for (AttachmentKind kind : AttachmentKind.values()) {
            assertThat(italian.getProperty("attachment.kind." + kind.name())).isEqualTo(kind.italian());
            assertThat(english.getProperty("attachment.kind." + kind.name())).isEqualTo(kind.english());
        }
    }

    private MockHttpServletResponse send(long id, String kind, String name, byte[] content) throws Exception {
        return mvc.perform(multipart("/certificazioni/" + id + "/allegati")
                .file(new MockMultipartFile("file", name, "application/octet-stream", content)).param("tipo", kind)
                .with(user(driver.referent)).with(csrf())).andReturn().getResponse();
    }

    /** The attachments section of a certification page. */
    private static String section(String page) {
        int start = page.indexOf("<section id=\"allegati\"");
        assertThat(start).as("the page has its attachments section").isPositive();
        return page.substring(start, page.indexOf("</section>", start));
    }

    private void rename(String userId, String first, String last) {
        User u = identity.createUserQuery().userId(userId).singleResult();
        u.setFirstName(first);
        u.setLastName(last);
        identity.saveUser(u);
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (InputStream in = PortalAttachmentTest.class.getResourceAsStream("/" + name);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(name, e);
        }
        return properties;
    }
}
