package it.familyaudit.workflow.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import it.familyaudit.workflow.support.ApiDriver;
import it.familyaudit.workflow.support.PortalTestBase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The plan edited in the portal as the working group does it: the draft's form posted whole with
 * each button, what the plan still lacks listed with links to its inputs, a refused save keeping
 * what was typed; versions compared in words; spreadsheets downloaded, and uploaded through a
 * preview that stores nothing until it is confirmed.
 */
class PortalPlanEditorTest extends PortalTestBase {

    private static final Logger log = LoggerFactory.getLogger(PortalPlanEditorTest.class);
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void theWorkingGroupAddsAnActionWithAnIndicatorSeesWhatIsMissingFixesItAndTheDraftIsWhatWasTyped() throws Exception {
        long id = driver.runToPlanDrafting();
        String editor = editor(id);
        String page = html(driver.workingGroup, editor);
        assertThat(page).contains("Modifica il piano delle azioni", "value=\"Organizzazione del lavoro\"",
                "Azioni: Il piano non ha ancora azioni");

        // A new action in the first field: the plan as it was is saved, the action comes open to be filled in.
        MockHttpServletResponse added = send(driver.workingGroup, Form.of(page).press("azione-aggiungi:1"), editor);
        assertThat(added.getStatus()).isEqualTo(200);
        page = added.getContentAsString();
        assertThat(page).contains("Bozza salvata.", opened(0), "name=\"actions[0].code\" value=\"1.1\"");

        Form form = Form.of(page).set("actions[0].title", "Ripensare la flessibilità")
                .set("actions[0].owner", "Ufficio personale").set("actions[0].budget", "1.500,50")
                .set("actions[0].fundingLine", "Bilancio, capitolo formazione").set("actions[0].deadline", "31/12/2027")
                .check("actions[0].years", "1").check("actions[0].years", "2");
        page = ok(send(driver.workingGroup, form.press("indicatore-aggiungi:0"), editor));
        assertThat(page).contains("id=\"p-actions-0-indicators-0-name\"");

        page = ok(send(driver.workingGroup, Form.of(page).set("actions[0].indicators[0].name", "Dipendenti con orario flessibile")
                .set("actions[0].indicators[0].unit", "%").set("actions[0].indicators[0].baseline", "10").press("salva"),
                editor));
        // What keeps it from being submitted: listed on top with links to the inputs, and beside them.
        assertThat(page).contains("restano 6 punti da completare",
                "href=\"#p-actions-0-indicators-0-targetYear1\">Azione 1.1, indicatore 1: L&#39;indicatore «Dipendenti con orario flessibile» dell&#39;azione 1.1 non ha un valore obiettivo per nessun anno",
                "href=\"#p-fields-1-add\">Campo di indagine 2: Il campo di indagine 2 «Cultura aziendale» non ha azioni",
                opened(0));
        assertThat(json(driver.workingGroup, id).path("actions").get(0).path("indicators").get(0).path("name").asText())
                .isEqualTo("Dipendenti con orario flessibile");

        page = ok(send(driver.workingGroup, Form.of(page).set("actions[0].indicators[0].targetYear1", "20,5")
                .set("actions[0].indicators[0].targetYear2", "35").uncheck("fieldsMandatory").press("salva"), editor));
        assertThat(page).contains("Il piano è completo: si può presentare.").doesNotContain(opened(0));

        JsonNode draft = json(driver.workingGroup, id);
        assertThat(draft.path("fieldsMandatory").asBoolean()).isFalse();
        assertThat(draft.path("fields")).hasSize(6);
        JsonNode action = draft.path("actions").get(0);
        assertThat(action.path("code").asText()).isEqualTo("1.1");
        assertThat(action.path("fieldCode").asText()).isEqualTo("1");
        assertThat(action.path("title").asText()).isEqualTo("Ripensare la flessibilità");
        assertThat(action.path("budget").decimalValue()).isEqualByComparingTo("1500.50");
        assertThat(action.path("deadline").asText()).isEqualTo("2027-12-31");
        assertThat(action.path("years").toString()).isEqualTo("[1,2]");
        JsonNode indicator = action.path("indicators").get(0);
        assertThat(indicator.path("unit").asText()).isEqualTo("%");
        assertThat(indicator.path("baseline").decimalValue()).isEqualByComparingTo("10");
        assertThat(indicator.path("targetYear1").decimalValue()).isEqualByComparingTo("20.5");
        assertThat(indicator.path("targetYear2").decimalValue()).isEqualByComparingTo("35");
        // Shown again as a clerk writes amounts.
        assertThat(page).contains("value=\"1.500,50\"", "value=\"20,5\"", "value=\"2027-12-31\"");
        assertThat(json(driver.workingGroup, id).path("problems")).isEmpty();
    }

