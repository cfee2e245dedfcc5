package it.familyaudit.workflow.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.familyaudit.workflow.organization.OrganizationService;
import it.familyaudit.workflow.security.Roles;
import it.familyaudit.workflow.survey.invitations.InvitationSheet;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Drives certifications through the REST API as real users would. Each driver registers its own
 * organisation with its own referent, management and working-group users, so tests sharing a
 * database never meet; consultant, evaluator, agency and council are the demo users.
 */
public final class ApiDriver {

    public static final String PASSWORD = "test-password";
    private static final Set<String> DRIVER_USERS = ConcurrentHashMap.newKeySet();
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final MockMvc mvc;
    private final ObjectMapper json;
    private final ManagementService management;
    public final String organization;
    public final String referent;
    public final String manager;
    public final String workingGroup;

    public ApiDriver(MockMvc mvc, ObjectMapper json, IdentityService identity, OrganizationService organizations,
                     ManagementService management) {
        this.mvc = mvc;
        this.json = json;
        this.management = management;
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        this.organization = "org" + suffix;
        organizations.register(organization, "Comune di Prova " + suffix, "MUNICIPALITY");
        this.referent = user(identity, organizations, "ref" + suffix, Roles.REFERENT);
        this.manager = user(identity, organizations, "mgm" + suffix, Roles.MANAGEMENT);
        this.workingGroup = user(identity, organizations, "wg" + suffix, Roles.WORKING_GROUP);
    }

    private ApiDriver(ApiDriver same, MockMvc mvc, ManagementService management) {
        this.mvc = mvc;
        this.json = same.json;
        this.management = management;
        this.organization = same.organization;
        this.referent = same.referent;
        this.manager = same.manager;
        this.workingGroup = same.workingGroup;
    }

    /** This organisation and its people, driven through another application on the same data (a restored backup). */
    public ApiDriver through(MockMvc mvc, ManagementService management) {
        return new ApiDriver(this, mvc, management);
    }

    private String user(IdentityService identity, OrganizationService organizations, String id, String role) {
        User u = identity.newUser(id);
        u.setFirstName("Utente");
        u.setLastName(id);
        u.setEmail(id + "@example.test");
        u.setPassword(PASSWORD);
        identity.saveUser(u);
        DRIVER_USERS.add(id);
        identity.createMembership(id, role);
        organizations.addMember(organization, id);
        return id;
    }

    /** Password of a user: the drivers' own, or the demo profile's for demo users. */
    public static String passwordOf(String user) {
        return DRIVER_USERS.contains(user) ? PASSWORD : user + "-demo";
    }

    public MvcResult call(String user, String method, String path, Object body) throws Exception {
        var request = switch (method) {
            case "GET" -> get(path);
            case "PUT" -> put(path);
            default -> post(path);
        };
        request.with(httpBasic(user, passwordOf(user)));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        return mvc.perform(request).andReturn();
    }

    /** Sends a file as the body, as it is. */
    public MvcResult upload(String user, String path, MediaType type, byte[] file) throws Exception {
        return mvc.perform(post(path).with(httpBasic(user, passwordOf(user))).contentType(type).content(file))
                .andReturn();
    }

    public JsonNode ok(String user, String method, String path, Object body) throws Exception {
        MvcResult result = call(user, method, path, body);
        assertThat(result.getResponse().getStatus())
                .as("%s %s as %s: %s", method, path, user, result.getResponse().getContentAsString())
                .isBetween(200, 201);
        return json.readTree(result.getResponse().getContentAsByteArray());
    }

    public long start() throws Exception {
        return ok(referent, "POST", "/api/certifications", null).path("id").asLong();
    }

    public JsonNode status(long certification) throws Exception {
        return ok("agency", "GET", "/api/certifications/" + certification, null);
    }

    /** The id of the open task with this key in this driver's organisation, as the user sees it. */
    public String taskId(String user, String taskKey) throws Exception {
        JsonNode tasks = ok(user, "GET", "/api/tasks?size=200", null).path("tasks");
        for (JsonNode t : tasks) {
            if (t.path("taskKey").asText().equals(taskKey) && t.path("organizationCode").asText().equals(organization)) {
                return t.path("id").asText();
            }
        }
        throw new AssertionError("No open task " + taskKey + " for " + user + " in " + organization + ": " + tasks);
    }

    public MvcResult complete(String user, String taskKey, Map<String, ?> values) throws Exception {
        return call(user, "POST", "/api/tasks/" + taskId(user, taskKey) + "/completion", values);
    }

