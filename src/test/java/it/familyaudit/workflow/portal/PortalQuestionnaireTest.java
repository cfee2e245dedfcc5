package it.familyaudit.workflow.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.familyaudit.workflow.support.ApiDriver;
import it.familyaudit.workflow.support.PortalTestBase;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The questionnaire on a certification's page: its results once the campaign is closed, for those
 * who may read them, with every hidden figure written out as hidden; and the referent's invitation
 * codes, downloaded from the page once, replaced only on confirmation, refused with an Italian page.
 */
class PortalQuestionnaireTest extends PortalTestBase {

    private static final String HIDDEN = "nascosto (meno di 5 risposte)";

    @Test
    void theResultsShowOnlyOnceTheCampaignIsClosedAndAHiddenFigureReadsAsHiddenNeverAsItsCount() throws Exception {
        long id = driver.runToQuestionnaire();
        driver.openQuestionnaire("codes", 20);
        List<String> codes = driver.issueQuestionnaireCodes(id);
        // 2 men among 12 (hidden, and so are the 10 women, who would give them away), 3 ask for a canteen
        List<Map<String, String[]>> answers = ApiDriver.questionnaireAnswersWithSmallGroups();
        for (int i = 0; i < answers.size(); i++) {
            assertThat(driver.answerQuestionnaire(id, answers.get(i), codes.get(i)).getResponse().getStatus())
                    .isEqualTo(303);
        }

        String whileOpen = html(driver.manager, "/certificazioni/" + id);
        assertThat(whileOpen).contains("Questionario dei bisogni", "12 risposte su 20")
                .doesNotContain("I risultati del questionario", "Proposta numero", HIDDEN);

        driver.closeQuestionnaire(id);
        String page = html(driver.manager, "/certificazioni/" + id);

        assertThat(page).contains("I risultati del questionario", "Rispondenti: 12 su 20 dipendenti invitati",
                "tasso di risposta 60%", "I bisogni principali", "«Centri estivi per i figli»: 100% dei rispondenti (12 su 12)",
                "codice Q-servizi-centri-estivi", "aria-label=\"Quota dei rispondenti per ogni risposta: Genere\"",
                "<caption>Risposte e quote: Genere</caption>", "<caption>Risposte per gruppo (Fascia di età): Genere</caption>", "<th scope=\"col\">Quota</th>", "Le risposte per gruppo",
                "Mostra le 12 risposte libere", "Proposta numero 7");
        // The shown figures of the climate question, in the chart and in the table alike.
        assertThat(page).contains(">6 di 12</text>", "<th scope=\"row\">Negativo</th>");
        assertThat(row(page, "Uomo")).as("the men, in the table").isEqualTo(HIDDEN);
        assertThat(row(page, "Mensa o buoni pasto")).as("the canteen, in the table").isEqualTo(HIDDEN);
        assertThat(page).as("a hidden figure in a chart says so and draws no bar")
                .containsPattern("font-style=\"italic\"[^>]*>" + Pattern.quote(HIDDEN) + "</text>");
        assertThat(page).as("the true counts of the hidden figures")
                .doesNotContain(">2 di 12<", ">3 di 12<", ">2 (17%)<", ">3 (25%)<", ">17%<", ">25%<");
        assertThat(page).doesNotContain("Exception", "Codici non ancora generati", "questionnaire/invitations");

        String english = html(driver.manager, "/certificazioni/" + id + "?lang=en");
        assertThat(english).contains("Respondents: 12 of 20 employees invited", "hidden (fewer than 5 answers)",
                "Summer camps for children", "Share of respondents for each answer: Gender", "<th scope=\"row\">Man</th>");
    }

    @Test
    void whoMayNotReadTheResultsDoesNotGetThemAndNobodyGetsAServerError() throws Exception {
        long id = driver.runToQuestionnaire();
        driver.openQuestionnaire("codes", 10);
        List<String> codes = driver.issueQuestionnaireCodes(id);
        for (int i = 0; i < 6; i++) {
            Map<String, String[]> answers = ApiDriver.questionnaireAnswer();
            answers.put("proposte", new String[] {"Proposta riservata " + i});
            driver.answerQuestionnaire(id, answers, codes.get(i));
        }
        driver.closeQuestionnaire(id);
        ApiDriver other = new ApiDriver(mvc, json, identity, organizations, management);

        for (String reader : List.of(driver.referent, driver.manager, driver.workingGroup, "consultant", "agency")) {
            assertThat(html(reader, "/certificazioni/" + id)).as(reader).contains("I risultati del questionario",
                    "Proposta riservata 3");
        }
        // The council sees the certification, not the questionnaire; the evaluator its main needs only.
        for (String notAReader : List.of("evaluator", "council")) {
            assertThat(html(notAReader, "/certificazioni/" + id)).as(notAReader)
                    .doesNotContain("I risultati del questionario", "Proposta riservata", "Questionario dei bisogni");
        }
        assertThat(html("evaluator", "/certificazioni/" + id)).contains("I bisogni emersi dal questionario",
                "id=\"questionario\"");
        assertThat(html("council", "/certificazioni/" + id)).doesNotContain("I bisogni emersi dal questionario");
        for (String stranger : List.of(other.referent, "admin", "consultant2")) {
            MockHttpServletResponse refused = open(stranger, "/certificazioni/" + id);
            assertThat(refused.getStatus()).as(stranger).isEqualTo(404);
            assertThat(refused.getContentAsString()).doesNotContain("Proposta riservata", "Exception");
        }
        assertThat(open(null, "/certificazioni/" + id).getStatus()).isEqualTo(302);
    }

