package it.familyaudit.workflow.survey;

import static it.familyaudit.workflow.survey.QuestionnaireDriver.html;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.familyaudit.workflow.support.ApiTestBase;
import it.familyaudit.workflow.survey.invitations.InvitationCodes;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;

/** The employees' page: answering without logging in, with a code or a shared link, and every way it says no. */
@ExtendWith(OutputCaptureExtension.class)
class PublicQuestionnaireTest extends ApiTestBase {

    @Autowired
    JdbcClient db;

    private QuestionnaireDriver questionnaire;

    @BeforeEach
    void questionnaireOfANewOrganisation() throws Exception {
        questionnaire = new QuestionnaireDriver(driver, mvc).toQuestionnaire();
    }

    @Test
    void anEmployeeAnswersWithTheirCodeWithoutLoggingIn() throws Exception {
        List<String> codes = questionnaire.open("codes", 20).issueCodes();

        QuestionnaireDriver.Browser employee = questionnaire.browser();
        MvcResult page = employee.page(null);
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(html(page)).contains("<html lang=\"it\">", "Codice personale", "Comune di Prova");
        MvcResult sent = employee.submit(QuestionnaireFormTest.valid(), codes.get(0).toLowerCase().replace("-", " "));

        assertThat(sent.getResponse().getStatus()).isEqualTo(303);
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/questionario/" + questionnaire.token + "/grazie?lang=it");
        assertThat(html(employee.page(null)).length()).isPositive();
        assertThat(questionnaire.campaign().path("answers").asInt()).isEqualTo(1);
        assertThat(count("fa_questionnaire_text")).isEqualTo(1);
        assertThat(db.sql("SELECT COUNT(*) FROM fa_questionnaire_code c JOIN fa_questionnaire_campaign q"
                + " ON q.id = c.campaign_id WHERE q.certification_id = :id AND c.used").param("id", questionnaire.certification)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aCodeWorksOnceAndAnUnknownCodeIsSaidToBeUnknownKeepingTheAnswers() throws Exception {
        List<String> codes = questionnaire.open("codes", 5).issueCodes();
        QuestionnaireDriver.Browser employee = questionnaire.browser();
        assertThat(employee.submit(QuestionnaireFormTest.valid(), codes.get(1)).getResponse().getStatus()).isEqualTo(303);

        MvcResult again = questionnaire.browser().submit(QuestionnaireFormTest.valid(), codes.get(1));
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(html(again)).contains("Questo codice è già stato usato");

        MvcResult unknown = questionnaire.browser().submit(QuestionnaireFormTest.valid(), "7K3M-XQ2A-9RTV-H4WE");
        assertThat(unknown.getResponse().getStatus()).isEqualTo(400);
        assertThat(html(unknown)).contains("Codice non riconosciuto").contains("value=\"4\" checked");

        MvcResult mistyped = questionnaire.browser().submit(QuestionnaireFormTest.valid(), "7K3M");
        assertThat(mistyped.getResponse().getStatus()).isEqualTo(400);
        assertThat(html(mistyped)).contains("Il codice ha 16 lettere e cifre");
        assertThat(questionnaire.campaign().path("answers").asInt()).isEqualTo(1);
    }

    @Test
    void badAnswersAreRefusedAllAtOnceAndNothingIsStoredNorIsTheCodeSpent() throws Exception {
        List<String> codes = questionnaire.open("codes", 5).issueCodes();
        Map<String, String[]> bad = QuestionnaireFormTest.valid();
        bad.remove("benessere_clima");
        bad.put("orario_soddisfazione", new String[] {"9"});
        bad.put("proposte", new String[] {"x".repeat(2001)});
        bad.put("criticita", new String[] {"<script>alert('rubato')</script>"});
        QuestionnaireDriver.Browser employee = questionnaire.browser();

        MvcResult refused = employee.submit(bad, codes.get(0));

        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        String page = html(refused);
        assertThat(page).contains("Alcune risposte vanno corrette", "Risposta obbligatoria",
                "Risposta non prevista tra le opzioni", "Al massimo 2000 caratteri (ne sono stati scritti 2001)");
        assertThat(page).as("what the employee typed comes back escaped, never as markup")
                .contains("&lt;script&gt;alert(&#39;rubato&#39;)&lt;/script&gt;").doesNotContain("<script>alert");
        assertThat(page).contains("aria-invalid=\"true\"").contains("href=\"#q-benessere_clima-0\"");
        assertThat(questionnaire.campaign().path("answers").asInt()).isZero();
        assertThat(employee.submit(QuestionnaireFormTest.valid(), codes.get(0)).getResponse().getStatus())
                .as("the code was not spent").isEqualTo(303);
    }

    @Test
    void thePageSpeaksItalianOrEnglishAndLabelsEveryInput() throws Exception {
        questionnaire.open("codes", 5);
        QuestionnaireDriver.Browser employee = questionnaire.browser();

        String italian = html(employee.page(null));
        String english = html(employee.page("lang=en"));

        assertThat(italian).contains("<html lang=\"it\">", "Quanto è soddisfatto/a del suo orario di lavoro?",
                "href=\"?lang=en\" lang=\"en\" hreflang=\"en\">English");
        assertThat(english).contains("<html lang=\"en\">", "How satisfied are you with your working hours?",
                "Personal code", "Send my answers");
        for (String page : List.of(italian, english)) {
            assertThat(page).contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
            Matcher inputs = Pattern.compile("<(?:input|select|textarea) [^>]*id=\"([^\"]+)\"").matcher(page);
            int labelled = 0;
            while (inputs.find()) {
                assertThat(page).as("a label for #%s", inputs.group(1)).contains("<label for=\"" + inputs.group(1) + "\"");
                labelled++;
            }
            assertThat(labelled).isGreaterThan(60);
            assertThat(page).contains("<fieldset id=\"q-profilo_genere\">\n<legend>");
        }
    }

    @Test
    void aClosedCampaignAndAnUnknownAddressSaySo() throws Exception {
        List<String> codes = questionnaire.open("codes", 5).issueCodes();
        QuestionnaireDriver.Browser employee = questionnaire.browser();
        employee.page(null);
        questionnaire.closeEarly();

        MvcResult page = questionnaire.browser().page(null);
        assertThat(page.getResponse().getStatus()).isEqualTo(410);
        assertThat(html(page)).contains("Il questionario è chiuso");
        assertThat(employee.submit(QuestionnaireFormTest.valid(), codes.get(0)).getResponse().getStatus()).isEqualTo(410);

        MvcResult unknown = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/questionario/nessuno").accept(MediaType.TEXT_HTML)).andReturn();
        assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
        assertThat(html(unknown)).contains("Questionario non trovato");
    }

    @Test
    void aFormSentWithoutThePagesTokenIsRefused() throws Exception {
        List<String> codes = questionnaire.open("codes", 5).issueCodes();
        var request = post("/questionario/" + questionnaire.token).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("_codice", codes.get(0));
        QuestionnaireFormTest.valid().forEach(request::param);

        MvcResult forged = mvc.perform(request).andReturn();

        assertThat(forged.getResponse().getStatus()).isEqualTo(403);
        assertThat(html(forged)).contains("Modulo scaduto");
        assertThat(questionnaire.campaign().path("answers").asInt()).isZero();
    }

    @Test
    void aSharedLinkTakesOneAnswerPerBrowser() throws Exception {
        questionnaire.open("link", 50);
        QuestionnaireDriver.Browser employee = questionnaire.browser();
        assertThat(html(employee.page(null))).doesNotContain("Codice personale").contains("rispondere una sola volta");

        assertThat(employee.submit(QuestionnaireFormTest.valid(), null).getResponse().getStatus()).isEqualTo(303);
        MvcResult second = employee.submit(QuestionnaireFormTest.valid(), null);
        assertThat(second.getResponse().getStatus()).isEqualTo(429);
        assertThat(html(second)).contains("già stato compilato");
        assertThat(questionnaire.browser().submit(QuestionnaireFormTest.valid(), null).getResponse().getStatus())
                .as("another browser").isEqualTo(303);
        assertThat(questionnaire.campaign().path("answers").asInt()).isEqualTo(2);
        assertThat(questionnaire.campaign().path("note").asText()).contains("una persona potrebbe rispondere più volte");
        // The browsers' claims are in the database, for every instance of the application; sealing removes them.
        assertThat(ballots()).isEqualTo(2);
        questionnaire.closeEarly();
        assertThat(ballots()).isZero();
    }

    private int ballots() {
        return db.sql("""
                SELECT COUNT(*) FROM fa_questionnaire_ballot b JOIN fa_questionnaire_campaign c ON c.id = b.campaign_id
                WHERE c.certification_id = :cert""").param("cert", questionnaire.certification).query(Integer.class)
                .single();
    }

    @Test
    void theLogsHoldNoAnswerAndNoCode(CapturedOutput output) throws Exception {
        List<String> codes = questionnaire.open("codes", 5).issueCodes();
        Map<String, String[]> answers = QuestionnaireFormTest.valid();
        answers.put("proposte", new String[] {"Segnalo-TRACCIA-nel-registro"});
        QuestionnaireDriver.Browser employee = questionnaire.browser();
        employee.submit(answers, codes.get(0));
        employee.submit(answers, codes.get(0));
        Map<String, String[]> bad = QuestionnaireFormTest.valid();
        bad.put("criticita", new String[] {"x".repeat(3000) + "TRACCIA"});
        employee.submit(bad, codes.get(1));

        String canonical = InvitationCodes.canonical(codes.get(0)).orElseThrow();
        assertThat(output.getAll()).doesNotContain(codes.get(0), canonical, codes.get(1), "TRACCIA");
    }

    private int count(String table) {
        return db.sql("SELECT COUNT(*) FROM " + table + " t JOIN fa_questionnaire_campaign q ON q.id = t.campaign_id"
                + " WHERE q.certification_id = :id").param("id", questionnaire.certification).query(Integer.class).single();
    }
}
