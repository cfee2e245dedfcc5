package it.familyaudit.workflow.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import it.familyaudit.workflow.monitoring.MonitoringRepository;
import it.familyaudit.workflow.security.Roles;
import it.familyaudit.workflow.support.ApiDriver;
import it.familyaudit.workflow.support.PortalTestBase;
import it.familyaudit.workflow.support.MonitoringApiDriver;
import it.familyaudit.workflow.tasks.FormRegistry;
import it.familyaudit.workflow.tasks.FormSchema;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Every task done in the portal, from its own {@code .form}: each form draws as Bootstrap Italia
 * controls with every field, a completion takes the same path as the API (same rules, same
 * records, same refusals), errors come back all at once with what was typed, and nothing a user
 * can send gets a server error.
 */
class PortalTaskFormTest extends PortalTestBase {

    private static final Pattern INPUT_NAME = Pattern.compile("<(?:input|select|textarea)\\b[^>]*\\bname=\"([^\"]+)\"");
    private static final Set<String> INPUT_TYPES =
            Set.of("textfield", "textarea", "number", "select", "radio", "checkbox", "checklist", "datetime");

    @Autowired
    FormRegistry forms;
    @Autowired
    SpringTemplateEngine templates;
    @Autowired
    MonitoringRepository rounds;

    @Test
    void everyFormDrawsEveryOneOfItsFieldsAsAnInput() {
        assertThat(forms.ids()).hasSizeGreaterThan(20);
        for (String id : forms.ids()) {
            FormSchema schema = forms.get(id);
            // One row in every list, so that the inputs of its rows are drawn too.
            Map<String, Integer> oneRow = new HashMap<>();
            TaskForm.defaultRows(schema.json()).keySet().forEach(key -> oneRow.put(key, 1));
            TaskForm form = TaskForm.of(schema.json(), FormState.of(schema, Map.of(), oneRow), Map.of(), List.of(), null);
            String html = templates.process("portal/form", Set.of("parts"),
                    new Context(Locale.ITALIAN, Map.of("parts", form.parts())));

            assertThat(names(html)).as(id).containsAll(expectedNames(schema.json().path("components"), ""));
            assertThat(html).as(id).doesNotContain("**", "<script");
        }
    }

    @Test
    void eachTaskOfTheCycleUpToThePlanOpensAsAPageWithItsFormAndItsValues() throws Exception {
        long id = driver.start();
        checkPage(driver.referent, "SubmitApplicationTask");
        driver.completeOk(driver.referent, "SubmitApplicationTask", ApiDriver.application(120));
        // The fee the application decided is shown, read-only, on the agency's next form.
        String payment = checkPage("agency", "RecordPaymentTask");
        assertThat(payment).containsPattern("name=\"feeAmount\" value=\"1000\"[^>]*readonly");
        driver.completeOk("agency", "RecordPaymentTask", ApiDriver.payment(1000));
        // Options the process gives the task (valuesKey) are the select's options.
        assertThat(checkPage("agency", "AssignProfessionalsTask")).contains("<option value=\"consultant\"",
                "<option value=\"evaluator\"");
        driver.completeOk("agency", "AssignProfessionalsTask", ApiDriver.professionals("consultant", "evaluator"));
        checkPage("consultant", "RecordKickoffWorkshopTask");
        driver.completeOk("consultant", "RecordKickoffWorkshopTask",
                ApiDriver.kickoff(LocalDate.parse(ApiDriver.today())));
        checkPage(driver.manager, "FormWorkingGroupTask");
        driver.completeOk(driver.manager, "FormWorkingGroupTask", ApiDriver.workingGroup());
        checkPage(driver.referent, "OpenQuestionnaireCampaignTask");
        driver.runNeedsQuestionnaire();
        String draft = checkPage(driver.workingGroup, "DraftPlanTask");
        assertThat(draft).contains("nella pagina della certificazione").doesNotContain("/api/");
        assertThat(driver.status(id).path("phase").asText()).isEqualTo("PLAN_DRAFTING");
    }