    @Test
    void actionsAndIndicatorsAreMovedAndDeletedWithTheirButtons() throws Exception {
        long id = driver.runToPlanDrafting();
        driver.draftPlan(id);
        String editor = editor(id);
        String page = html(driver.workingGroup, editor);

        page = ok(send(driver.workingGroup, Form.of(page).press("azione-giu:0"), editor));
        assertThat(codes(id)).containsExactly("2.1", "1.1");
        assertThat(page).contains(opened(1));

        page = ok(send(driver.workingGroup, Form.of(page).press("indicatore-aggiungi:1"), editor));
        page = ok(send(driver.workingGroup, Form.of(page).set("actions[1].indicators[1].name", "Ore di formazione")
                .set("actions[1].indicators[1].targetYear1", "12").press("indicatore-su:1:1"), editor));
        assertThat(json(driver.workingGroup, id).path("actions").get(1).path("indicators").findValuesAsText("name"))
                .containsExactly("Ore di formazione", "Dipendenti con orario flessibile");

        page = ok(send(driver.workingGroup, Form.of(page).press("indicatore-elimina:1:1"), editor));
        assertThat(json(driver.workingGroup, id).path("actions").get(1).path("indicators")).hasSize(1);

        ok(send(driver.workingGroup, Form.of(page).press("azione-elimina:0"), editor));
        assertThat(codes(id)).containsExactly("1.1");
    }

    @Test
    void anActionAddedBetweenOthersLeavesEachProblemOnItsOwnAction() throws Exception {
        long id = driver.runToPlanDrafting();
        driver.draftPlan(id);
        String editor = editor(id);
        String page = ok(send(driver.workingGroup, Form.of(html(driver.workingGroup, editor)).press("azione-giu:0"), editor));
        // 1.1 now comes after 2.1 and loses its targets; a new action of field 2 goes between the two.
        Form form = Form.of(page).set("actions[1].indicators[0].targetYear1", "")
                .set("actions[1].indicators[0].targetYear2", "");

        page = ok(send(driver.workingGroup, form.press("azione-aggiungi:2"), editor));

        assertThat(page).contains("name=\"actions[0].code\" value=\"2.1\"", "name=\"actions[1].code\" value=\"2.2\"",
                "name=\"actions[2].code\" value=\"1.1\"", opened(1),
                "href=\"#p-actions-2-indicators-0-targetYear1\">Azione 1.1, indicatore 1:");
        assertThat(codes(id)).containsExactly("2.1", "1.1");
    }

    @Test
    void aRefusedSaveKeepsEverythingTypedAndStoresNothing() throws Exception {
        long id = driver.runToPlanDrafting();
        driver.draftPlan(id);
        String editor = editor(id);
        Form form = Form.of(html(driver.workingGroup, editor)).set("actions[0].title", "")
                .set("actions[0].budget", "mille euro").set("actions[0].description", "Più <b>flessibilità</b> d'estate")
                .set("title", "Piano rivisto");

        MockHttpServletResponse refused = send(driver.workingGroup, form.press("salva"), editor);

        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("La bozza non è stata salvata: ci sono 2 errori da correggere",
                "href=\"#p-actions-0-title\">Azione 1.1, titolo: Campo obbligatorio",
                "href=\"#p-actions-0-budget\">Azione 1.1, costo previsto: Scrivere un numero, ad esempio 1.234,50",
                "value=\"mille euro\"", "Più &lt;b&gt;flessibilità&lt;/b&gt; d&#39;estate</textarea>",
                "value=\"Piano rivisto\"", "aria-invalid=\"true\"", opened(0));
        JsonNode draft = json(driver.workingGroup, id);
        assertThat(draft.path("title").asText()).isEqualTo("Piano Family Audit");
        assertThat(draft.path("actions").get(0).path("title").asText()).isEqualTo("Ripensare la flessibilità");

        // Adding an action while another is refused: the new one comes in, the errors follow their actions.
        MockHttpServletResponse again = send(driver.workingGroup, form.press("azione-aggiungi:1"), editor);
        assertThat(again.getStatus()).isEqualTo(400);
        assertThat(again.getContentAsString()).contains("href=\"#p-actions-0-title\"", "name=\"actions[1].code\" value=\"1.2\"",
                "name=\"actions[2].code\" value=\"2.1\"");
    }

