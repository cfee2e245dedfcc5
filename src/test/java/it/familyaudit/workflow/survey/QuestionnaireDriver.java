package it.familyaudit.workflow.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import it.familyaudit.workflow.support.ApiDriver;
import it.familyaudit.workflow.survey.invitations.InvitationSheet;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Takes a certification of an {@link ApiDriver}'s organisation to its questionnaire, and plays
 * employees on the public page: each {@link Browser} keeps its own cookies, as a browser would.
 */
final class QuestionnaireDriver {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    final ApiDriver api;
    private final MockMvc mvc;
    long certification;
    String token;

    QuestionnaireDriver(ApiDriver api, MockMvc mvc) {
        this.api = api;
        this.mvc = mvc;
    }

    /** Application to the working group: the referent's OpenQuestionnaireCampaignTask is open. */
    QuestionnaireDriver toQuestionnaire() throws Exception {
        certification = api.start();
        api.completeOk(api.referent, "SubmitApplicationTask", ApiDriver.application(120));
        api.completeOk("agency", "RecordPaymentTask", ApiDriver.payment(1000));
        api.completeOk("agency", "AssignProfessionalsTask", ApiDriver.professionals("consultant", "evaluator"));
        api.completeOk("consultant", "RecordKickoffWorkshopTask", ApiDriver.kickoff(LocalDate.parse(ApiDriver.today())));
        api.completeOk(api.manager, "FormWorkingGroupTask", ApiDriver.workingGroup());
        return this;
    }

    /** Opens the campaign from today for two weeks; mode "codes" or "link". */
    QuestionnaireDriver open(String mode, int employees) throws Exception {
        api.completeOk(api.referent, "OpenQuestionnaireCampaignTask", Map.of("opensOn", ApiDriver.today(),
                "closesOn", LocalDate.parse(ApiDriver.today()).plusDays(14).toString(), "employeesInvited", employees,
                "invitationMode", mode));
        String url = campaign().path("publicUrl").asText();
        token = url.substring(url.lastIndexOf('/') + 1);
        return this;
    }

    JsonNode campaign() throws Exception {
        return api.ok(api.referent, "GET", path(""), null);
    }

    String path(String rest) {
        return "/api/certifications/" + certification + "/questionnaire" + rest;
    }

    /** The referent's one download: the codes, read back from the ZIP's CSV. */
    List<String> issueCodes() throws Exception {
        MvcResult result = api.call(api.referent, "POST", path("/invitations"), null);
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        return codesIn(result.getResponse().getContentAsByteArray());
    }

    static List<String> codesIn(byte[] zip) throws Exception {
        String csv = new String(entry(zip, InvitationSheet.CSV_NAME), StandardCharsets.UTF_8);
        List<String> codes = new ArrayList<>();
        for (String line : csv.split("\r\n")) {
            String[] cells = line.split(";");
            if (cells.length > 1 && cells[0].matches("\\d+")) {
                codes.add(cells[1]);
            }
        }
        return codes;
    }

    static byte[] entry(byte[] zip, String name) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    in.transferTo(out);
                    return out.toByteArray();
                }
            }
        }
        throw new AssertionError("No " + name + " in the ZIP");
    }

    void closeEarly() throws Exception {
        api.ok(api.referent, "POST", path("/closure"), null);
    }

    Browser browser() {
        return new Browser();
    }

    /** One employee's browser: its cookies, and the form's token once it has loaded the page. */
    final class Browser {

        final Map<String, Cookie> cookies = new HashMap<>();
        String csrf;

        MvcResult page(String query) throws Exception {
            MvcResult result = perform(get("/questionario/" + token + (query == null ? "" : "?" + query))
                    .accept(MediaType.TEXT_HTML));
            Matcher m = CSRF.matcher(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
            if (m.find()) {
                csrf = m.group(1);
            }
            return result;
        }

        /** Posts the answers (and the code, if any) as the page's form does, after loading the page once. */
        MvcResult submit(Map<String, String[]> answers, String code) throws Exception {
            if (csrf == null) {
                page(null);
            }
            MockHttpServletRequestBuilder request = post("/questionario/" + token)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML)
                    .param("_csrf", csrf).param("_lang", "it");
            if (code != null) {
                request.param("_codice", code);
            }
            answers.forEach(request::param);
            return perform(request);
        }

        private MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
            if (!cookies.isEmpty()) {
                request.cookie(cookies.values().toArray(Cookie[]::new));
            }
            MvcResult result = mvc.perform(request).andReturn();
            for (Cookie c : result.getResponse().getCookies()) {
                cookies.put(c.getName(), c);
            }
            return result;
        }
    }

    static String html(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