    @Test
    void completingTheApplicationInThePortalMovesTheCycleOnAsTheApiDoes() throws Exception {
        long id = driver.start();
        String task = driver.taskId(driver.referent, "SubmitApplicationTask");
        String page = html(driver.referent, "/attivita/" + task);
        assertThat(page).contains("Presentare la domanda", "Comune di Prova", "Referente interno",
                "Ambito della certificazione", "aria-required=\"true\"", "type=\"date\"", "type=\"number\"",
                "step=\"1\"", "min=\"1\"", "aria-describedby=\"f-employeesInvolved-aiuto\"",
                "La quota di certificazione viene calcolata in base a questo numero.", "<strong>Domanda di certificazione");

        MvcResult done = mvc.perform(submit(driver.referent, task, application(Map.of()))).andReturn();
        assertThat(done.getResponse().getStatus()).as(done.getResponse().getContentAsString()).isEqualTo(303);
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/certificazioni/" + id);
        Object flash = done.getFlashMap().get("flash");
        assertThat(flash).isEqualTo("Attività completata: Presentare la domanda");
        assertThat(mvc.perform(get("/certificazioni/" + id).with(user(driver.referent)).flashAttr("flash", flash))
                .andReturn().getResponse().getContentAsString()).contains("Attività completata: Presentare la domanda");

        // The same application through the API leaves its certification exactly where the portal's is.
        ApiDriver api = new ApiDriver(mvc, json, identity, organizations, management);
        long viaApi = api.start();
        api.completeOk(api.referent, "SubmitApplicationTask", ApiDriver.application(120));
        JsonNode portal = driver.status(id);
        JsonNode expected = api.status(viaApi);
        for (String field : List.of("phase", "status", "employeesInvolved", "feeAmount", "referent")) {
            assertThat(portal.path(field)).as(field).isEqualTo(expected.path(field));
        }
        assertThat(taskKeys(portal)).isEqualTo(taskKeys(expected)).containsExactly("RecordPaymentTask");
        assertThat(portal.path("timeline").toString()).contains("Domanda presentata: 120 dipendenti coinvolti");

        // A second submission of the same form, as a double click sends it: the task is done.
        MockHttpServletResponse again = mvc.perform(submit(driver.referent, task, application(Map.of())))
                .andReturn().getResponse();
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(again.getContentAsString()).contains("Attività già completata", "Non è possibile in questo momento");
        assertThat(open(driver.referent, "/attivita/" + task).getStatus()).isEqualTo(409);
    }

    @Test
    void emptyRequiredFieldsAreAllListedAtTheTopAndBesideEachFieldWithWhatWasTyped() throws Exception {
        driver.start();
        String task = driver.taskId(driver.referent, "SubmitApplicationTask");

        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("scopeUnits", "Ufficio <b>personale</b>");
        typed.put("referentPhone", "+39 0583 4281");
        typed.put("employeesInvolved", "abc");
        MockHttpServletResponse refused = mvc.perform(submit(driver.referent, task, typed)).andReturn().getResponse();
        String page = refused.getContentAsString();

        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(page).contains("<title>Errore: Presentare la domanda", "Alcuni campi vanno corretti",
                "class=\"alert alert-danger\"");
        // Every error at once, each a link to its field, and each beside its field.
        for (String field : List.of("scope", "internalActNumber", "internalActDate", "referentName", "referentEmail")) {
            assertThat(page).as(field).contains("href=\"#f-" + field + "\"", "id=\"f-" + field + "-errore\"");
        }
        assertThat(page).contains("Dipendenti coinvolti: Deve essere un numero", "href=\"#f-employeesInvolved\"",
                "Nome e cognome del referente: Campo obbligatorio");
        assertThat(errorsListed(page)).isEqualTo(6);
        assertThat(page).containsPattern("id=\"f-referentName\"[^>]*aria-invalid=\"true\"")
                .containsPattern("class=\"form-control is-invalid\"[^>]*id=\"f-referentName\"")
                .containsPattern("aria-describedby=\"f-employeesInvolved-aiuto f-employeesInvolved-errore\"");
        // What was typed is there again, escaped; the task is still open.
        assertThat(page).contains("Ufficio &lt;b&gt;personale&lt;/b&gt;</textarea>", "value=\"+39 0583 4281\"",
                "value=\"abc\"").doesNotContain("<b>personale");
        assertThat(driver.taskId(driver.referent, "SubmitApplicationTask")).isEqualTo(task);
        assertNoFailure(page);

        // The form's other checks answer the same way: a wrong e-mail, a date not in the form's format.
        MockHttpServletResponse wrong = mvc.perform(submit(driver.referent, task,
                application(Map.of("referentEmail", "giulia", "internalActDate", "31 marzo")))).andReturn().getResponse();
        assertThat(wrong.getStatus()).isEqualTo(400);
        assertThat(wrong.getContentAsString()).contains("Indirizzo e-mail non valido",
                "Data non valida: usare il formato AAAA-MM-GG", "value=\"31 marzo\"");
        assertThat(errorsListed(wrong.getContentAsString())).isEqualTo(2);
    }