    @Test
    void aFieldsOwnBudgetAndAnIndicatorMeasuredOnlyInYearThreeAreSavedThroughTheFormAndKeptWhenRowsMove()
            throws Exception {
        long id = driver.runToPlanDrafting();
        driver.draftPlan(id);
        String editor = editor(id);
        String page = html(driver.workingGroup, editor);
        assertThat(page).contains("name=\"fields[0].budget\"", "name=\"fields[0].fundingLine\"",
                "aria-describedby=\"p-fields-0-budget-aiuto\"", "vuoto se il campo non ha fondi propri",
                "id=\"p-actions-0-indicators-0-years\"", "<legend>Anni di misura</legend>",
                "name=\"actions[0].indicators[0].years\" value=\"3\"",
                "Se nessun anno è spuntato, l&#39;indicatore si misura in ogni anno in cui si svolge l&#39;azione.");

        // Field 1 funds a whole area; action 1.1 runs a third year, in which alone a new indicator is measured.
        Form form = Form.of(page).set("fields[0].budget", "2.000,50").set("fields[0].fundingLine", "PTAP 2027, missione 1")
                .check("actions[0].years", "3");
        page = ok(send(driver.workingGroup, form.press("indicatore-aggiungi:0"), editor));
        page = ok(send(driver.workingGroup, Form.of(page).set("actions[0].indicators[1].name", "Dipendenti soddisfatti")
                .set("actions[0].indicators[1].unit", "%").set("actions[0].indicators[1].targetYear3", "80")
                .check("actions[0].indicators[1].years", "3").press("salva"), editor));

        JsonNode draft = json(driver.workingGroup, id);
        assertThat(draft.path("problems")).isEmpty();
        JsonNode field = draft.path("fields").get(0);
        assertThat(field.path("budget").decimalValue()).isEqualByComparingTo("2000.50");
        assertThat(field.path("fundingLine").asText()).isEqualTo("PTAP 2027, missione 1");
        assertThat(draft.path("fields").get(1).path("budget").isMissingNode() || draft.path("fields").get(1).path("budget").isNull())
                .as("a field without money of its own").isTrue();
        JsonNode indicators = draft.path("actions").get(0).path("indicators");
        assertThat(indicators.get(0).path("years").toString()).as("every year the action runs").isEqualTo("[]");
        assertThat(indicators.get(1).path("years").toString()).isEqualTo("[3]");
        assertThat(indicators.get(1).path("targetYear3").decimalValue()).isEqualByComparingTo("80");
        // Shown again from the saved plan: the amount as a clerk writes it, the year ticked and no other.
        assertThat(page).contains("Bozza salvata.", "value=\"2.000,50\"", "value=\"PTAP 2027, missione 1\"");
        assertThat(ticked(page, "p-actions-0-indicators-1-years-3")).isTrue();
        assertThat(ticked(page, "p-actions-0-indicators-1-years-1")).isFalse();
        assertThat(ticked(page, "p-actions-0-indicators-0-years-3")).isFalse();
        assertThat(html(driver.workingGroup, editor + "?lang=en")).contains("value=\"2000.50\"", "Field budget",
                "Years measured");

        // Moved, the field keeps its money and the indicator its year.
        page = ok(send(driver.workingGroup, Form.of(page).press("indicatore-su:0:1"), editor));
        page = ok(send(driver.workingGroup, Form.of(page).press("campo-giu:0"), editor));
        draft = json(driver.workingGroup, id);
        assertThat(draft.path("fields").findValuesAsText("code")).containsExactly("2", "1");
        assertThat(draft.path("fields").get(1).path("budget").decimalValue()).isEqualByComparingTo("2000.50");
        assertThat(draft.path("fields").get(1).path("fundingLine").asText()).isEqualTo("PTAP 2027, missione 1");
        indicators = draft.path("actions").get(0).path("indicators");
        assertThat(indicators.findValuesAsText("name")).containsExactly("Dipendenti soddisfatti",
                "Dipendenti con orario flessibile");
        assertThat(indicators.get(0).path("years").toString()).isEqualTo("[3]");
        assertThat(input(page, "p-fields-1-budget")).contains("value=\"2.000,50\"");
        assertThat(ticked(page, "p-actions-0-indicators-0-years-3")).isTrue();

        // Deleted, the indicator before it takes its place with its own years (none).
        ok(send(driver.workingGroup, Form.of(page).press("indicatore-elimina:0:0"), editor));
        indicators = json(driver.workingGroup, id).path("actions").get(0).path("indicators");
        assertThat(indicators).hasSize(1);
        assertThat(indicators.get(0).path("years").toString()).isEqualTo("[]");
    }

