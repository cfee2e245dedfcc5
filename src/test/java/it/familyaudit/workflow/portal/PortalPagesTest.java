package it.familyaudit.workflow.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.fasterxml.jackson.databind.JsonNode;
import it.familyaudit.workflow.support.ApiDriver;
import it.familyaudit.workflow.support.PortalTestBase;
import it.familyaudit.workflow.support.MonitoringApiDriver;
import it.familyaudit.workflow.monitoring.MonitoringRepository;
import org.springframework.beans.factory.annotation.Autowired;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The portal's pages for each role, from one table as the API's matrix is: who sees which page of
 * which organisation (0 leaks), what a bad address gets, and the public register and verification.
 */
class PortalPagesTest extends PortalTestBase {

    private static final int SIGN_IN = 302;

    @Autowired
    MonitoringRepository rounds;

    @Test
    void everyPageAnswersEachRoleAsTheRulesSayAndNeverLeaksAnotherOrganisation() throws Exception {
        long own = driver.runToCertificate();
        ApiDriver other = new ApiDriver(mvc, json, identity, organizations, management);
        long another = other.start();

        // who -> {page -> expected status}
        Map<String, Map<String, Integer>> expected = new LinkedHashMap<>();
        expected.put(driver.referent, pages(own, 200, another, 404));
        expected.put(driver.manager, pages(own, 200, another, 404));
        expected.put(driver.workingGroup, pages(own, 200, another, 404));
        expected.put(other.referent, pages(own, 404, another, 200));
        expected.put("referent", pages(own, 404, another, 404));
        // The consultant's access ends with the certificate; the evaluator's lasts for the monitoring years.
        expected.put("consultant", pages(own, 404, another, 404));
        expected.put("evaluator", pages(own, 200, another, 404));
        expected.put("consultant2", pages(own, 404, another, 404));
        expected.put("agency", pages(own, 200, another, 200));
        expected.put("council", pages(own, 200, another, 200));
        expected.put("admin", pages(own, 404, another, 404));
        expected.put(null, pages(own, SIGN_IN, another, SIGN_IN));

        List<String> wrong = new ArrayList<>();
        for (var who : expected.entrySet()) {
            for (var page : who.getValue().entrySet()) {
                MockHttpServletResponse response = open(who.getKey(), page.getKey());
                if (response.getStatus() != page.getValue()) {
                    wrong.add(who.getKey() + " " + page.getKey() + ": " + response.getStatus() + ", expected "
                            + page.getValue());
                }
                if (response.getStatus() == 200 && response.getContentType().startsWith("text/html")) {
                    assertThat(response.getContentAsString()).as(page.getKey())
                            .contains("<html lang=\"it\"").doesNotContain("Exception", "at it.familyaudit");
                }
            }
        }
        // Each home names only what its reader may open: never an organisation whose page is closed to them.
        Map<Long, String> names = Map.of(own, nameOf(driver), another, nameOf(other));
        for (var who : expected.entrySet()) {
            String home = open(who.getKey(), "/").getContentAsString();
            names.forEach((id, name) -> {
                if (who.getValue().get("/certificazioni/" + id) != 200) {
                    assertThat(home).as(who.getKey() + "'s home").doesNotContain(name);
                } else if (!"agency".equals(who.getKey()) && !"council".equals(who.getKey())) {
                    assertThat(home).as(who.getKey() + "'s home").contains(name);
                }
            });
        }
        assertThat(wrong).isEmpty();
    }

    /** The name the driver registered its organisation under (its code is "org" and the same suffix). */
    private static String nameOf(ApiDriver d) {
        return "Comune di Prova " + d.organization.substring("org".length());
    }

    /**
     * The pages of a certified cycle (with its plan and certificate) and of one just started (no
     * plan yet: its plan's PDF is 404 for anyone, or a sign-in for a visitor), each with the
     * status a reader should get.
     */
    private Map<String, Integer> pages(long certified, int certifiedStatus, long started, int startedStatus) {
        Map<String, Integer> pages = new LinkedHashMap<>();
        pages.put("/certificazioni/" + certified, certifiedStatus);
        pages.put("/certificazioni/" + certified + "/piano/1.pdf", certifiedStatus);
        pages.put("/certificazioni/" + certified + "/certificato.pdf", certifiedStatus);
        pages.put("/certificazioni/" + started, startedStatus);
        pages.put("/certificazioni/" + started + "/certificato.pdf", startedStatus == SIGN_IN ? SIGN_IN : 404);
        return pages;
    }