    @Test
    void addressesAndRolesThatMayNotGetTheirPagesAndNeverAServerError() throws Exception {
        driver.start();
        String task = driver.taskId(driver.referent, "SubmitApplicationTask");
        ApiDriver other = new ApiDriver(mvc, json, identity, organizations, management);

        MockHttpServletResponse unknown = open(driver.referent, "/attivita/no-such-task");
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(unknown.getContentAsString()).contains("Pagina non trovata");
        assertThat(mvc.perform(submit(driver.referent, "no-such-task", Map.of())).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        // Another organisation's task does not exist for its reader; another role's is not theirs.
        assertThat(open(other.referent, "/attivita/" + task).getStatus()).isEqualTo(404);
        assertThat(mvc.perform(submit(other.referent, task, application(Map.of()))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        MockHttpServletResponse otherRole = open(driver.manager, "/attivita/" + task);
        assertThat(otherRole.getStatus()).isEqualTo(403);
        assertThat(otherRole.getContentAsString()).contains("Non hai accesso a questa pagina", "referent")
                .satisfies(this::assertNoFailure);
        assertThat(open("admin", "/attivita/" + task).getStatus()).isEqualTo(404);
        // A visitor is sent to the sign-in; a form without the CSRF token is refused.
        assertThat(mvc.perform(get("/attivita/" + task)).andReturn().getResponse().getStatus()).isEqualTo(302);
        MockHttpServletRequestBuilder forged = post("/attivita/" + task).with(user(driver.referent));
        application(Map.of()).forEach(forged::param);
        MockHttpServletResponse noToken = mvc.perform(forged).andReturn().getResponse();
        assertThat(noToken.getStatus()).isEqualTo(403);
        assertNoFailure(noToken.getContentAsString());
        assertThat(driver.taskId(driver.referent, "SubmitApplicationTask")).isEqualTo(task);
        // Whatever is sent, the answer is a page, never a failure.
        Map<String, String> odd = new LinkedHashMap<>();
        odd.put("employeesInvolved", "1e400");
        odd.put("internalActDate", "2026-02-30");
        odd.put("scope", "everything");
        odd.put("unknownField", "x");
        odd.put("members[99999].name", "x");
        odd.put(TaskPage.REMOVE_ROW, "members[abc]");
        MockHttpServletResponse strange = mvc.perform(submit(driver.referent, task, odd)).andReturn().getResponse();
        assertThat(strange.getStatus()).isEqualTo(200); // a remove button of a list this form lacks: drawn again
        odd.remove(TaskPage.REMOVE_ROW);
        strange = mvc.perform(submit(driver.referent, task, odd)).andReturn().getResponse();
        assertThat(strange.getStatus()).isEqualTo(400);
        assertThat(strange.getContentAsString()).contains("Valore non ammesso", "Data non valida");
        assertNoFailure(strange.getContentAsString());
    }

    @Test
    void rowsOfAListAreAddedAndRemovedWithoutJavaScriptKeepingWhatWasTyped() throws Exception {
        long id = toWorkingGroup();
        String task = driver.taskId(driver.manager, "FormWorkingGroupTask");
        String page = html(driver.manager, "/attivita/" + task);
        assertThat(page).contains("Membri del gruppo di lavoro", "Riga 1", "name=\"members[0].memberName\"",
                "name=\"_aggiungi\" value=\"members\"", "name=\"_rimuovi\" value=\"members[0]\"")
                .doesNotContain("Riga 2");

        Map<String, String> rows = new LinkedHashMap<>(member(0, "Sara Neri", "F"));
        rows.put(TaskPage.ADD_ROW, "members");
        String added = mvc.perform(submit(driver.manager, task, rows)).andReturn().getResponse().getContentAsString();
        assertThat(added).contains("Riga 2", "value=\"Sara Neri\"", "name=\"members[1].memberName\"")
                .containsPattern("id=\"f-members-1-memberName\"[^>]*autofocus");

        Map<String, String> two = new LinkedHashMap<>(member(0, "Sara Neri", "F"));
        two.putAll(member(1, "Mario Blu", "M"));
        two.put(TaskPage.REMOVE_ROW, "members[0]");
        String removed = mvc.perform(submit(driver.manager, task, two)).andReturn().getResponse().getContentAsString();
        assertThat(removed).contains("value=\"Mario Blu\"").doesNotContain("Sara Neri", "Riga 2");

        // An error in a row names the list, the row and the field, and leads to it.
        Map<String, String> incomplete = new LinkedHashMap<>(member(0, "Sara Neri", "F"));
        incomplete.putAll(member(1, "Mario Blu", ""));
        String refused = mvc.perform(submit(driver.manager, task, incomplete)).andReturn().getResponse()
                .getContentAsString();
        assertThat(refused).contains("Membri del gruppo di lavoro, riga 2, Genere: Campo obbligatorio",
                "href=\"#f-members-1-gender\"", "value=\"Mario Blu\"");

        Map<String, String> five = new LinkedHashMap<>();
        String[][] people = {{"Sara Neri", "F"}, {"Mario Blu", "M"}, {"Anna Rosa", "F"}, {"Luca Verdi", "M"},
            {"Ida Gialli", "F"}};
        for (int i = 0; i < people.length; i++) {
            five.putAll(member(i, people[i][0], people[i][1]));
        }
        five.put("groupNote", "Rappresentativo");
        MvcResult done = mvc.perform(submit(driver.manager, task, five)).andReturn();
        assertThat(done.getResponse().getStatus()).as(done.getResponse().getContentAsString()).isEqualTo(303);
        assertThat(taskKeys(driver.status(id))).contains("OpenQuestionnaireCampaignTask");
    }

    @Test
    void aYearlyReportIsCompiledInThePortalFromTheRowsItsTaskShows() throws Exception {
        long id = driver.runToCertificate();
        MonitoringApiDriver monitoring = new MonitoringApiDriver(driver, management, rounds);
        monitoring.open(id);
        String task = driver.taskId(driver.referent, "CompileMonitoringReportTask");
        String page = html(driver.referent, "/attivita/" + task);
        assertThat(page).contains("Stato delle azioni", "Riga 1: 1.1 · Ripensare la flessibilità",
                "name=\"actionReports[0].actionCode\" value=\"1.1\"", "Sintesi del rapporto");

        // What the page shows goes back as it is (the rows' read-only inputs too), with a state for
        // every action and a measure for every indicator.
        Map<String, String> shown = inputs(page);
        Map<String, String> report = new LinkedHashMap<>();
        shown.forEach((name, value) -> {
            if (name.startsWith("actionReports[") || name.startsWith("indicatorValues[")) {
                report.put(name, value);
            }
        });
        report.replaceAll((name, value) -> name.endsWith(".state") ? "done"
                : name.endsWith(".measuredValue") ? "42,5" : value);
        assertThat(report).containsKeys("actionReports[1].state", "indicatorValues[1].measuredValue");
        MvcResult done = mvc.perform(submit(driver.referent, task, report)).andReturn();
        assertThat(done.getResponse().getStatus()).as(done.getResponse().getContentAsString()).isEqualTo(303);
        assertThat(taskKeys(driver.status(id))).contains("ApproveMonitoringReportTask");
        assertThat(monitoring.actions(id)).allSatisfy(a -> assertThat(a.state().name()).isEqualTo("DONE"));
    }

    @Test
    void aGroupsTaskIsTakenOnAndReleasedAndOthersSeeWhoHasIt() throws Exception {
        driver.start();
        String task = driver.taskId(driver.referent, "SubmitApplicationTask");
        String colleague = colleagueOf(Roles.REFERENT);

        assertThat(html(driver.referent, "/attivita/" + task)).contains("Prendi in carico", "nessuno");
        MvcResult claimed = mvc.perform(post("/attivita/" + task + "/presa-in-carico").with(user(driver.referent))
                .with(csrf())).andReturn();
        assertThat(claimed.getResponse().getStatus()).isEqualTo(303);
        assertThat(claimed.getResponse().getRedirectedUrl()).isEqualTo("/attivita/" + task);
        assertThat(html(driver.referent, "/attivita/" + task)).contains("in carico a te", "Rilascia")
                .doesNotContain("Prendi in carico");
        String seenByColleague = html(colleague, "/attivita/" + task);
        assertThat(seenByColleague).contains("Utente " + driver.referent, "Puoi comunque completarla")
                .doesNotContain("Prendi in carico", ">Rilascia<");
        // Only who has it releases it; nobody else takes it meanwhile.
        assertThat(mvc.perform(post("/attivita/" + task + "/rilascio").with(user(colleague)).with(csrf())).andReturn()
                .getResponse().getStatus()).isEqualTo(409);
        assertThat(mvc.perform(post("/attivita/" + task + "/presa-in-carico").with(user(colleague)).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(409);
        assertThat(mvc.perform(post("/attivita/" + task + "/presa-in-carico").with(user(driver.manager)).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/attivita/" + task + "/rilascio").with(user(driver.referent))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);

        assertThat(mvc.perform(post("/attivita/" + task + "/rilascio").with(user(driver.referent)).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(303);
        assertThat(html(colleague, "/attivita/" + task)).contains("Prendi in carico", "nessuno");
        // The API's task list says who has it too.
        mvc.perform(post("/attivita/" + task + "/presa-in-carico").with(user(colleague)).with(csrf()));
        assertThat(driver.ok(driver.referent, "GET", "/api/tasks/" + task, null).path("task").path("assignee")
                .asText()).isEqualTo(colleague);
        // Anyone of the group may still complete it, as in Tasklist.
        assertThat(mvc.perform(submit(driver.referent, task, application(Map.of()))).andReturn().getResponse()
                .getStatus()).isEqualTo(303);
    }

    @Test
    void theTaskListsLeadToThePortalsPageAndStillToTasklist() throws Exception {
        long id = driver.start();
        String task = driver.taskId(driver.referent, "SubmitApplicationTask");
        for (String page : List.of("/", "/certificazioni/" + id)) {
            assertThat(html(driver.referent, page)).as(page).contains("href=\"/attivita/" + task + "\"",
                    "href=\"/camunda/app/tasklist/default/#/?task=" + task + "\"", "Apri in Tasklist");
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** Opens the page of the open task with this key as this user: every field of its form is an input. */
    private String checkPage(String who, String taskKey) throws Exception {
        String task = driver.taskId(who, taskKey);
        String page = html(who, "/attivita/" + task);
        JsonNode detail = driver.ok(who, "GET", "/api/tasks/" + task, null);
        List<String> names = names(page);
        for (String expected : expectedNames(detail.path("formSchema").path("components"), "")) {
            if (!expected.contains("[")) {
                assertThat(names).as(taskKey).contains(expected);
            }
        }
        assertNoFailure(page);
        return page;
    }

    private static List<String> expectedNames(JsonNode components, String prefix) {
        List<String> names = new ArrayList<>();
        for (JsonNode c : components) {
            String type = c.path("type").asText();
            if (type.equals("group")) {
                names.addAll(expectedNames(c.path("components"), prefix));
            } else if (type.equals("dynamiclist")) {
                names.addAll(expectedNames(c.path("components"), c.path("path").asText() + "[0]."));
            } else if (INPUT_TYPES.contains(type)) {
                names.add(prefix + c.path("key").asText());
            }
        }
        return names;
    }

    private static List<String> names(String html) {
        List<String> names = new ArrayList<>();
        Matcher m = INPUT_NAME.matcher(html);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Every input's name and value as the page shows it (a select's chosen option, a text area's text). */
    private static Map<String, String> inputs(String page) {
        Map<String, String> inputs = new LinkedHashMap<>();
        Matcher input = Pattern.compile("<input\\b[^>]*>").matcher(page);
        while (input.find()) {
            Matcher name = Pattern.compile("\\bname=\"([^\"]*)\"").matcher(input.group());
            Matcher value = Pattern.compile("\\bvalue=\"([^\"]*)\"").matcher(input.group());
            if (name.find() && !input.group().contains("type=\"radio\"") && !input.group().contains("type=\"checkbox\"")) {
                inputs.put(name.group(1), value.find() ? HtmlUtils.htmlUnescape(value.group(1)) : "");
            }
        }
        Matcher select = Pattern.compile("(?s)<select\\b[^>]*\\bname=\"([^\"]*)\"[^>]*>(.*?)</select>").matcher(page);
        while (select.find()) {
            Matcher chosen = Pattern.compile("<option value=\"([^\"]*)\" selected").matcher(select.group(2));
            inputs.put(select.group(1), chosen.find() ? chosen.group(1) : "");
        }
        return inputs;
    }

    private static int errorsListed(String page) {
        String summary = page.substring(page.indexOf("id=\"errori\""));
        summary = summary.substring(0, summary.indexOf("</ul>"));
        return summary.split("<li>", -1).length - 1;
    }

    private static List<String> taskKeys(JsonNode certification) {
        List<String> keys = new ArrayList<>();
        certification.path("openTasks").forEach(t -> keys.add(t.path("taskKey").asText()));
        return keys;
    }

    /** The application as the browser posts it, every input a string; {@code changes} replace some. */
    private static Map<String, String> application(Map<String, String> changes) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("scope", "whole");
        form.put("scopeUnits", "");
        form.put("employeesInvolved", "120");
        form.put("internalActNumber", "DG 12/2026");
        form.put("internalActDate", ApiDriver.today());
        form.put("referentName", "Giulia Bianchi");
        form.put("referentEmail", "giulia.bianchi@example.it");
        form.put("referentPhone", "+39 0583 4281");
        form.putAll(changes);
        return form;
    }

    private static Map<String, String> member(int row, String name, String gender) {
        Map<String, String> member = new LinkedHashMap<>();
        String p = "members[" + row + "].";
        member.put(p + "memberName", name);
        member.put(p + "memberRole", "Membro");
        member.put(p + "gender", gender);
        member.put(p + "ageBand", "30-39");
        member.put(p + "jobCategory", "istruttori");
        member.put(p + "contractType", "full-time-permanent");
        return member;
    }

    private long toWorkingGroup() throws Exception {
        long id = driver.start();
        driver.completeOk(driver.referent, "SubmitApplicationTask", ApiDriver.application(120));
        driver.completeOk("agency", "RecordPaymentTask", ApiDriver.payment(1000));
        driver.completeOk("agency", "AssignProfessionalsTask", ApiDriver.professionals("consultant", "evaluator"));
        driver.completeOk("consultant", "RecordKickoffWorkshopTask",
                ApiDriver.kickoff(LocalDate.parse(ApiDriver.today())));
        return id;
    }

    /** A second user with this role in the driver's organisation. */
    private String colleagueOf(String role) {
        String id = "col" + UUID.randomUUID().toString().substring(0, 8);
        User u = identity.newUser(id);
        u.setFirstName("Collega");
        u.setLastName(id);
        u.setPassword(ApiDriver.PASSWORD);
        identity.saveUser(u);
        identity.createMembership(id, role);
        organizations.addMember(driver.organization, id);
        return id;
    }

    private MockHttpServletRequestBuilder submit(String who, String task, Map<String, String> values) {
        MockHttpServletRequestBuilder request = post("/attivita/" + task).with(user(who)).with(csrf());
        values.forEach(request::param);
        return request;
    }

    private void assertNoFailure(String page) {
        assertThat(page).doesNotContain("Exception", "at it.familyaudit", "Whitelabel", "Si è verificato un errore");
    }
}