    @Test
    void aFieldBudgetWithoutItsFundingLineAndAnIndicatorYearTheActionDoesNotRunInAreRefusedBesideTheirInputs()
            throws Exception {
        long id = driver.runToPlanDrafting();
        driver.draftPlan(id);
        String editor = editor(id);
        // Action 2.1 runs in year 1 only.
        Form form = Form.of(html(driver.workingGroup, editor)).set("fields[0].budget", "mille")
                .set("fields[1].budget", "750").check("actions[1].indicators[0].years", "1")
                .check("actions[1].indicators[0].years", "3");

        MockHttpServletResponse refused = send(driver.workingGroup, form.press("salva"), editor);

        assertThat(refused.getStatus()).isEqualTo(400);
        String page = refused.getContentAsString();
        assertThat(page).contains("La bozza non è stata salvata: ci sono 3 errori da correggere",
                "href=\"#p-fields-0-budget\">Campo di indagine 1, budget del campo: Scrivere un numero, ad esempio 1.234,50",
                "href=\"#p-fields-1-fundingLine\">Campo di indagine 2, fonte di finanziamento: Indicare la fonte di finanziamento del budget",
                "href=\"#p-actions-1-indicators-0-years-1\">Azione 2.1, indicatore 1, anni di misura: L&#39;azione non si svolge nell&#39;anno 3",
                // Beside each input, which names it.
                "<div id=\"e-p-fields-1-fundingLine\" class=\"invalid-feedback d-block mb-1\">Indicare la fonte di finanziamento del budget</div>",
                "<div id=\"e-p-actions-1-indicators-0-years\" class=\"invalid-feedback d-block mb-1\">L&#39;azione non si svolge nell&#39;anno 3",
                opened(1));
        assertThat(input(page, "p-fields-1-fundingLine")).contains("is-invalid", "aria-invalid=\"true\"",
                "aria-describedby=\"e-p-fields-1-fundingLine\"");
        assertThat(input(page, "p-fields-0-budget")).contains("value=\"mille\"", "aria-invalid=\"true\"",
                "aria-describedby=\"e-p-fields-0-budget p-fields-0-budget-aiuto\"");
        assertThat(input(page, "p-fields-1-budget")).contains("value=\"750\"").doesNotContain("aria-invalid");
        for (int year = 1; year <= 3; year++) {
            assertThat(input(page, "p-actions-1-indicators-0-years-" + year)).contains("aria-invalid=\"true\"",
                    "aria-describedby=\"e-p-actions-1-indicators-0-years p-actions-1-indicators-0-years-aiuto\"");
        }
        // What was ticked, kept.
        assertThat(ticked(page, "p-actions-1-indicators-0-years-1")).isTrue();
        assertThat(ticked(page, "p-actions-1-indicators-0-years-2")).isFalse();
        assertThat(ticked(page, "p-actions-1-indicators-0-years-3")).isTrue();
        JsonNode draft = json(driver.workingGroup, id);
        assertThat(draft.path("fields").get(1).path("budget").isMissingNode() || draft.path("fields").get(1).path("budget").isNull())
                .as("nothing stored").isTrue();
        assertThat(draft.path("actions").get(1).path("indicators").get(0).path("years").toString()).isEqualTo("[]");

        // Moving a field of a refused form moves what was typed in it, and its errors with it.
        MockHttpServletResponse moved = send(driver.workingGroup, Form.of(page).press("campo-giu:0"), editor);
        assertThat(moved.getStatus()).isEqualTo(400);
        page = moved.getContentAsString();
        assertThat(page).contains("href=\"#p-fields-1-budget\">Campo di indagine 1, budget del campo: Scrivere un numero",
                "href=\"#p-fields-0-fundingLine\">Campo di indagine 2, fonte di finanziamento:",
                "href=\"#p-actions-1-indicators-0-years-1\">Azione 2.1, indicatore 1, anni di misura:");
        assertThat(input(page, "p-fields-0-budget")).contains("name=\"fields[0].budget\"", "value=\"750\"");
        assertThat(input(page, "p-fields-1-budget")).contains("name=\"fields[1].budget\"", "value=\"mille\"");
        assertThat(ticked(page, "p-actions-1-indicators-0-years-3")).isTrue();

        // Once the funding line is given, the amount read and the year the action does not run in unticked, it is saved.
        ok(send(driver.workingGroup, Form.of(page).set("fields[1].budget", "1.000")
                .set("fields[1].fundingLine", "Bilancio comunale").set("fields[0].fundingLine", "Fondo regionale").uncheck("actions[1].indicators[0].years")
                .check("actions[1].indicators[0].years", "1").press("salva"), editor));
        draft = json(driver.workingGroup, id);
        assertThat(draft.path("fields").get(0).path("budget").decimalValue()).isEqualByComparingTo("750");
        assertThat(draft.path("fields").get(0).path("fundingLine").asText()).isEqualTo("Fondo regionale");
        assertThat(draft.path("fields").get(1).path("budget").decimalValue()).isEqualByComparingTo("1000");
        assertThat(draft.path("actions").get(1).path("indicators").get(0).path("years").toString()).isEqualTo("[1]");
    }

    @Test
    void theEditorIsForThoseWhoDraftThePlanWhileItIsDrafted() throws Exception {
        long id = driver.runToPlanDrafting();
        String editor = editor(id);
        assertThat(open(driver.referent, get(editor)).getStatus()).isEqualTo(200);
        assertThat(open("consultant", get(editor)).getStatus()).isEqualTo(200);
        assertThat(open(driver.manager, get(editor)).getStatus()).isEqualTo(403);
        assertThat(open(driver.manager, post(editor).param("title", "x")).getStatus()).isEqualTo(403);
        assertThat(open("evaluator", get(editor)).getStatus()).isEqualTo(403);
        assertThat(open("agency", get(editor)).getStatus()).isEqualTo(403);
        ApiDriver other = new ApiDriver(mvc, json, identity, organizations, management);
        assertThat(open(other.workingGroup, get(editor)).getStatus()).isEqualTo(404);
        assertThat(open(other.workingGroup, get("/certificazioni/" + id + "/piano/confronto")).getStatus()).isEqualTo(404);
        assertThat(html(driver.workingGroup, editor + "?lang=en")).contains("Edit the action plan", "Save the draft",
                "Every field of investigation must have at least one action");
        // Without the form's token nothing is saved.
        assertThat(mvc.perform(post(editor).param("title", "Senza token").with(user(driver.workingGroup)))
                .andReturn().getResponse().getStatus()).isEqualTo(403);

        // The certification page and the drafting task lead to the editor, for those who may edit only.
        assertThat(html(driver.workingGroup, "/certificazioni/" + id)).contains("href=\"" + editor + "\"");
        assertThat(html(driver.manager, "/certificazioni/" + id)).doesNotContain("href=\"" + editor + "\"");
        assertThat(html(driver.workingGroup, "/attivita/" + driver.taskId(driver.workingGroup, "DraftPlanTask")))
                .contains("href=\"" + editor + "\"");

        driver.submitPlan();
        MockHttpServletResponse closed = open(driver.workingGroup, get(editor));
        assertThat(closed.getStatus()).isEqualTo(409);
        assertThat(closed.getContentAsString()).contains("Il piano si modifica durante la redazione");
        assertThat(html(driver.workingGroup, "/certificazioni/" + id)).doesNotContain("href=\"" + editor + "\"");
    }