    @Test
    void aCampaignClosedWithTooFewAnswersSaysSoAndShowsNoFigure() throws Exception {
        long id = driver.runToPlanDrafting();

        String page = html(driver.workingGroup, "/certificazioni/" + id);

        assertThat(page).contains("I risultati del questionario", "Rispondenti: 0 su 120 dipendenti invitati",
                "Nessun risultato da mostrare", "Sono arrivate meno di 5 risposte")
                .doesNotContain("I bisogni principali", "Quota dei rispondenti per ogni risposta");
    }

    @Test
    void theReferentDownloadsTheCodesOnceAndReplacesThemOnlyOnConfirmationWhileNobodyHasAnswered() throws Exception {
        long id = driver.runToQuestionnaire();
        driver.openQuestionnaire("codes", 8);
        String action = "/certificazioni/" + id + "/questionario/codici";

        String before = html(driver.referent, "/certificazioni/" + id);
        assertThat(before).contains("Genera i codici di invito (ZIP)", "action=\"" + action + "\"", "name=\"_csrf\"")
                .doesNotContain("Codici non ancora generati", "POST .../questionnaire");
        assertThat(html(driver.manager, "/certificazioni/" + id))
                .contains("Il referente non ha ancora generato i codici di invito.")
                .doesNotContain("Genera i codici di invito", action);

        MockHttpServletResponse zip = postCodes(driver.referent, id, null, true);
        assertThat(zip.getStatus()).isEqualTo(200);
        assertThat(zip.getContentType()).isEqualTo("application/zip");
        assertThat(zip.getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"codici-questionario-" + id + ".zip\"");
        assertThat(zip.getHeader("Cache-Control")).contains("no-store");
        List<String> first = ApiDriver.codesIn(zip.getContentAsByteArray());
        assertThat(first).hasSize(8);

        String after = html(driver.referent, "/certificazioni/" + id);
        assertThat(after).contains("I codici di invito sono stati generati il "
                        + LocalDate.parse(ApiDriver.today()).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                "Sostituire i codici", "smetteranno di funzionare", "dopo la prima risposta",
                "name=\"sostituisci\" value=\"true\" required")
                .doesNotContain("Genera i codici di invito (ZIP)");

        MockHttpServletResponse again = postCodes(driver.referent, id, null, true);
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(again.getContentType()).startsWith("text/html");
        assertThat(again.getContentAsString()).contains("Non è possibile in questo momento",
                "non si possono scaricare di nuovo", "conferma la sostituzione", "href=\"/certificazioni/" + id + "\"")
                .doesNotContain("replace", "Exception");

        assertThat(postCodes(driver.referent, id, "true", false).getStatus()).as("without the CSRF token").isEqualTo(403);

        MockHttpServletResponse replaced = postCodes(driver.referent, id, "true", true);
        assertThat(replaced.getStatus()).isEqualTo(200);
        List<String> second = ApiDriver.codesIn(replaced.getContentAsByteArray());
        assertThat(second).hasSize(8).doesNotContainAnyElementsOf(first);

        MockHttpServletResponse manager = postCodes(driver.manager, id, null, true);
        assertThat(manager.getStatus()).isEqualTo(403);
        assertThat(manager.getContentAsString()).contains("Solo il referente interno");
        ApiDriver other = new ApiDriver(mvc, json, identity, organizations, management);
        MockHttpServletResponse stranger = postCodes(other.referent, id, null, true);
        assertThat(stranger.getStatus()).isEqualTo(404);
        assertThat(stranger.getContentAsString()).contains("Pagina non trovata").doesNotContain("Exception");

        assertThat(driver.answerQuestionnaire(id, ApiDriver.questionnaireAnswer(), second.get(0)).getResponse().getStatus()).isEqualTo(303);
        MockHttpServletResponse tooLate = postCodes(driver.referent, id, "true", true);
        assertThat(tooLate.getStatus()).isEqualTo(409);
        assertThat(tooLate.getContentAsString()).contains("Sono già arrivate risposte");

        driver.closeQuestionnaire(id);
        assertThat(html(driver.referent, "/certificazioni/" + id)).doesNotContain(action);
        MockHttpServletResponse closed = postCodes(driver.referent, id, null, true);
        assertThat(closed.getStatus()).isEqualTo(409);
        assertThat(closed.getContentAsString()).contains("Il questionario è chiuso");
    }

    @Test
    void aSharedLinkCampaignOffersNoCodes() throws Exception {
        long id = driver.runToQuestionnaire();
        driver.openQuestionnaire("link", 30);

        assertThat(html(driver.referent, "/certificazioni/" + id)).contains("link condiviso")
                .doesNotContain("Genera i codici di invito", "Link condiviso: una persona");
        MockHttpServletResponse refused = postCodes(driver.referent, id, null, true);
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getContentAsString()).contains("La campagna usa un link condiviso");
    }

    // --- the portal -----------------------------------------------------------------------------

    private MockHttpServletResponse postCodes(String who, long id, String replace, boolean withCsrf) throws Exception {
        MockHttpServletRequestBuilder request = post("/certificazioni/" + id + "/questionario/codici").with(user(who));
        if (replace != null) {
            request.param("sostituisci", replace);
        }
        if (withCsrf) {
            request.with(csrf());
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    /** What the first table row headed by this label says in its first cell. */
    private static String row(String page, String label) {
        Matcher m = Pattern.compile("<th scope=\"row\">" + Pattern.quote(label) + "</th>\\s*<td[^>]*>([^<]*)</td>")
                .matcher(page);
        assertThat(m.find()).as("a row for " + label).isTrue();
        return m.group(1);
    }
}