    @Test
    void eachRoleFindsItsOwnHome() throws Exception {
        driver.runToPlanDrafting();

        assertThat(html(driver.referent, "/")).contains("Comune di Prova", "Le tue attività", "Redazione del piano",
                "Piano delle azioni", "in corso", "completata il", "Nessuna attività ti aspetta", "In attesa di altri",
                "Mancano").doesNotContain("Spetta a");
        assertThat(html(driver.workingGroup, "/")).contains("Redigere il piano", "Spetta a", "Svolgi")
                .doesNotContain("Nessuna attività ti aspetta");
        assertThat(html("consultant", "/")).contains("Le organizzazioni che segui", "Comune di Prova");
        assertThat(html("agency", "/")).contains("Tutte le organizzazioni", "Comune di Prova", "Giorni nella fase");
        // An organisation without a cycle has its row, and its people their page.
        ApiDriver notStarted = new ApiDriver(mvc, json, identity, organizations, management);
        assertThat(html("agency", "/?cerca=" + notStarted.organization)).contains("Comune di Prova",
                "nessun percorso avviato", "1 organizzazione");
        assertThat(html(notStarted.referent, "/")).contains("Comune di Prova", "Nessuna certificazione");
        assertThat(html("admin", "/")).contains("Nessun ruolo nel percorso");
        assertThat(html(null, "/")).contains("Accedi allo sportello", "Verifica un certificato");
    }

    @Test
    void theAgencyFiltersSearchesSortsAndPagesEveryOrganisation() throws Exception {
        driver.runToPlanDrafting();

        String found = html("agency", "/?cerca=" + driver.organization.toUpperCase());
        assertThat(found).contains("Comune di Prova").doesNotContain("Comune di Capannori").contains("1 organizzazione");
        assertThat(html("agency", "/?fase=PLAN_DRAFTING&ordina=DAYS_IN_PHASE&verso=desc"))
                .contains("Comune di Prova", "aria-sort=\"descending\"").doesNotContain("Comune di Capannori");
        assertThat(html("agency", "/?ordina=PHASE")).contains("aria-sort=\"ascending\"");
        assertThat(html("agency", "/?fase=EXECUTIVE&cerca=" + driver.organization)).contains("0 organizzazioni");
        // Unknown filters and orders are ignored, a page past the end is empty, not an error.
        assertThat(open("agency", "/?fase=NOPE&ordina=DROP%20TABLE&pagina=9999").getStatus()).isEqualTo(200);
        assertThat(open("agency", "/?pagina=abc").getStatus()).isEqualTo(400);
        assertThat(html("referent", "/?cerca=Prova")).doesNotContain("Tutte le organizzazioni");
    }

    @Test
    void aCertificationPageShowsTheStepperWhoMustActTheDocumentsAndTheTimelineWithNames() throws Exception {
        long id = driver.runToCertificate();

        String page = html(driver.referent, "/certificazioni/" + id);
        assertThat(page).contains("Decisione del Consiglio", "completata il", "Documenti",
                "/certificazioni/" + id + "/certificato.pdf", "/certificazioni/" + id + "/piano/1.pdf",
                "Cronologia", "Utente " + driver.referent, "Gli anni di monitoraggio", "Registro di controllo",
                "eventi registrati", "Attività completata", "Questionario dei bisogni", "dipendenti invitati",
                "Certificazione avviata per");
        // The plan reads on screen: its fields, every action with its indicators' baseline and targets,
        // who drafted and decided it; any version by its number, an unknown one is a 404 page.
        assertThat(page).contains("id=\"piano\"", "Il piano delle azioni, versione 1 (approvata)", "Aperta il",
                "decisa il", "Utente " + driver.manager, "Obiettivo anno 1", "Partenza", "Fonte di finanziamento")
                .doesNotContain("da " + driver.manager, "da system");
        assertThat(html(driver.referent, "/certificazioni/" + id + "?versione=1")).contains("versione 1 (approvata)");
        assertThat(open(driver.referent, "/certificazioni/" + id + "?versione=99").getStatus()).isEqualTo(404);
        assertThat(open(driver.referent, "/certificazioni/" + id + "?versione=abc").getStatus()).isEqualTo(400);
        // The evaluator does not follow the questionnaire: the page shows without it.
        assertThat(html("evaluator", "/certificazioni/" + id)).doesNotContain("Questionario dei bisogni");
        MockHttpServletResponse pdf = open(driver.referent, "/certificazioni/" + id + "/certificato.pdf");
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        try (PDDocument certificate = Loader.loadPDF(pdf.getContentAsByteArray())) {
            assertThat(new PDFTextStripper().getText(certificate)).contains("http://localhost/verifica?codice=",
                    "Valido fino al", "Presidente del Consiglio dell'Audit");
        }
        // The plan's PDF names who approved it, as the page does: never a user id.
        try (PDDocument plan = Loader.loadPDF(open(driver.referent, "/certificazioni/" + id + "/piano/1.pdf")
                .getContentAsByteArray())) {
            assertThat(new PDFTextStripper().getText(plan)).contains("da Utente " + driver.manager);
        }
    }