    @Test
    void twoVersionsAreComparedInWords() throws Exception {
        long id = driver.runToCertificate();
        // The approved plan is changed through a revision, as the refusal says in the portal's words.
        MockHttpServletResponse approved = open(driver.referent, get(editor(id)));
        assertThat(approved.getStatus()).isEqualTo(409);
        assertThat(approved.getContentAsString()).contains("apre prima una revisione").doesNotContain("/api/");
        driver.ok(driver.referent, "POST", "/api/certifications/" + id + "/plan/revisions", null);
        assertThat(open(driver.referent, get(editor(id))).getStatus()).isEqualTo(200);
        JsonNode revision = json(driver.referent, id);
        Map<String, Object> plan = new LinkedHashMap<>(ApiDriver.smallPlan());
        plan.put("title", "Piano Family Audit 2027");
        List<Object> actions = new ArrayList<>((List<?>) plan.get("actions"));
        actions.add(Map.of("code", "2.2", "fieldCode", "2", "title", "Newsletter per le famiglie", "years", List.of(2, 3),
                "indicators", List.of(Map.of("name", "Numeri pubblicati", "targetYear2", 4))));
        plan.put("actions", actions);
        assertThat(driver.call(driver.referent, "PUT", "/api/certifications/" + id + "/plan/draft", plan)
                .getResponse().getStatus()).isEqualTo(200);
        assertThat(revision.path("version").path("versionNo").asInt()).isEqualTo(2);

        String compare = "/certificazioni/" + id + "/piano/confronto";
        for (String reader : List.of(driver.manager, "evaluator")) {
            String page = html(reader, compare + "?da=1&a=2");
            assertThat(page).contains("Dalla versione 1 (approvata) alla versione 2 (bozza)",
                    "Titolo del piano: ", "Piano Family Audit</span> →", "Piano Family Audit 2027",
                    "1 azione aggiunta", "2.2 · Newsletter per le famiglie (campo 2)")
                    .doesNotContain("azioni modificate");
        }
        // Without versions asked, the newest against the one before it; linked from the plan's section.
        assertThat(html(driver.manager, compare)).contains("Dalla versione 1 (approvata) alla versione 2 (bozza)");
        assertThat(html(driver.manager, "/certificazioni/" + id)).contains("href=\"" + compare + "?a=2\"");
        assertThat(open(driver.manager, get(compare + "?da=1&a=9")).getStatus()).isEqualTo(404);
    }

    @Test
    void aFieldsOwnBudgetAndAnIndicatorsYearsAreShownTotalledAndCompared() throws Exception {
        long id = driver.runToCertificate();
        driver.ok(driver.referent, "POST", "/api/certifications/" + id + "/plan/revisions", null);
        Map<String, Object> plan = new LinkedHashMap<>(ApiDriver.smallPlan());
        plan.put("fields", List.of(Map.of("code", "1", "name", "Organizzazione del lavoro", "budget", 3000,
                "fundingLine", "PIAO 2026, obiettivo 4"), Map.of("code", "2", "name", "Comunicazione")));
        plan.put("actions", List.of(Map.of("code", "1.1", "fieldCode", "1", "title", "Ripensare la flessibilità",
                        "owner", "Ufficio personale", "years", List.of(1, 2), "budget", 1500,
                        "fundingLine", "Bilancio, capitolo formazione",
                        "indicators", List.of(Map.of("name", "Dipendenti con orario flessibile", "unit", "%",
                                "baseline", 10, "targetYear2", 35, "years", List.of(2)))),
                ((List<?>) ApiDriver.smallPlan().get("actions")).get(1)));
        assertThat(driver.call(driver.referent, "PUT", "/api/certifications/" + id + "/plan/draft", plan)
                .getResponse().getStatus()).isEqualTo(200);

        String page = html(driver.manager, "/certificazioni/" + id + "?versione=2");
        assertThat(page).contains("costo previsto € 4.500,00 in tutto", "(€ 4.500,00)",
                "Budget del campo nel suo insieme: € 3.000,00", "Fonte di finanziamento: PIAO 2026, obiettivo 4",
                "Si misura negli anni");
        assertThat(page.replaceAll("\\s+", " ")).containsPattern("<td>2</td> </tr>");

        String compare = html(driver.manager, "/certificazioni/" + id + "/piano/confronto?da=1&a=2")
                .replaceAll("\\s+", " ");
        assertThat(compare).contains("1 · Organizzazione del lavoro", "Budget del campo: </span>",
                "€ 3.000,00", "Fonte di finanziamento del campo: </span>", "PIAO 2026, obiettivo 4",
                "ogni anno in cui si svolge l&#39;azione</td>");
    }