    public void completeOk(String user, String taskKey, Map<String, ?> values) throws Exception {
        MvcResult result = complete(user, taskKey, values);
        assertThat(result.getResponse().getStatus())
                .as("%s by %s: %s", taskKey, user, result.getResponse().getContentAsString()).isEqualTo(200);
    }

    /** Runs the jobs that are due, as the job executor would. */
    public void executeJobs() {
        for (int round = 0; round < 10; round++) {
            List<Job> due = management.createJobQuery().executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
    }

    // Valid submissions for every step of the happy path.

    public static Map<String, Object> application(int employees) {
        return Map.of("scope", "whole", "employeesInvolved", employees, "internalActNumber", "DG 12/2026",
                "internalActDate", today(), "referentName", "Giulia Bianchi",
                "referentEmail", "giulia.bianchi@example.it", "referentPhone", "+39 0583 4281");
    }

    public static Map<String, Object> payment(int amount) {
        return Map.of("paymentNoticeNumber", "301000000000012345", "paymentDate", today(), "amountPaid", amount);
    }

    public static Map<String, Object> professionals(String consultant, String evaluator) {
        return Map.of("consultantId", consultant, "evaluatorId", evaluator);
    }

    public static Map<String, Object> kickoff(LocalDate date) {
        return Map.of("workshopDate", date.toString(), "participants", "Segretario generale e dirigenti",
                "objectives", "Conciliare vita e lavoro", "fieldsOfAction", "Orari, lavoro agile",
                "workingGroupProfile", "Dodici persone rappresentative", "timetable", "Sei mesi");
    }

    public static Map<String, Object> workingGroup() {
        return Map.of("members", List.of(
                member("Sara Neri", "F", "30-39", "istruttori", "full-time-permanent"),
                member("Mario Blu", "M", "50-59", "funzionari", "part-time-permanent"),
                member("Anna Rosa", "F", "40-49", "operatori", "full-time-fixed"),
                member("Luca Verdi", "M", "under30", "istruttori", "full-time-permanent"),
                member("Ida Gialli", "F", "60plus", "dirigenza", "full-time-permanent")));
    }

    public static Map<String, Object> member(String name, String gender, String age, String category, String contract) {
        return Map.of("memberName", name, "memberRole", "Membro", "gender", gender, "ageBand", age,
                "jobCategory", category, "contractType", contract);
    }

    /** A questionnaire campaign with one code per employee, open from today for two weeks. */
    public static Map<String, Object> questionnaireCampaign() {
        return Map.of("opensOn", today(), "closesOn", LocalDate.parse(today()).plusDays(14).toString(),
                "employeesInvited", 120, "invitationMode", "codes");
    }

    /** The drafting task's form: the plan itself is the draft saved before ({@link #smallPlan()}). */
    public static Map<String, Object> plan() {
        return Map.of("planSummary", "Flessibilità e comunicazione interna",
                "changeNote", "Indicatori resi misurabili");
    }

    /** The same plan as {@link #smallPlan()}, as the spreadsheet import takes it (CSV, {@code ;}). */
    public static String smallPlanCsv() {
        return """
                Codice campo;Campo di indagine;Codice azione;Titolo;Responsabile;Anni del piano;Budget (euro);\
                Linea di finanziamento;Indicatore;Unità di misura;Valore di partenza;Target anno 1;Target anno 2;\
                Titolo del piano;Campi obbligatori
                1;Organizzazione del lavoro;;;;;;;;;;;;Piano Family Audit;sì
                2;Comunicazione;;;;;;;;;;;;;
                1;;1.1;Ripensare la flessibilità;Ufficio personale;1,2;1500;Bilancio, capitolo formazione;\
                Dipendenti con orario flessibile;%;10;20;35;;
                2;;2.1;La scatola dei suggerimenti;;1;;;Suggerimenti raccolti;;;30;;;
                """;
    }

    /** A complete plan, as {@code PUT /api/certifications/{id}/plan/draft} takes it: two fields, one action each. */
    public static Map<String, Object> smallPlan() {
        return Map.of("title", "Piano Family Audit", "fieldsMandatory", true,
                "fields", List.of(Map.of("code", "1", "name", "Organizzazione del lavoro"),
                        Map.of("code", "2", "name", "Comunicazione")),
                "actions", List.of(
                        Map.of("code", "1.1", "fieldCode", "1", "title", "Ripensare la flessibilità",
                                "owner", "Ufficio personale", "years", List.of(1, 2), "budget", 1500,
                                "fundingLine", "Bilancio, capitolo formazione",
                                "indicators", List.of(Map.of("name", "Dipendenti con orario flessibile", "unit", "%",
                                        "baseline", 10, "targetYear1", 20, "targetYear2", 35))),
                        Map.of("code", "2.1", "fieldCode", "2", "title", "La scatola dei suggerimenti",
                                "years", List.of(1),
                                "indicators", List.of(Map.of("name", "Suggerimenti raccolti", "targetYear1", 30)))));
    }

    /** Saves {@link #smallPlan()} as the draft of the certification, as its working group. */
    public JsonNode draftPlan(long certification) throws Exception {
        MvcResult result = call(workingGroup, "PUT", "/api/certifications/" + certification + "/plan/draft", smallPlan());
        assertThat(result.getResponse().getStatus()).as("PUT draft: %s", result.getResponse().getContentAsString())
                .isEqualTo(200);
        return json.readTree(result.getResponse().getContentAsByteArray());
    }

    /** The working group saves a complete draft and submits it through the open drafting task. */
    public void submitPlan() throws Exception {
        String task = taskId(workingGroup, "DraftPlanTask");
        long certification = ok(workingGroup, "GET", "/api/tasks/" + task, null).path("task").path("certificationId")
                .asLong();
        draftPlan(certification);
        completeOk(workingGroup, "DraftPlanTask", plan());
    }

    public static Map<String, Object> approval() {
        return Map.of("planDecision", "approve", "signatoryName", "Marco Rossi", "signatoryRole", "Segretario generale");
    }

    public static Map<String, Object> evaluation(String outcome) {
        return Map.of("visitDate", today(), "findings", "Requisiti soddisfatti", "reportText", "Rapporto di valutazione",
                "evaluationOutcome", outcome);
    }

    public static Map<String, Object> council(String decision) {
        return Map.of("councilDecision", decision, "decisionDate", today(), "motivation", "Piano adeguato");
    }

    /** The engine's today, which tests may have moved. */
    public static String today() {
        return it.familyaudit.workflow.engine.EngineTime.today().toString();
    }

    /**
     * The needs questionnaire in one call, for tests that only need to get past it: the referent
     * opens the campaign and closes it at once, and the working group's plan drafting opens.
     *
     * @return the certification id
     */
    public long runNeedsQuestionnaire() throws Exception {
        MvcResult opened = complete(referent, "OpenQuestionnaireCampaignTask", questionnaireCampaign());
        assertThat(opened.getResponse().getStatus()).as("OpenQuestionnaireCampaignTask: %s",
                opened.getResponse().getContentAsString()).isEqualTo(200);
        long certification = json.readTree(opened.getResponse().getContentAsByteArray()).path("certificationId").asLong();
        ok(referent, "POST", "/api/certifications/" + certification + "/questionnaire/closure", null);
        return certification;
    }

    /** A new certification, taken to the working group's drafting task (consultant and evaluator assigned). */
    public long runToPlanDrafting() throws Exception {
        long id = runToQuestionnaire();
        runNeedsQuestionnaire();
        return id;
    }

    /**
     * As {@link #runToPlanDrafting()}, with a questionnaire that was answered: a campaign with codes
     * for 20 employees, these answers given on its public page, then closed by the referent.
     */
    public long runToPlanDrafting(List<Map<String, String[]>> answers) throws Exception {
        long id = runToQuestionnaire();
        openQuestionnaire("codes", 20);
        List<String> codes = issueQuestionnaireCodes(id);
        for (int i = 0; i < answers.size(); i++) {
            MvcResult answered = answerQuestionnaire(id, answers.get(i), codes.get(i));
            assertThat(answered.getResponse().getStatus()).as("answer %d", i).isEqualTo(303);
        }
        closeQuestionnaire(id);
        return id;
    }

    /** A new certification, taken to the referent's OpenQuestionnaireCampaignTask. */
    public long runToQuestionnaire() throws Exception {
        long id = start();
        completeOk(referent, "SubmitApplicationTask", application(120));
        completeOk("agency", "RecordPaymentTask", payment(1000));
        completeOk("agency", "AssignProfessionalsTask", professionals("consultant", "evaluator"));
        completeOk("consultant", "RecordKickoffWorkshopTask", kickoff(LocalDate.parse(today())));
        completeOk(manager, "FormWorkingGroupTask", workingGroup());
        return id;
    }

    /** The referent opens the questionnaire's campaign from today for two weeks; mode "codes" or "link". */
    public void openQuestionnaire(String mode, int employees) throws Exception {
        completeOk(referent, "OpenQuestionnaireCampaignTask", Map.of("opensOn", today(),
                "closesOn", LocalDate.parse(today()).plusDays(14).toString(), "employeesInvited", employees,
                "invitationMode", mode));
    }

    /** The referent's one download of the codes through the API, read back from the ZIP's CSV. */
    public List<String> issueQuestionnaireCodes(long certification) throws Exception {
        MvcResult issued = call(referent, "POST", "/api/certifications/" + certification + "/questionnaire/invitations",
                null);
        assertThat(issued.getResponse().getStatus()).as(issued.getResponse().getContentAsString()).isEqualTo(200);
        return codesIn(issued.getResponse().getContentAsByteArray());
    }

    /** The codes in an invitation ZIP, from its CSV. */
    public static List<String> codesIn(byte[] zip) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(InvitationSheet.CSV_NAME)) {
                    List<String> codes = new ArrayList<>();
                    for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r\n")) {
                        String[] cells = line.split(";");
                        if (cells.length > 1 && cells[0].matches("\\d+")) {
                            codes.add(cells[1]);
                        }
                    }
                    return codes;
                }
            }
        }
        throw new AssertionError("No " + InvitationSheet.CSV_NAME + " in the ZIP");
    }

    /**
     * One employee answers on the questionnaire's public page as a browser would: the page first
     * (its cookie and form token), then the form with the code, if any.
     */
    public MvcResult answerQuestionnaire(long certification, Map<String, String[]> answers, String code)
            throws Exception {
        String url = ok(referent, "GET", "/api/certifications/" + certification + "/questionnaire", null)
                .path("publicUrl").asText();
        String path = url.substring(url.indexOf("/questionario/"));
        MvcResult page = mvc.perform(get(path).accept(MediaType.TEXT_HTML)).andReturn();
        Matcher token = FORM_TOKEN.matcher(page.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(token.find()).as("the public page's form token").isTrue();
        var submit = post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML)
                .param("_csrf", token.group(1)).param("_lang", "it");
        if (code != null) {
            submit.param("_codice", code);
        }
        if (page.getResponse().getCookies().length > 0) {
            submit.cookie(page.getResponse().getCookies());
        }
        answers.forEach(submit::param);
        return mvc.perform(submit).andReturn();
    }

    public void closeQuestionnaire(long certification) throws Exception {
        ok(referent, "POST", "/api/certifications/" + certification + "/questionnaire/closure", null);
    }

    /**
     * Twelve answers to the questionnaire with figures that must be hidden (fewer than 5): two from
     * men (so the women, who would give them away, are hidden too) and three asking for a canteen.
     * Climate: six "2" (negative), six "4"; each writes a proposal, "Proposta numero i".
     */
    public static List<Map<String, String[]>> questionnaireAnswersWithSmallGroups() {
        List<Map<String, String[]>> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Map<String, String[]> answer = questionnaireAnswer();
            answer.put("profilo_genere", new String[] {i < 2 ? "M" : "F"});
            answer.put("servizi", i >= 2 && i < 5 ? new String[] {"centri-estivi", "mensa"} : new String[] {"centri-estivi"});
            answer.put("benessere_clima", new String[] {i < 6 ? "2" : "4"});
            answer.put("proposte", new String[] {"Proposta numero " + i});
            answers.add(answer);
        }
        return answers;
    }

    /** A complete, valid answer to the default needs questionnaire, as its public page posts it. */
    public static Map<String, String[]> questionnaireAnswer() {
        Map<String, String[]> answers = new HashMap<>();
        answers.put("orario_soddisfazione", new String[] {"4"});
        answers.put("flessibilita", new String[] {"banca-ore", "entrata-uscita"});
        answers.put("lavoro_agile", new String[] {"no-vorrei"});
        answers.put("lavoro_agile_giorni", new String[] {"5-8"});
        answers.put("cura_conciliazione", new String[] {"2"});
        answers.put("servizi", new String[] {"centri-estivi", "nido"});
        answers.put("comunicazione_informazione", new String[] {"3"});
        answers.put("benessere_clima", new String[] {"4"});
        answers.put("benessere_carico", new String[] {"2"});
        answers.put("benessere_equilibrio", new String[] {"3"});
        answers.put("proposte", new String[] {"Più flessibilità in estate"});
        answers.put("profilo_genere", new String[] {"F"});
        answers.put("profilo_eta", new String[] {"30-39"});
        answers.put("profilo_categoria", new String[] {"istruttori"});
        answers.put("profilo_contratto", new String[] {"full-time-permanent"});
        answers.put("profilo_cura", new String[] {"figli"});
        return answers;
    }

    /** Application to the council's grant; returns the certification id. */
    public long runToCertificate() throws Exception {
        long id = runToPlanDrafting();
        submitPlan();
        completeOk(manager, "ApprovePlanTask", approval());
        completeOk("evaluator", "RecordEvaluationVisitTask", evaluation("positive"));
        completeOk("council", "DecideCertificationTask", council("grant"));
        executeJobs();
        return id;
    }
}