    @Test
    void eachDecisionLinksWhatItIsTakenOn() throws Exception {
        long id = driver.runToPlanDrafting();
        driver.submitPlan();
        driver.completeOk(driver.manager, "ApprovePlanTask", ApiDriver.approval());
        String page = "/certificazioni/" + id;

        // The evaluator visits with the plan and the questionnaire's main needs one click away.
        String visit = html("evaluator", page);
        assertThat(visit).contains("Registrare la visita di valutazione", "href=\"#piano\"", "href=\"#questionario\"",
                "id=\"piano\"", "id=\"questionario\"");

        // The task's page shows the plan and the needs beside the form.
        String visitTask = html("evaluator", "/attivita/" + driver.taskId("evaluator", "RecordEvaluationVisitTask"));
        assertThat(visitTask).contains("Su cosa si decide", "Il piano, versione 1 (approvata)",
                "I bisogni emersi dal questionario", "/certificazioni/" + id + "/piano/1.pdf");

        // The council decides with the evaluator's report and the plan one click away.
        driver.completeOk("evaluator", "RecordEvaluationVisitTask", ApiDriver.evaluation("positive"));
        String decisionTask = html("council", "/attivita/" + driver.taskId("council", "DecideCertificationTask"));
        assertThat(decisionTask).contains("Su cosa si decide", "Rapporto di valutazione", "positivo", "Luca Ferri",
                "Il piano, versione 1 (approvata)");
        String decision = html("council", page);
        assertThat(decision).contains("Decidere sulla certificazione", "href=\"#valutazione\"", "href=\"#piano\"",
                "id=\"valutazione\"");
        // In English too.
        assertThat(html("council", page + "?lang=en")).contains("Decide on the certification", "the evaluation report");
        // Denying is asked twice: the first submission only brings the confirmation box back.
        String task = "/attivita/" + driver.taskId("council", "DecideCertificationTask");
        MockHttpServletResponse asked = mvc.perform(post(task).with(user("council")).with(csrf())
                .param("councilDecision", "deny").param("decisionDate", ApiDriver.today())
                .param("motivation", "Piano non adeguato")).andReturn().getResponse();
        assertThat(asked.getStatus()).isEqualTo(200);
        assertThat(asked.getContentAsString()).contains("Una scelta che non si può annullare", "name=\"_conferma\"",
                "Piano non adeguato");
        assertThat(driver.status(id).path("status").asText()).isEqualTo("ACTIVE");
        MockHttpServletResponse denied = mvc.perform(post(task).with(user("council")).with(csrf())
                .param("councilDecision", "deny").param("decisionDate", ApiDriver.today())
                .param("motivation", "Piano non adeguato").param("_conferma", "si")).andReturn().getResponse();
        assertThat(denied.getStatus()).isEqualTo(303);
        assertThat(driver.status(id).path("status").asText()).isNotEqualTo("ACTIVE");
    }