    @Test
    void aSpreadsheetMadeFromTheTemplateIsPreviewedAndStoredOnlyWhenConfirmed() throws Exception {
        long id = driver.runToPlanDrafting();
        MockHttpServletResponse template = open(driver.workingGroup, get("/certificazioni/" + id + "/piano/modello.xlsx"));
        assertThat(template.getStatus()).isEqualTo(200);
        assertThat(template.getHeader("Content-Disposition")).startsWith("attachment").contains("modello-piano.xlsx");
        assertThat(template.getContentType()).isEqualTo(XLSX);

        byte[] filled = fill(template.getContentAsByteArray());
        MockHttpSession session = new MockHttpSession();
        MockHttpServletResponse preview = upload(driver.workingGroup, id, session, "piano.xlsx", XLSX, filled);

        assertThat(preview.getStatus()).isEqualTo(200);
        assertThat(preview.getContentAsString()).contains("Il file «piano.xlsx» è stato letto senza errori",
                "Il piano del file ha 1 azione in 6 campi di indagine", "1 azione aggiunta",
                "1.1 · Sportello per i genitori (campo 1)", "Conferma: sostituisci la bozza con il file");
        assertThat(json(driver.workingGroup, id).path("actions")).isEmpty();

        Matcher token = Pattern.compile("name=\"file\" value=\"([^\"]+)\"").matcher(preview.getContentAsString());
        assertThat(token.find()).isTrue();
        // Someone saves the draft meanwhile: the changes are shown again, from the draft as it is now.
        Map<String, Object> renamed = new LinkedHashMap<>(Map.of("title", "Piano rinominato nel frattempo"));
        assertThat(driver.call(driver.referent, "PUT", "/api/certifications/" + id + "/plan/draft", renamed)
                .getResponse().getStatus()).isEqualTo(200);
        MockHttpServletResponse again = open(driver.workingGroup, post("/certificazioni/" + id
                + "/piano/bozza/importazione/conferma").param("file", token.group(1)).session(session));
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(again.getContentAsString()).contains("La bozza è stata modificata dopo la lettura del file",
                "Piano rinominato nel frattempo");
        assertThat(json(driver.workingGroup, id).path("actions")).isEmpty();
        MockHttpServletResponse confirmed = open(driver.workingGroup, post("/certificazioni/" + id
                + "/piano/bozza/importazione/conferma").param("file", token.group(1)).session(session));
        assertThat(confirmed.getStatus()).isEqualTo(303);
        assertThat(confirmed.getRedirectedUrl()).isEqualTo(editor(id));
        JsonNode action = json(driver.workingGroup, id).path("actions").get(0);
        assertThat(action.path("title").asText()).isEqualTo("Sportello per i genitori");
        assertThat(action.path("budget").decimalValue()).isEqualByComparingTo("2500");
        assertThat(action.path("indicators").get(0).path("targetYear1").decimalValue()).isEqualByComparingTo("40");

        // Confirmed once: the file is gone from the session.
        assertThat(open(driver.workingGroup, post("/certificazioni/" + id + "/piano/bozza/importazione/conferma")
                .param("file", token.group(1)).session(session)).getStatus()).isEqualTo(409);

        // The draft and any version download as spreadsheets, as attachments.
        MockHttpServletResponse csv = open(driver.workingGroup, get("/certificazioni/" + id + "/piano/1.csv"));
        assertThat(csv.getHeader("Content-Disposition")).startsWith("attachment").contains("piano-" + id + "-v1.csv");
        assertThat(csv.getContentAsString(StandardCharsets.UTF_8)).contains("Sportello per i genitori");
        assertThat(open("evaluator", get("/certificazioni/" + id + "/piano/1.xlsx")).getStatus()).isEqualTo(200);
    }

