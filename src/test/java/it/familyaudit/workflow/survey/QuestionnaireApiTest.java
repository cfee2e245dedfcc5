package it.familyaudit.workflow.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.support.ApiTestBase;
import it.familyaudit.workflow.survey.invitations.InvitationSheet;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;

/** The questionnaire as the organisation runs it through the API: codes, closing, results, main needs. */
class QuestionnaireApiTest extends ApiTestBase {

    @Autowired
    JdbcClient db;

    private QuestionnaireDriver questionnaire;

    @BeforeEach
    void questionnaireOfANewOrganisation() throws Exception {
        questionnaire = new QuestionnaireDriver(driver, mvc).toQuestionnaire();
    }

    @Test
    void theReferentGetsTheCodesOnceAsAMailMergeCsvAndPrintableSlips() throws Exception {
        questionnaire.open("codes", 30);
        assertThat(questionnaire.campaign().path("note").asText()).contains("Codici non ancora generati");

        MvcResult issued = driver.call(driver.referent, "POST", questionnaire.path("/invitations"), null);

        assertThat(issued.getResponse().getStatus()).isEqualTo(200);
        assertThat(issued.getResponse().getContentType()).isEqualTo("application/zip");
        assertThat(issued.getResponse().getHeader("Cache-Control")).contains("no-store");
        byte[] zip = issued.getResponse().getContentAsByteArray();
        List<String> codes = QuestionnaireDriver.codesIn(zip);
        assertThat(codes).hasSize(30).doesNotHaveDuplicates();
        String csv = new String(QuestionnaireDriver.entry(zip, InvitationSheet.CSV_NAME), StandardCharsets.UTF_8);
        assertThat(csv).contains("numero;codice;indirizzo").contains("/questionario/" + questionnaire.token);
        assertThat(new String(QuestionnaireDriver.entry(zip, InvitationSheet.PDF_NAME), 0, 5, StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        assertThat(questionnaire.campaign().path("codesIssued").asInt()).isEqualTo(30);

        MvcResult again = driver.call(driver.referent, "POST", questionnaire.path("/invitations"), null);
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(again.getResponse().getContentAsString()).contains("non possono essere mostrati di nuovo");
        assertThat(db.sql("SELECT code_hash FROM fa_questionnaire_code c JOIN fa_questionnaire_campaign q ON q.id = c.campaign_id"
                + " WHERE q.certification_id = :id").param("id", questionnaire.certification).query(String.class).list())
                .as("only hashes are stored").hasSize(30).allSatisfy(h -> assertThat(h).matches("[0-9a-f]{64}"))
                .doesNotContainAnyElementsOf(codes);
    }

    @Test
    void codesCanBeReplacedWhileNoneIsUsedAndTheOldOnesStopWorking() throws Exception {
        List<String> first = questionnaire.open("codes", 5).issueCodes();
        MvcResult replaced = driver.call(driver.referent, "POST", questionnaire.path("/invitations"), Map.of("replace", true));
        assertThat(replaced.getResponse().getStatus()).isEqualTo(200);
        List<String> second = QuestionnaireDriver.codesIn(replaced.getResponse().getContentAsByteArray());
        assertThat(second).hasSize(5).doesNotContainAnyElementsOf(first);

        assertThat(questionnaire.browser().submit(QuestionnaireFormTest.valid(), first.get(0)).getResponse().getStatus())
                .isEqualTo(400);
        assertThat(questionnaire.browser().submit(QuestionnaireFormTest.valid(), second.get(0)).getResponse().getStatus())
                .isEqualTo(303);
        MvcResult tooLate = driver.call(driver.referent, "POST", questionnaire.path("/invitations"), Map.of("replace", true));
        assertThat(tooLate.getResponse().getStatus()).isEqualTo(409);
        assertThat(questionnaire.browser().submit(QuestionnaireFormTest.valid(), second.get(1)).getResponse().getStatus())
                .as("the codes in use were kept").isEqualTo(303);
    }

    @Test
    void aSharedLinkCampaignHasNoCodesToIssue() throws Exception {
        questionnaire.open("link", 40);
        MvcResult none = driver.call(driver.referent, "POST", questionnaire.path("/invitations"), null);
        assertThat(none.getResponse().getStatus()).isEqualTo(409);
        assertThat(none.getResponse().getContentAsString()).contains("link condiviso");
    }

    @Test
    void theResponseRateGrowsWhileResultsWaitForTheClosing() throws Exception {
        List<String> codes = questionnaire.open("codes", 10).issueCodes();
        for (int i = 0; i < 3; i++) {
            questionnaire.browser().submit(QuestionnaireFormTest.valid(), codes.get(i));
        }
        JsonNode campaign = questionnaire.campaign();
        assertThat(campaign.path("answers").asInt()).isEqualTo(3);
        assertThat(campaign.path("responseRate").asDouble()).isEqualTo(0.3);
        assertThat(campaign.path("answersByDay").get(0).path("cumulative").asInt()).isEqualTo(3);

        MvcResult early = driver.call(driver.manager, "GET", questionnaire.path("/results"), null);
        assertThat(early.getResponse().getStatus()).isEqualTo(409);
        assertThat(early.getResponse().getContentAsString()).contains("dopo la chiusura");

        questionnaire.closeEarly();
        JsonNode results = driver.ok(driver.manager, "GET", questionnaire.path("/results"), null);
        assertThat(results.path("respondents").asInt()).isEqualTo(3);
        assertThat(results.path("shown").asBoolean()).as("3 answers are fewer than 5").isFalse();
        assertThat(results.path("questions")).isEmpty();
    }

    @Test
    void smallGroupsAreHiddenInTheResultsAndTheCsvHoldsAggregatesOnly() throws Exception {
        List<String> codes = questionnaire.open("codes", 20).issueCodes();
        for (int i = 0; i < 12; i++) {
            Map<String, String[]> answers = QuestionnaireFormTest.valid();
            answers.put("profilo_genere", new String[] {i < 2 ? "M" : "F"});
            answers.put("proposte", new String[] {"Proposta numero " + i});
            answers.put("benessere_clima", new String[] {i < 6 ? "2" : "4"});
            assertThat(questionnaire.browser().submit(answers, codes.get(i)).getResponse().getStatus()).isEqualTo(303);
        }
        questionnaire.closeEarly();

        JsonNode results = driver.ok(driver.workingGroup, "GET", questionnaire.path("/results"), null);

        assertThat(results.path("shown").asBoolean()).isTrue();
        JsonNode climate = question(results, "benessere_clima");
        assertThat(count(climate.path("overall"), "2")).isEqualTo(6);
        JsonNode byGender = breakdown(climate, "profilo_genere");
        JsonNode men = group(byGender, "M");
        assertThat(men.path("hidden").asBoolean()).as("2 men").isTrue();
        assertThat(men.path("respondents").isNull() || men.path("respondents").isMissingNode()).isTrue();
        assertThat(group(byGender, "F").path("hidden").asBoolean())
                .as("10 women, hidden too: 12 answers minus 10 women would give the 2 men away").isTrue();
        JsonNode texts = results.path("texts").get(0);
        assertThat(texts.path("key").asText()).isEqualTo("proposte");
        assertThat(texts.path("texts")).hasSize(12);
        assertThat(texts.toString()).doesNotContain("profilo", "\"F\"", "answer_day");

        MvcResult csv = driver.call(driver.referent, "GET", questionnaire.path("/results.csv"), null);
        assertThat(csv.getResponse().getStatus()).isEqualTo(200);
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        String body = csv.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("domanda;testo della domanda;suddivisione;gruppo;risposta;conteggio;percentuale")
                .contains("nascosto (gruppo < 5)").doesNotContain("Proposta numero");
    }

    @Test
    void theMainNeedsComeWithCodesThatAPlanActionCanCite() throws Exception {
        List<String> codes = questionnaire.open("codes", 20).issueCodes();
        for (int i = 0; i < 12; i++) {
            Map<String, String[]> answers = QuestionnaireFormTest.valid();
            // every figure 5 or more, so that nothing is hidden
            answers.put("servizi", i < 7 ? new String[] {"centri-estivi", "mensa"} : new String[] {"centri-estivi"});
            if (i >= 3) {
                answers.remove("flessibilita");
            }
            answers.put("benessere_carico", new String[] {i < 7 ? "1" : "4"});
            questionnaire.browser().submit(answers, codes.get(i));
        }
        questionnaire.closeEarly();

        JsonNode findings = driver.ok(driver.workingGroup, "GET", questionnaire.path("/findings"), null);

        assertThat(findings.get(0).path("code").asText()).isEqualTo("Q-servizi-centri-estivi");
        assertThat(findings.get(0).path("share").asDouble()).isEqualTo(1.0);
        List<String> found = new ArrayList<>();
        findings.forEach(f -> found.add(f.path("code").asText() + " " + f.path("kind").asText()));
        assertThat(found).contains("Q-servizi-mensa MOST_WANTED", "Q-benessere_carico LOW_RATING");
        assertThat(driver.ok(driver.manager, "GET", questionnaire.path("/findings"), null)).isEqualTo(findings);
        JsonNode workload = findings.findParents("code").stream()
                .filter(f -> f.path("code").asText().equals("Q-benessere_carico")).findFirst().orElseThrow();
        assertThat(workload.path("count").asInt()).isEqualTo(7);
        assertThat(workload.path("base").asInt()).isEqualTo(12);

        // The working group meets them again on its drafting form, codes included.
        String drafting = driver.taskId(driver.workingGroup, "DraftPlanTask");
        String shown = driver.ok(driver.workingGroup, "GET", "/api/tasks/" + drafting, null)
                .path("values").path("mainNeeds").asText();
        assertThat(shown).contains("[Q-servizi-centri-estivi]", "[Q-benessere_carico]");
    }

    @Test
    void anAnswerOnTheClosingDayCountsTheNextDayThePageIsClosedAndTheTimerMovesToThePlan() throws Exception {
        List<String> codes = questionnaire.open("codes", 5).issueCodes();
        LocalDate closes = LocalDate.parse(questionnaire.campaign().path("closesOn").asText());

        moveClockTo(closes, 22);
        assertThat(questionnaire.browser().submit(QuestionnaireFormTest.valid(), codes.get(0)).getResponse().getStatus())
                .isEqualTo(303);
        QuestionnaireDriver.Browser late = questionnaire.browser();
        late.page(null);
        moveClockTo(closes.plusDays(1), 0);
        assertThat(late.submit(QuestionnaireFormTest.valid(), codes.get(1)).getResponse().getStatus())
                .as("closed by its date, even before the timer's job has run").isEqualTo(410);

        moveClockTo(closes.plusDays(1), 1);
        driver.executeJobs();

        JsonNode campaign = questionnaire.campaign();
        assertThat(campaign.path("status").asText()).isEqualTo("CLOSED");
        assertThat(campaign.path("closeReason").asText()).isEqualTo("CLOSING_DATE");
        assertThat(campaign.path("closedBy").asText()).isEqualTo("system");
        assertThat(driver.taskId(driver.workingGroup, "DraftPlanTask")).isNotBlank();
        JsonNode status = driver.status(questionnaire.certification);
        assertThat(status.path("phase").asText()).isEqualTo("PLAN_DRAFTING");
        assertThat(status.path("timeline").toString()).contains("Questionario chiuso alla data di chiusura: 1 risposta su 5");
    }

    @Test
    void closingDeletesTheCodesAndWritesTheAnswersAgainInRandomOrder() throws Exception {
        List<String> codes = questionnaire.open("codes", 10).issueCodes();
        for (int i = 0; i < 4; i++) {
            questionnaire.browser().submit(QuestionnaireFormTest.valid(), codes.get(i));
        }
        List<String> before = answerIds();

        questionnaire.closeEarly();

        assertThat(db.sql("SELECT COUNT(*) FROM fa_questionnaire_code c JOIN fa_questionnaire_campaign q"
                + " ON q.id = c.campaign_id WHERE q.certification_id = :id").param("id", questionnaire.certification)
                .query(Integer.class).single()).isZero();
        assertThat(db.sql("SELECT code_key FROM fa_questionnaire_campaign WHERE certification_id = :id")
                .param("id", questionnaire.certification).query(String.class).optional()).isEmpty();
        List<String> after = answerIds();
        assertThat(after).hasSize(4);
        assertThat(new HashSet<>(after)).doesNotContainAnyElementsOf(before);
        assertThat(questionnaire.campaign().path("closeReason").asText()).isEqualTo("EARLY");
        assertThat(questionnaire.campaign().path("closedBy").asText()).isEqualTo(driver.referent);
        MvcResult twice = driver.call(driver.referent, "POST", questionnaire.path("/closure"), null);
        assertThat(twice.getResponse().getStatus()).isEqualTo(409);
    }

    private List<String> answerIds() {
        return db.sql("SELECT a.id FROM fa_questionnaire_answer a JOIN fa_questionnaire_campaign q ON q.id = a.campaign_id"
                + " WHERE q.certification_id = :id").param("id", questionnaire.certification)
                .query((rs, n) -> rs.getObject(1).toString()).list();
    }

    private static void moveClockTo(LocalDate day, int hour) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(hour, 0).atZone(EngineTime.ZONE).toInstant()));
    }

    private static JsonNode question(JsonNode results, String key) {
        for (JsonNode q : results.path("questions")) {
            if (q.path("key").asText().equals(key)) {
                return q;
            }
        }
        throw new AssertionError("No question " + key);
    }

    private static JsonNode breakdown(JsonNode question, String by) {
        for (JsonNode b : question.path("breakdowns")) {
            if (b.path("by").asText().equals(by)) {
                return b;
            }
        }
        throw new AssertionError("No breakdown by " + by);
    }

    private static JsonNode group(JsonNode breakdown, String value) {
        for (JsonNode g : breakdown.path("groups")) {
            if (g.path("value").asText().equals(value)) {
                return g;
            }
        }
        throw new AssertionError("No group " + value);
    }

    private static int count(JsonNode counts, String value) {
        for (JsonNode c : counts) {
            if (c.path("value").asText().equals(value)) {
                return c.path("count").asInt();
            }
        }
        throw new AssertionError("No count for " + value);
    }
}