    @Test
    void aMonitoringYearShowsAsAChartAndAsATableWithTheSameFigures() throws Exception {
        long id = driver.runToCertificate();
        new MonitoringApiDriver(driver, management, rounds).runRound(id, "confirm");

        String page = html("agency", "/certificazioni/" + id);
        assertThat(page).contains("<svg", "role=\"img\"", "aria-label=\"Azioni realizzate sulle azioni previste, anno per anno\"",
                "Anno 1", "Gli anni di monitoraggio");
        // The chart's figure is the table's: "n di m" appears in both.
        String figure = chartFigure(page, "Azioni realizzate sulle azioni previste");
        assertThat(page.split(figure, -1)).hasSizeGreaterThanOrEqualTo(3);

        // Indicators against their targets: the chart counts the table's badges.
        assertThat(page).contains("Gli indicatori rispetto agli obiettivi", "(obiettivo ");
        String[] reached = chartFigure(page, "Indicatori che hanno raggiunto").split(" di ");
        int yes = page.split(">raggiunto<", -1).length - 1;
        int no = page.split(">non raggiunto<", -1).length - 1;
        assertThat(yes).isEqualTo(Integer.parseInt(reached[0]));
        assertThat(yes + no).isEqualTo(Integer.parseInt(reached[1]));
    }

    /** The "n di m" of the first bar of the chart whose accessible name starts with {@code title}. */
    private static String chartFigure(String page, String title) {
        String chart = page.substring(page.indexOf("aria-label=\"" + title));
        chart = chart.substring(0, chart.indexOf("</svg>"));
        String figure = chart.replaceAll("(?s)^.*?<text[^>]*>(\\d+ di \\d+)</text>.*$", "$1");
        assertThat(figure).as(title).matches("\\d+ di \\d+");
        return figure;
    }

    @Test
    void badAddressesGetAnItalianPageNeverAServerError() throws Exception {
        assertThat(open("agency", "/certificazioni/abc").getStatus()).isEqualTo(404);
        assertThat(open("agency", "/certificazioni/987654321").getStatus()).isEqualTo(404);
        MockHttpServletResponse missing = open("agency", "/certificazioni/987654321");
        assertThat(missing.getContentAsString()).contains("Certificazione non trovata", "Pagina non trovata");
        assertThat(open("agency", "/certificazioni/987654321/piano/1.pdf").getStatus()).isEqualTo(404);
        assertThat(open("agency", "/certificazioni/1/piano/x.pdf").getStatus()).isEqualTo(404);
    }

    @Test
    void theRegisterListsCertificatesAndAnyoneVerifiesACode() throws Exception {
        long id = driver.runToCertificate();
        JsonNode certificate = driver.status(id).path("certificate");
        String code = certificate.path("verificationCode").asText();

        assertThat(html(null, "/registro")).contains("Comune di Prova", certificate.path("number").asText(), "valido");
        String verified = html(null, "/verifica?codice=" + code);
        assertThat(verified).contains("Certificato autentico e valido", "Comune di Prova");
        String typedLoosely = code.substring(0, 4).toLowerCase() + "-" + code.substring(4, 8) + " " + code.substring(8);
        assertThat(mvc.perform(get("/verifica").param("codice", typedLoosely)).andReturn().getResponse().getStatus())
                .isEqualTo(200);

        MockHttpServletResponse unknown = open(null, "/verifica?codice=AAAAAAAAAAAAAAAA");
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(unknown.getContentAsString()).contains("Nessun certificato ha questo codice");
        MockHttpServletResponse malformed = open(null, "/verifica?codice=%3Cscript%3E");
        assertThat(malformed.getStatus()).isEqualTo(404);
        assertThat(malformed.getContentAsString()).contains("Questo non è un codice di verifica")
                .doesNotContain("<script>");
        assertThat(open(null, "/verifica?codice=" + "A".repeat(5000)).getStatus()).isEqualTo(404);
    }

    @Test
    void guessingCodesIsSlowedDown() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i <= VerificationThrottle.PER_MINUTE; i++) {
            statuses.add(mvc.perform(get("/verifica").param("codice", "BBBBBBBBBBBBBBB" + (char) ('A' + i % 20))
                    .with(r -> {
                        r.setRemoteAddr("192.0.2.7");
                        return r;
                    })).andReturn().getResponse().getStatus());
        }
        assertThat(statuses.subList(0, VerificationThrottle.PER_MINUTE)).containsOnly(404);
        assertThat(statuses.get(VerificationThrottle.PER_MINUTE)).isEqualTo(429);
    }

    @Test
    void everyPageSpeaksEnglishToWhoeverAsks() throws Exception {
        String english = html(null, "/?lang=en");
        assertThat(english).contains("<html lang=\"en\"", "Sign in", "Verify a certificate");
        assertThat(html(null, "/?lang=xx")).contains("<html lang=\"it\"");
    }
}