    @Test
    void aCsvWithABadRowNamesTheRowAndStoresNothing() throws Exception {
        long id = driver.runToPlanDrafting();
        String csv = ApiDriver.smallPlanCsv().replace(";1500;", ";millecinquecento;");
        MockHttpSession session = new MockHttpSession();

        MockHttpServletResponse refused = upload(driver.workingGroup, id, session, "piano.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));

        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("Il file «piano.csv» non può essere importato",
                "Nulla è stato salvato", "<th scope=\"row\">Riga 4</th>", "<td>Budget (euro)</td>",
                "Numero non valido: «millecinquecento»");
        assertThat(json(driver.workingGroup, id).path("actions")).isEmpty();
        assertThat(session.getAttribute(PlanImportPage.PENDING)).as("nothing kept for a confirmation").isNull();

        // The plan's own rules name the row and column too, never a path of the JSON.
        String target = ApiDriver.smallPlanCsv().replace("Suggerimenti raccolti;;;30;;;", "Suggerimenti raccolti;;;30;40;;");
        String ruled = upload(driver.workingGroup, id, session, "piano.csv", "text/csv",
                target.getBytes(StandardCharsets.UTF_8)).getContentAsString();
        assertThat(ruled).contains("<th scope=\"row\">Riga 5</th>", "<td>Target anno 2</td>",
                "L&#39;azione non si svolge nell&#39;anno 2").doesNotContain("actions[");
        assertThat(json(driver.workingGroup, id).path("actions")).isEmpty();
    }

    @Test
    void anEmptyFileAndAFileThatIsNoSpreadsheetGetAClearErrorNeverAServerError() throws Exception {
        long id = driver.runToPlanDrafting();
        MockHttpSession session = new MockHttpSession();
        assertThat(upload(driver.workingGroup, id, session, "piano.csv", "text/csv", new byte[0]).getContentAsString())
                .contains("Il file è vuoto.");
        MockHttpServletResponse pdf = upload(driver.workingGroup, id, session, "verbale.pdf", "application/pdf",
                "%PDF-1.7 verbale".getBytes(StandardCharsets.US_ASCII));
        assertThat(pdf.getStatus()).isEqualTo(400);
        assertThat(pdf.getContentAsString()).contains("Il file non è un foglio di calcolo: caricare un file Excel (.xlsx) o CSV.");
        MockHttpServletResponse fake = upload(driver.workingGroup, id, session, "piano.xlsx", XLSX,
                "non sono un foglio".getBytes(StandardCharsets.UTF_8));
        assertThat(fake.getStatus()).isEqualTo(400);
        assertThat(fake.getContentAsString()).contains("Tutto il file", "Il file non è un foglio di calcolo .xlsx");
        MockHttpServletResponse latin1 = upload(driver.workingGroup, id, session, "piano.csv", "text/csv",
                "Codice campo;Campo di indagine;Codice azione;Titolo\n1;Qualità;1.1;Più".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(latin1.getStatus()).isEqualTo(400);
        assertThat(latin1.getContentAsString()).contains("non è codificato in UTF-8");
        MockHttpServletResponse none = open(driver.workingGroup, multipart("/certificazioni/" + id + "/piano/bozza/importazione")
                .session(session));
        assertThat(none.getStatus()).isEqualTo(400);
        assertThat(none.getContentAsString()).contains("Scegliere il file da importare.");
        assertThat(json(driver.workingGroup, id).path("actions")).isEmpty();
    }

    /**
     * Not an assertion on time (this machine's speed varies with what else runs on it): the figures are
     * logged for the record, the first opening and then, on a server warmed up by a few more, the median.
     */
    @Test
    void aPlanOfFortyActionsOpensInTheEditor() throws Exception {
        long id = driver.runToPlanDrafting(ApiDriver.questionnaireAnswersWithSmallGroups());
        assertThat(driver.call(driver.workingGroup, "PUT", "/api/certifications/" + id + "/plan/draft", fortyActions())
                .getResponse().getStatus()).isEqualTo(200);
        String editor = editor(id);
        long start = System.nanoTime();
        String page = html(driver.workingGroup, editor);
        long first = (System.nanoTime() - start) / 1_000_000;
        assertThat(Pattern.compile("<details ").matcher(page).results().count()).isEqualTo(40);
        // The questionnaire's main needs are offered to cite.
        assertThat(page).contains("<select class=\"form-select\" id=\"p-actions-0-findingRef\"",
                "selected=\"selected\">Q-servizi-centri-estivi · Centri estivi per i figli (100%)</option>");
        for (int i = 0; i < 20; i++) {
            html(driver.workingGroup, editor);
        }
        long[] millis = new long[9];
        for (int i = 0; i < millis.length; i++) {
            start = System.nanoTime();
            html(driver.workingGroup, editor);
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        log.info("Plan editor with 40 actions: first opening {} ms; warm, median {} ms (fastest {}, slowest {}); page {} KB",
                first, millis[4], millis[0], millis[8], page.getBytes(StandardCharsets.UTF_8).length / 1024);
    }

    // --- Helpers ---------------------------------------------------------------------------------

    /** The tag of the input with this id, which must be on the page. */
    private static String input(String page, String id) {
        Matcher m = Pattern.compile("<input\\s[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(page);
        assertThat(m.find()).as("an input with id %s", id).isTrue();
        return m.group();
    }

    /** Whether the checkbox with this id is ticked. */
    private static boolean ticked(String page, String id) {
        return input(page, id).contains("checked=\"checked\"");
    }

    /** An action's details element, open. */
    private static String opened(int action) {
        return "id=\"p-actions-" + action + "\" class=\"fa-edit-action mb-3\" open";
    }

    private static String editor(long id) {
        return "/certificazioni/" + id + "/piano/bozza";
    }

    private JsonNode json(String user, long id) throws Exception {
        return driver.ok(user, "GET", "/api/certifications/" + id + "/plan", null);
    }

    private List<String> codes(long id) throws Exception {
        return json(driver.workingGroup, id).path("actions").findValuesAsText("code");
    }

    private static String ok(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString();
    }

    private MockHttpServletResponse send(String who, Form form, String path) throws Exception {
        return open(who, post(path).params(form.values));
    }

    private MockHttpServletResponse upload(String who, long id, MockHttpSession session, String name, String type,
                                           byte[] file) throws Exception {
        return open(who, multipart("/certificazioni/" + id + "/piano/bozza/importazione")
                .file(new MockMultipartFile("file", name, type, file)).session(session));
    }

    private MockHttpServletResponse open(String who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(who)).with(csrf())).andReturn().getResponse();
    }

    /** The template with an action and its indicator written in, as a clerk fills it in a spreadsheet. */
    private static byte[] fill(byte[] template) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.getSheet("Piano");
            Map<String, Integer> columns = new LinkedHashMap<>();
            sheet.getRow(0).forEach(cell -> columns.put(cell.getStringCellValue(), cell.getColumnIndex()));
            Row row = sheet.createRow(sheet.getLastRowNum() + 1);
            row.createCell(columns.get("Codice campo")).setCellValue("1");
            row.createCell(columns.get("Codice azione")).setCellValue("1.1");
            row.createCell(columns.get("Titolo")).setCellValue("Sportello per i genitori");
            row.createCell(columns.get("Anni del piano")).setCellValue("1,2,3");
            row.createCell(columns.get("Budget (euro)")).setCellValue(2500);
            row.createCell(columns.get("Linea di finanziamento")).setCellValue("Bilancio 2027");
            row.createCell(columns.get("Indicatore")).setCellValue("Genitori ricevuti");
            row.createCell(columns.get("Target anno 1")).setCellValue(40);
            book.write(out);
            return out.toByteArray();
        }
    }

    private static Map<String, Object> fortyActions() {
        List<Map<String, Object>> fields = new ArrayList<>();
        List<Map<String, Object>> actions = new ArrayList<>();
        for (int f = 1; f <= 8; f++) {
            fields.add(Map.of("code", String.valueOf(f), "name", "Campo di indagine numero " + f));
            for (int a = 1; a <= 5; a++) {
                Map<String, Object> action = new LinkedHashMap<>();
                action.put("code", f + "." + a);
                action.put("fieldCode", String.valueOf(f));
                action.put("title", "Azione " + f + "." + a + " per la conciliazione tra vita e lavoro");
                action.put("description", "Descrizione dell'azione, su più righe.\n".repeat(8));
                action.put("objective", "Obiettivo misurabile dell'azione " + f + "." + a);
                action.put("activities", "Attività previste: incontri, questionari, formazione.\n".repeat(5));
                action.put("owner", "Ufficio del personale");
                action.put("actors", "Dirigenti e gruppo di lavoro");
                action.put("recipients", "Tutti i dipendenti");
                action.put("years", List.of(1, 2, 3));
                action.put("deadline", "2028-12-31");
                action.put("budget", 1234.5);
                action.put("fundingLine", "Bilancio, capitolo " + f);
                action.put("findingRef", "Q-servizi-centri-estivi");
                action.put("ptapRef", "PTAP obiettivo " + f);
                action.put("indicators", List.of(
                        Map.of("name", "Dipendenti coinvolti", "unit", "%", "baseline", 10, "targetYear1", 20,
                                "targetYear2", 30, "targetYear3", 40),
                        Map.of("name", "Incontri svolti", "baseline", 0, "targetYear1", 2, "targetYear2", 4,
                                "targetYear3", 6)));
                actions.add(action);
            }
        }
        return Map.of("title", "Piano di quaranta azioni", "fieldsMandatory", true, "fields", fields, "actions", actions);
    }

    /**
     * A form as the browser would send it: every input of the editor's form with its value as shown,
     * checkboxes only when ticked, a select's chosen option; then the button pressed.
     */
    private static final class Form {

        private static final Pattern FORM = Pattern.compile("(?s)<form id=\"piano\".*?</form>");
        private static final Pattern INPUT = Pattern.compile("<input\\s([^>]*)>");
        private static final Pattern TEXTAREA = Pattern.compile("(?s)<textarea\\s([^>]*)>(.*?)</textarea>");
        private static final Pattern SELECT = Pattern.compile("(?s)<select\\s([^>]*)>(.*?)</select>");
        private static final Pattern OPTION = Pattern.compile("<option\\s([^>]*)>");

        final MultiValueMap<String, String> values = new LinkedMultiValueMap<>();

        static Form of(String page) {
            Matcher form = FORM.matcher(page);
            assertThat(form.find()).as("the editor's form").isTrue();
            String html = form.group();
            Form f = new Form();
            for (Matcher m = INPUT.matcher(html); m.find(); ) {
                String attributes = m.group(1);
                String name = attribute(attributes, "name");
                String type = attribute(attributes, "type");
                if (name == null || "_csrf".equals(name) || "file".equals(type)
                        || "checkbox".equals(type) && !attributes.contains("checked")) {
                    continue;
                }
                f.values.add(name, attribute(attributes, "value") == null ? "" : attribute(attributes, "value"));
            }
            for (Matcher m = TEXTAREA.matcher(html); m.find(); ) {
                f.values.add(attribute(m.group(1), "name"), unescape(m.group(2)));
            }
            for (Matcher m = SELECT.matcher(html); m.find(); ) {
                String chosen = "";
                for (Matcher o = OPTION.matcher(m.group(2)); o.find(); ) {
                    if (o.group(1).contains("selected")) {
                        chosen = attribute(o.group(1), "value");
                    }
                }
                f.values.add(attribute(m.group(1), "name"), chosen);
            }
            return f;
        }

        Form set(String name, String value) {
            values.put(name, new ArrayList<>(List.of(value)));
            return this;
        }

        Form check(String name, String value) {
            values.add(name, value);
            return this;
        }

        Form uncheck(String name) {
            values.remove(name);
            return this;
        }

        Form press(String button) {
            values.put("_azione", new ArrayList<>(List.of(button)));
            return this;
        }

        private static String attribute(String attributes, String name) {
            Matcher m = Pattern.compile("(?:^|\\s)" + name + "=\"([^\"]*)\"").matcher(attributes);
            return m.find() ? unescape(m.group(1)) : null;
        }

        private static String unescape(String html) {
            return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                    .replace("&amp;", "&");
        }
    }
}
