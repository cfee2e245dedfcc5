package it.familyaudit.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.familyaudit.workflow.monitoring.MonitoringProcess;
import it.familyaudit.workflow.monitoring.MonitoringRepository;
import it.familyaudit.workflow.support.ApiDriver;
import it.familyaudit.workflow.support.ApiTestBase;
import it.familyaudit.workflow.support.MonitoringApiDriver;
import it.familyaudit.workflow.support.MonitoringValues;
import it.familyaudit.workflow.support.TestFiles;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * No 5xx for anything a client did. Every operation the API describes ({@code /v3/api-docs}) gets real ids and
 * nonsense in its path variables, wrong and huge query parameters, bodies that are no JSON, JSON of the wrong
 * shape, too deep or too large, mislabelled content types and broken uploads, as the certification's own people,
 * the agency, a user of another organisation and nobody; each JSON body's every value in turn replaced by values
 * of the wrong type or size, as who may send it; and every task's form, from the application through a year of
 * monitoring, likewise. Not one answer may be a server error, show an exception, or refuse without a problem
 * detail. The real ids stay real: a request that changed its certification gets a fresh one for the next.
 * Nothing is random; the container's own parsing and error pages are {@link ErrorDisclosureTest}'s, over HTTP.
 */
class ApiFuzzTest extends ApiTestBase {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}/]+)}");
    private static final Pattern STACK_TRACE = Pattern.compile("Exception|\\tat |\\bat (java|org|it|com|jdk)\\.");
    private static final String LONG = "x".repeat(300);
    /** Path variables no resource has: numbers out of range, not numbers, a NUL, invalid UTF-8, very long. */
    private static final List<String> NONSENSE = List.of("0", "-1", "99999999999999999999", "abc", "%00", "%FF",
            "1.5", LONG);
    /** Query parameter values of the wrong type or size. */
    private static final List<String> BAD_QUERY_VALUES = List.of("-1", "0", "abc", "100000000",
            "99999999999999999999", "", "%00", "2026-02-30", "%2B999999999-12-31", "-999999999-01-01", "1e999999999",
            LONG);
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Wrong values for a property whose valid value is free text: anything but a text, or too long, or binary. */
    private static final List<JsonNode> NOT_TEXT = List.of(NODES.numberNode(-1), NODES.numberNode(1.5),
            NODES.numberNode(new BigInteger("99999999999999999999")), NODES.numberNode(Long.MIN_VALUE),
            NODES.numberNode(new BigDecimal("1e999999999")), NODES.numberNode(new BigDecimal("-1e-999999999")),
            NODES.booleanNode(true), NODES.objectNode().put("a", 1), NODES.arrayNode().add(NODES.objectNode()),
            NODES.arrayNode(), NODES.textNode("x".repeat(100_001)), NODES.textNode("a\u0000b\u001Bc"));
    /** Wrong values for any other property: each type but its own, empty, impossible dates, extreme numbers. */
    private static final List<JsonNode> WRONG_VALUES = concat(NOT_TEXT, List.of(NODES.nullNode(),
            NODES.textNode("abc"), NODES.textNode(""), NODES.textNode(LONG), NODES.textNode("2026-02-30"),
            NODES.textNode("+999999999-12-31"), NODES.textNode("-999999999-01-01"), NODES.textNode("0000-01-01"),
            NODES.textNode("1e999999999"), NODES.textNode("-0.0000001")));
    private static final Pattern DATE_OR_NUMBER = Pattern.compile("\\d{4}-\\d{2}-\\d{2}|[-+]?[0-9.,]+");
    private static final Set<String> FORM_INPUTS = Set.of("textfield", "textarea", "number", "select", "radio",
            "datetime", "dynamiclist", "checkbox");
    /** Valid bodies for operations whose description gives no example that passes. */
    private static final Map<String, Map<String, Object>> EXAMPLES = Map.of(
            "/api/organizations", Map.of("code", "fuzz", "name", "Comune di Prova", "kind", "MUNICIPALITY"),
            "/api/certifications", Map.of("kind", "CERTIFICATION"),
            "/api/certifications/{id}/withdrawal", Map.of("reason", "Ritiro"),
            "/api/certifications/{id}/questionnaire/invitations", Map.of("replace", true),
            "/api/certifications/{id}/plan/revisions/submit", Map.of("changeNote", "Revisione", "summary", "In breve"),
            "/api/certifications/{id}/plan/versions/{no}/decision", Map.of("decision", "approve",
                    "signatoryName", "Marco Rossi", "signatoryRole", "Segretario generale"));

    @Autowired
    MonitoringRepository rounds;

    private final List<String> offences = new ArrayList<>();
    private int requests;
    private int refreshes;
    private ApiDriver stranger;

    @Test
    void noMalformedRequestToAnyApiOperationIsAServerError() throws Exception {
        JsonNode doc = json.readTree(mvc.perform(get("/v3/api-docs").with(httpBasic("agency", "agency-demo")))
                .andReturn().getResponse().getContentAsByteArray());
        // The test's own organisation, with a certification of its own, is the stranger to all the others.
        stranger = driver;
        stranger.start();
        Fixture started = new Fixture(this::started);
        Fixture drafting = new Fixture(this::drafting);
        Fixture certified = new Fixture(this::certified);
        long begun = System.nanoTime();
        int operations = 0;

        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            String template = path.getKey();
            if (!template.startsWith("/api")) {
                continue;
            }
            Fixture fixture = template.matches(".*/(revisions|decision|monitoring|figures|[a-z-]*certificate\\.pdf).*")
                    ? certified : template.matches(".*/(plan|questionnaire|attachments)(/.*)?") ? drafting : started;
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String method = op.getKey().toUpperCase();
                operations++;
                // Only the agency registers organisations; the rest is the certification's people's.
                List<String> owners = template.equals("/api/organizations") ? List.of("agency")
                        : fixture.state().owners();
                for (Probe probe : probes(method, template, op.getValue(), fixture, doc)) {
                    for (String user : probe.ownersOnly() ? owners : fixture.users()) {
                        send(probe, user, fixture);
                    }
                }
            }
        }

        completions();

        long seconds = (System.nanoTime() - begun) / 1_000_000_000L;
        System.out.printf("API fuzz: %d operations, %d requests, %d fixtures refreshed, in %d s%n", operations,
                requests, refreshes, seconds);
        assertThat(operations).as("operations under /api in the description").isGreaterThan(30);
        assertThat(offences).as("%d of %d answers are server errors, show an exception or refuse without a problem"
                + " detail:%n%s", offences.size(), requests, String.join("\n", offences.stream().limit(80).toList()))
                .isEmpty();
    }

    @Test
    void aValueOfTheWrongTypeIsNamedAsAFieldErrorAndAWrongContentTypeSaysWhatToSend() throws Exception {
        MockHttpServletResponse notANumber = mvc.perform(get("/api/certifications/abc")
                .with(httpBasic("agency", "agency-demo"))).andReturn().getResponse();
        MockHttpServletResponse noPeriod = mvc.perform(get("/api/audit?to=2026-01-31")
                .with(httpBasic("agency", "agency-demo"))).andReturn().getResponse();
        MockHttpServletResponse objectForText = mvc.perform(request(HttpMethod.POST, URI.create("/api/organizations"))
                .with(httpBasic("agency", "agency-demo")).contentType("application/json")
                .content("{\"code\": {}, \"name\": \"Comune\"}")).andReturn().getResponse();
        MockHttpServletResponse plainText = mvc.perform(request(HttpMethod.POST, URI.create("/api/organizations"))
                .with(httpBasic("agency", "agency-demo")).contentType("text/plain").content("{}"))
                .andReturn().getResponse();

        assertThat(List.of(notANumber.getStatus(), noPeriod.getStatus(), objectForText.getStatus(),
                plainText.getStatus())).containsExactly(400, 400, 400, 415);
        JsonNode id = json.readTree(notANumber.getContentAsByteArray());
        assertThat(id.path("detail").asText()).isEqualTo("Valore non valido per «id» / Invalid value for «id»");
        assertThat(id.path("errors").get(0).path("field").asText()).isEqualTo("id");
        assertThat(id.path("errors").get(0).path("message").asText()).isEqualTo("Deve essere un numero intero");
        assertThat(json.readTree(noPeriod.getContentAsByteArray()).path("errors").get(0).path("field").asText())
                .isEqualTo("from");
        assertThat(json.readTree(objectForText.getContentAsByteArray()).path("errors").get(0).path("field").asText())
                .isEqualTo("code");
        assertThat(json.readTree(plainText.getContentAsByteArray()).path("detail").asText())
                .isEqualTo("Tipo di contenuto non accettato: inviare application/json / Unsupported content type: send"
                        + " application/json");
        for (MockHttpServletResponse answer : List.of(notANumber, noPeriod, objectForText, plainText)) {
            assertThat(answer.getContentType()).isEqualTo("application/problem+json");
        }
    }

    // The certifications the requests are about.

    /** What a path variable of a real resource is, and who acts on it; built again once a request changed it. */
    private record State(ApiDriver owner, Map<String, String> ids, List<String> owners) {
    }

    @FunctionalInterface
    private interface Builder {
        State build(State previous) throws Exception;
    }

    private final class Fixture {

        private final Builder builder;
        private State state;

        Fixture(Builder builder) {
            this.builder = builder;
        }

        State state() {
            if (state == null) {
                try {
                    state = builder.build(null);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return state;
        }

        /** After a request that succeeded in changing it: the same kind of certification, as it was. */
        void refresh() throws Exception {
            refreshes++;
            state = builder.build(state);
        }

        List<String> users() {
            List<String> users = new ArrayList<>(state().owners());
            users.addAll(Arrays.asList("agency", stranger.referent, null));
            return users;
        }
    }

    /** A certification just started, its application to submit: rebuilt once a request changes it. */
    private State started(State previous) throws Exception {
        ApiDriver owner = new ApiDriver(mvc, json, identity, organizations, management);
        long id = owner.start();
        return new State(owner, Map.of("id", String.valueOf(id), "taskId", openTask(owner, id,
                "SubmitApplicationTask"), "code", owner.organization, "no", "1", "attachmentId", "1"),
                List.of(owner.referent));
    }

    /** A certification at the drafting of its plan, with a draft and an attachment: requests do not move it. */
    private State drafting(State previous) throws Exception {
        if (previous != null) {
            return previous;
        }
        ApiDriver owner = new ApiDriver(mvc, json, identity, organizations, management);
        long id = owner.runToPlanDrafting();
        owner.draftPlan(id);
        MockHttpServletResponse attached = mvc.perform(multipart("/api/certifications/" + id + "/attachments")
                .file(new MockMultipartFile("file", "verbale.pdf", "application/pdf", TestFiles.pdf("Verbale")))
                .param("kind", "OTHER").with(httpBasic(owner.referent, ApiDriver.PASSWORD))).andReturn().getResponse();
        assertThat(attached.getStatus()).as(attached.getContentAsString()).isEqualTo(201);
        String attachment = json.readTree(attached.getContentAsByteArray()).path("id").asText();
        return new State(owner, Map.of("id", String.valueOf(id), "taskId", owner.taskId(owner.workingGroup,
                "DraftPlanTask"), "code", owner.organization, "no", "1", "attachmentId", attachment),
                List.of(owner.workingGroup, owner.referent));
    }

    /** A certified organisation with a revision of its plan submitted to management: decided, another is. */
    private State certified(State previous) throws Exception {
        ApiDriver owner = previous == null ? new ApiDriver(mvc, json, identity, organizations, management)
                : previous.owner();
        long id = previous == null ? owner.runToCertificate() : Long.parseLong(previous.ids().get("id"));
        String plan = "/api/certifications/" + id + "/plan";
        owner.call(owner.workingGroup, "POST", plan + "/revisions", null);
        owner.call(owner.workingGroup, "POST", plan + "/revisions/submit", Map.of("changeNote", "Revisione"));
        int latest = 0;
        for (JsonNode version : owner.ok(owner.manager, "GET", plan + "/versions", null)) {
            latest = Math.max(latest, version.path("versionNo").asInt());
        }
        return new State(owner, Map.of("id", String.valueOf(id), "taskId", "1", "code", owner.organization,
                "no", String.valueOf(latest), "attachmentId", "1"), List.of(owner.manager, owner.workingGroup));
    }

    // Every task's form, on the way from the application to the certificate.

    /** A task of the way to the certificate and through a year of monitoring: who completes it, with what. */
    private record Step(String user, String taskKey, Values values) {
    }

    /** Valid values for a step's form, which may depend on the certification. */
    @FunctionalInterface
    private interface Values {
        Map<String, Object> of(long certification);
    }

    private List<Step> steps(ApiDriver d) {
        return List.of(new Step(d.referent, "SubmitApplicationTask", id -> ApiDriver.application(120)),
                new Step("agency", "RecordPaymentTask", id -> ApiDriver.payment(1000)),
                new Step("agency", "AssignProfessionalsTask", id -> ApiDriver.professionals("consultant", "evaluator")),
                new Step("consultant", "RecordKickoffWorkshopTask",
                        id -> ApiDriver.kickoff(LocalDate.parse(ApiDriver.today()))),
                new Step(d.manager, "FormWorkingGroupTask", id -> ApiDriver.workingGroup()),
                new Step(d.referent, "OpenQuestionnaireCampaignTask", id -> ApiDriver.questionnaireCampaign()),
                new Step(d.workingGroup, "DraftPlanTask", id -> ApiDriver.plan()),
                new Step(d.manager, "ApprovePlanTask", id -> ApiDriver.approval()),
                new Step("evaluator", "RecordEvaluationVisitTask", id -> ApiDriver.evaluation("positive")),
                new Step("council", "DecideCertificationTask", id -> ApiDriver.council("grant")),
                new Step(d.referent, MonitoringProcess.COMPILE_REPORT, id -> MonitoringValues.report(
                        new MonitoringApiDriver(d, management, rounds).actions(id))),
                new Step(d.manager, MonitoringProcess.APPROVE_REPORT, id -> MonitoringValues.approval()),
                new Step("evaluator", MonitoringProcess.AUDIT_REPORT, id -> MonitoringValues.audit("confirm")),
                new Step("council", MonitoringProcess.DECIDE, id -> MonitoringValues.decision("confirm")));
    }

    /**
     * Each task's completion with each of its values wrong, as the one who completes it: the form's checks and
     * what the step does with what passed them. A completion that succeeds takes a new certification to the
     * same task for the rest.
     */
    private void completions() throws Exception {
        Probe base = new Probe("POST", "/api/tasks/{taskId}/completion", null, null, "", "real ids");
        for (int step = 0; step < steps(driver).size(); step++) {
            int at = step;
            Fixture fixture = new Fixture(previous -> walkedTo(at));
            State state = fixture.state();
            Step current = steps(state.owner()).get(step);
            long certification = Long.parseLong(state.ids().get("id"));
            ObjectNode values = withEveryInput(json.valueToTree(current.values().of(certification)), state.owner()
                    .ok(current.user(), "GET", "/api/tasks/" + state.ids().get("taskId"), null)
                    .path("formSchema").path("components"));
            for (Map.Entry<String, JsonNode> mutant : mutants(values).entrySet()) {
                Probe probe = base.withBody(current.taskKey() + " " + mutant.getKey(), "application/json",
                        bytes(mutant.getValue()));
                send(probe, fixture.state().owners().get(0), fixture);
            }
        }
    }

    /** A new certification whose open task is the step's: every step before it completed. */
    private State walkedTo(int step) throws Exception {
        ApiDriver owner = new ApiDriver(mvc, json, identity, organizations, management);
        long id = owner.start();
        List<Step> steps = steps(owner);
        for (int done = 0; done <= step; done++) {
            Step next = steps.get(done);
            if (next.taskKey().equals("DraftPlanTask")) {
                owner.draftPlan(id);
            }
            if (next.taskKey().equals(MonitoringProcess.COMPILE_REPORT)) {
                owner.executeJobs();
                new MonitoringApiDriver(owner, management, rounds).open(id);
            }
            if (done == step) {
                break;
            }
            owner.ok(next.user(), "POST", "/api/tasks/" + openTask(owner, id, next.taskKey()) + "/completion",
                    next.values().of(id));
            if (next.taskKey().equals("OpenQuestionnaireCampaignTask")) {
                owner.closeQuestionnaire(id);
            }
        }
        return new State(owner, Map.of("id", String.valueOf(id), "taskId",
                openTask(owner, id, steps.get(step).taskKey())), List.of(steps.get(step).user()));
    }

    /** The small plan with every property a field, an action and an indicator may have. */
    private JsonNode planDraft() {
        ObjectNode plan = json.valueToTree(ApiDriver.smallPlan());
        ((ObjectNode) plan.get("fields").get(0)).put("budget", 1000).put("fundingLine", "Bilancio comunale");
        ObjectNode action = (ObjectNode) plan.get("actions").get(0);
        action.put("description", "Orari flessibili").put("objective", "Conciliare").put("activities", "Accordo")
                .put("actors", "Sindacati").put("recipients", "Dipendenti")
                .put("deadline", LocalDate.parse(ApiDriver.today()).plusMonths(6).toString());
        ((ObjectNode) action.get("indicators").get(0)).put("targetYear3", 40);
        return plan;
    }

    private static String openTask(ApiDriver owner, long certification, String taskKey) throws Exception {
        for (JsonNode task : owner.status(certification).path("openTasks")) {
            if (task.path("taskKey").asText().equals(taskKey)) {
                return task.path("id").asText();
            }
        }
        throw new AssertionError("No open " + taskKey + " in certification " + certification);
    }

    /** The valid values with every other input of the form too, with a plausible value (its rows' are the rows'). */
    private static ObjectNode withEveryInput(ObjectNode values, JsonNode components) {
        for (JsonNode component : components) {
            String type = component.path("type").asText();
            String key = type.equals("dynamiclist") ? component.path("path").asText(component.path("key").asText())
                    : component.path("key").asText();
            if (type.equals("group")) {
                withEveryInput(values, component.path("components"));
            } else if (FORM_INPUTS.contains(type) && !values.has(key) && !component.path("readonly").asBoolean(false)) {
                values.set(key, switch (type) {
                    case "number" -> NODES.numberNode(1);
                    case "datetime" -> NODES.textNode(ApiDriver.today());
                    case "select", "radio" -> component.path("values").path(0).path("value").isTextual()
                            ? component.path("values").path(0).path("value") : NODES.textNode("x");
                    case "checkbox" -> NODES.booleanNode(false);
                    case "dynamiclist" -> NODES.arrayNode();
                    default -> NODES.textNode("Testo"); // textfield, textarea
                });
            }
        }
        return values;
    }

    // The requests.

    /** One request to send as each user: what is wrong with it in a few words. */
    private record Probe(String method, String template, String variable, String value, String query, String input,
                         String contentType, byte[] body, List<MockMultipartFile> files, Map<String, String> params,
                         boolean ownersOnly) {

        Probe(String method, String template, String variable, String value, String query, String input) {
            this(method, template, variable, value, query, input, null, null, null, Map.of(), false);
        }

        Probe withBody(String input, String type, byte[] content) {
            return new Probe(method, template, null, null, query, input, type, content, null, Map.of(), false);
        }

        Probe withUpload(String input, List<MockMultipartFile> parts, Map<String, String> fields) {
            return new Probe(method, template, null, null, "", input, null, null, parts, fields, false);
        }

        /**
         * Sent only as who may make the request: the others are refused before their values are read, as the
         * same request with a wrong body shows.
         */
        Probe byOwners() {
            return new Probe(method, template, variable, value, query, input, contentType, body, files, params, true);
        }

        String uri(Map<String, String> ids) {
            Matcher m = PATH_VARIABLE.matcher(template);
            StringBuilder uri = new StringBuilder();
            while (m.find()) {
                String name = m.group(1);
                m.appendReplacement(uri, Matcher.quoteReplacement(name.equals(variable) ? value
                        : ids.getOrDefault(name, "1")));
            }
            m.appendTail(uri);
            return uri + query;
        }
    }

    private List<Probe> probes(String method, String template, JsonNode operation, Fixture fixture, JsonNode doc)
            throws Exception {
        List<Probe> probes = new ArrayList<>();
        String query = query(operation, null, null);
        Probe base = new Probe(method, template, null, null, query, "real ids");
        probes.add(base);

        // Every path variable, one at a time, with every nonsense value.
        Matcher variables = PATH_VARIABLE.matcher(template);
        while (variables.find()) {
            for (String nonsense : NONSENSE) {
                probes.add(new Probe(method, template, variables.group(1), nonsense, query,
                        variables.group(1) + "=" + abbreviated(nonsense)));
            }
        }

        // Every query parameter, one at a time, with every wrong value, and missing.
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("in").asText().equals("query")) {
                String name = parameter.path("name").asText();
                for (String bad : BAD_QUERY_VALUES) {
                    probes.add(new Probe(method, template, null, null, query(operation, name, bad),
                            "?" + name + "=" + abbreviated(bad)));
                }
                probes.add(new Probe(method, template, null, null, query(operation, name, null), "without " + name));
                probes.add(new Probe(method, template, null, null, query + "&" + name + "=1&" + name + "=2",
                        name + " twice"));
            }
        }

        if (!method.equals("POST") && !method.equals("PUT")) {
            return probes;
        }
        JsonNode content = operation.path("requestBody").path("content");
        if (content.has("multipart/form-data")) {
            probes.addAll(uploads(base));
        }
        probes.addAll(bodies(base));
        if (content.has("multipart/form-data")) {
            return probes;
        }
        // A task's values are its form's: completions() sends them.
        JsonNode example = template.endsWith("/plan/draft") ? planDraft()
                : EXAMPLES.containsKey(template) ? json.valueToTree(EXAMPLES.get(template))
                : exampleOf(bodySchema(operation, doc), doc, 0);
        if (example != null && example.isContainerNode() && !example.isEmpty()) {
            for (Map.Entry<String, JsonNode> mutant : mutants(example).entrySet()) {
                probes.add(base.withBody(mutant.getKey(), "application/json", bytes(mutant.getValue())).byOwners());
            }
        }
        return probes;
    }

    /** Bodies no operation takes: not JSON, JSON of the wrong shape, too deep, too large, mislabelled. */
    private List<Probe> bodies(Probe base) {
        List<Probe> probes = new ArrayList<>();
        String json = "application/json";
        probes.add(base.withBody("no body", null, null));
        probes.add(base.withBody("empty JSON body", json, new byte[0]));
        for (String body : List.of("{}", "[]", "null", "\"x\"", "123", "true", "{", "{\"a\":", "[1,", "}{", "{} {}",
                "{\"a\":1,\"a\":2}", "{'a':1}", "\uFEFF{}", "1e999999", "-0")) {
            probes.add(base.withBody(abbreviated(body), json, utf8(body)));
        }
        probes.add(base.withBody("10,000 nested arrays", json, utf8("[".repeat(10_000) + "]".repeat(10_000))));
        probes.add(base.withBody("10,000 nested objects", json,
                utf8("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000))));
        probes.add(base.withBody("unclosed nesting", json, utf8("[".repeat(100_000))));
        String huge = "a".repeat(2 * 1024 * 1024);
        probes.add(base.withBody("2 MB string", json, utf8("\"" + huge + "\"")));
        probes.add(base.withBody("2 MB property value", json, utf8("{\"reason\":\"" + huge + "\"}")));
        probes.add(base.withBody("2 MB property name", json, utf8("{\"" + huge + "\":1}")));
        probes.add(base.withBody("5,000-digit number", json, utf8("{\"a\":" + "9".repeat(5000) + "}")));
        probes.add(base.withBody("invalid UTF-8", json,
                concat(utf8("{\"reason\":\""), new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE}, utf8("\"}"))));
        probes.add(base.withBody("NUL in a string", json, utf8("{\"reason\":\"a\\u0000b\"}")));
        probes.add(base.withBody("lone surrogate", json, utf8("{\"reason\":\"\\ud800\"}")));
        probes.add(base.withBody("text/plain", "text/plain", utf8("{}")));
        probes.add(base.withBody("application/xml", "application/xml", utf8("<a/>")));
        probes.add(base.withBody("form", "application/x-www-form-urlencoded", utf8("a=1&b=%FF")));
        probes.add(base.withBody("unknown charset", "application/json;charset=no-such-charset", utf8("{}")));
        probes.add(base.withBody("Latin-1 JSON", "application/json;charset=ISO-8859-1",
                "{\"reason\":\"perché\"}".getBytes(StandardCharsets.ISO_8859_1)));
        probes.add(base.withBody("UTF-16 JSON", "application/json;charset=UTF-16", "{\"reason\":\"x\"}"
                .getBytes(StandardCharsets.UTF_16)));
        probes.add(base.withBody("unparseable Content-Type", "json", utf8("{}")));
        probes.add(base.withBody("multipart without boundary", "multipart/form-data", utf8("--x\r\n")));
        probes.add(base.withBody("multipart garbage", "multipart/form-data; boundary=x", utf8("--x\r\nnot a part")));
        // Files where a spreadsheet is expected (the plan's import): empty, not what the type says.
        probes.add(base.withBody("empty CSV", "text/csv", new byte[0]));
        probes.add(base.withBody("CSV with an open quote", "text/csv", utf8("a;b\n\"1;2\n")));
        probes.add(base.withBody("CSV of one 300-column line", "text/csv", utf8(String.join(";",
                java.util.Collections.nCopies(300, "1")))));
        probes.add(base.withBody("CSV in invalid UTF-8", "text/csv", new byte[] {(byte) 0xFF, (byte) 0xFE, 0x00,
                (byte) 0xC3}));
        probes.add(base.withBody("xlsx that is text", XLSX, utf8("not a spreadsheet")));
        probes.add(base.withBody("xlsx that is a truncated zip", XLSX, new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0}));
        probes.add(base.withBody("empty xlsx", XLSX, new byte[0]));
        probes.add(base.withBody("PDF as JSON", "application/pdf", utf8("%PDF-1.4 nothing")));
        return probes;
    }

    /** Multipart requests gone wrong: the part misnamed, empty, of a lying type; bad fields beside it. */
    private List<Probe> uploads(Probe base) {
        byte[] pdf = utf8("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
        List<Probe> probes = new ArrayList<>();
        Function<String, MockMultipartFile> good = name -> new MockMultipartFile(name, "verbale.pdf",
                "application/pdf", pdf);
        probes.add(upload(base, "no parts", List.of(), Map.of()));
        probes.add(upload(base, "part named document", List.of(good.apply("document")), Map.of("kind", "OTHER")));
        probes.add(upload(base, "empty file", List.of(new MockMultipartFile("file", "vuoto.pdf", "application/pdf",
                new byte[0])), Map.of("kind", "OTHER")));
        probes.add(upload(base, "HTML named .pdf", List.of(new MockMultipartFile("file", "verbale.pdf",
                "application/pdf", utf8("<html><script>alert(1)</script></html>"))), Map.of("kind", "OTHER")));
        probes.add(upload(base, "executable as PDF", List.of(new MockMultipartFile("file", "verbale.pdf",
                "application/pdf", concat(utf8("MZ"), new byte[200]))), Map.of("kind", "OTHER")));
        probes.add(upload(base, "truncated zip as docx", List.of(new MockMultipartFile("file", "a.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                new byte[] {'P', 'K', 3, 4, 0, 0})), Map.of("kind", "OTHER")));
        probes.add(upload(base, "file name of 300 characters with a path", List.of(new MockMultipartFile("file",
                "../../" + LONG + "\u0000.pdf", "application/pdf", pdf)), Map.of("kind", "OTHER")));
        probes.add(upload(base, "file without a name", List.of(new MockMultipartFile("file", "", null, pdf)),
                Map.of("kind", "OTHER")));
        probes.add(upload(base, "two files", List.of(good.apply("file"), good.apply("file")), Map.of("kind", "OTHER")));
        for (String kind : List.of("", "nonsense", "other", LONG)) {
            probes.add(upload(base, "kind=" + abbreviated(kind), List.of(good.apply("file")), Map.of("kind", kind)));
        }
        for (String bad : List.of("abc", "-1", "0", "99999999999999999999", "1.5", LONG)) {
            probes.add(upload(base, "roundNo=" + abbreviated(bad), List.of(good.apply("file")),
                    Map.of("kind", "ACTION_EVIDENCE", "roundNo", bad, "actionCode", "1.1")));
            probes.add(upload(base, "actionCode=" + abbreviated(bad), List.of(good.apply("file")),
                    Map.of("kind", "ACTION_EVIDENCE", "roundNo", "1", "actionCode", bad)));
        }
        return probes;
    }

    private static Probe upload(Probe base, String input, List<MockMultipartFile> files, Map<String, String> params) {
        return base.withUpload(input, files, params);
    }

    private void send(Probe probe, String user, Fixture fixture) throws Exception {
        requests++;
        String who = user == null ? "anonymous" : user;
        String uri = probe.uri(fixture.state().ids());
        MockHttpServletResponse response;
        try {
            MockHttpServletRequestBuilder request;
            if (probe.files() != null) {
                MockMultipartHttpServletRequestBuilder upload = multipart(HttpMethod.valueOf(probe.method()),
                        URI.create(uri));
                probe.files().forEach(upload::file);
                request = upload;
            } else {
                request = request(HttpMethod.valueOf(probe.method()), URI.create(uri));
            }
            probe.params().forEach(request::param);
            if (probe.contentType() != null) {
                request.header("Content-Type", probe.contentType());
            }
            if (probe.body() != null) {
                request.content(probe.body());
            }
            if (user != null) {
                request.with(httpBasic(user, ApiDriver.passwordOf(user)));
            }
            response = mvc.perform(request).andReturn().getResponse();
        } catch (Throwable thrown) {
            offences.add(String.format("%s %s [%s] as %s: thrown %s", probe.method(), abbreviated(uri),
                    probe.input(), who, thrown));
            return;
        }
        String body = textual(response.getContentType())
                ? new String(response.getContentAsByteArray(), StandardCharsets.UTF_8) : "";
        // A refusal with a body is a problem detail (one without is the container's error page's to write).
        boolean problem = response.getStatus() < 400 || body.isEmpty()
                || String.valueOf(response.getContentType()).startsWith("application/problem+json");
        if (response.getStatus() >= 500 || STACK_TRACE.matcher(body).find() || !problem) {
            offences.add(String.format("%s %s [%s] as %s: %d %s %s", probe.method(), abbreviated(uri),
                    probe.input(), who, response.getStatus(), response.getContentType(), abbreviated(body)));
        }
        // A request that changed the certification (a task completed, a revision decided): the next one
        // finds it as it was, so that it reaches as deep.
        if (response.getStatus() < 300 && probe.variable() == null && PATH_VARIABLE.matcher(probe.template()).find()
                && (probe.method().equals("POST") && !probe.template().endsWith("/import"))) {
            fixture.refresh();
        }
    }

    private static JsonNode bodySchema(JsonNode operation, JsonNode doc) {
        JsonNode content = operation.path("requestBody").path("content");
        return content.isObject() && content.size() > 0 ? resolve(content.elements().next().path("schema"), doc) : null;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode doc) {
        String ref = schema.path("$ref").asText();
        return ref.startsWith("#/") ? doc.at(ref.substring(1)) : schema;
    }

    /** A plausible body from the schema: every property with a value of its type. */
    private static JsonNode exampleOf(JsonNode schema, JsonNode doc, int depth) {
        if (schema == null || depth > 5) {
            return null;
        }
        schema = resolve(schema, doc);
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        return switch (schema.path("type").asText(schema.has("properties") ? "object" : "")) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                schema.path("properties").fields().forEachRemaining(p -> {
                    JsonNode value = exampleOf(p.getValue(), doc, depth + 1);
                    object.set(p.getKey(), value == null ? NODES.textNode("x") : value);
                });
                yield object;
            }
            case "array" -> {
                JsonNode item = exampleOf(schema.path("items"), doc, depth + 1);
                yield item == null ? NODES.arrayNode() : NODES.arrayNode().add(item);
            }
            case "integer", "number" -> NODES.numberNode(1);
            case "boolean" -> NODES.booleanNode(true);
            case "string" -> NODES.textNode(schema.path("format").asText().equals("date") ? ApiDriver.today() : "x");
            default -> null;
        };
    }

    /** The example with each of its values in turn replaced by each wrong value, or left out. */
    private static Map<String, JsonNode> mutants(JsonNode example) {
        Map<String, JsonNode> mutants = new LinkedHashMap<>();
        mutate(example, example, "", mutants);
        return mutants;
    }

    private static void mutate(JsonNode root, JsonNode node, String at, Map<String, JsonNode> mutants) {
        List<String> keys = new ArrayList<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(keys::add);
        } else if (node.isArray() && !node.isEmpty()) {
            keys.add("0");
        }
        for (String key : keys) {
            String where = at + "/" + key;
            JsonNode child = node.isObject() ? node.get(key) : node.get(0);
            boolean text = child.isTextual() && !DATE_OR_NUMBER.matcher(child.asText()).matches();
            for (JsonNode wrong : text ? NOT_TEXT : WRONG_VALUES) {
                mutants.put(where + "=" + abbreviated(wrong.toString()), replaced(root, where, wrong));
            }
            if (node.isObject()) {
                mutants.put("without " + where, replaced(root, where, null));
            }
            if (child.isContainerNode()) {
                mutate(root, child, where, mutants);
            }
        }
    }

    /** A copy of the root with the value at the pointer replaced, or removed when the value is null. */
    private static JsonNode replaced(JsonNode root, String pointer, JsonNode value) {
        JsonNode copy = root.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String key = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode object) {
            if (value == null) {
                object.remove(key);
            } else {
                object.set(key, value);
            }
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(key), value == null ? NODES.nullNode() : value);
        }
        return copy;
    }

    // Addresses and bytes.

    /** The operation's query parameters with plausible values, one of them replaced (or left out when null). */
    private static String query(JsonNode operation, String replaced, String value) {
        Set<String> pairs = new LinkedHashSet<>();
        for (JsonNode parameter : operation.path("parameters")) {
            if (!parameter.path("in").asText().equals("query")) {
                continue;
            }
            String name = parameter.path("name").asText();
            if (name.equals(replaced)) {
                if (value != null) {
                    pairs.add(name + "=" + value);
                }
                continue;
            }
            JsonNode schema = parameter.path("schema");
            String plausible = schema.path("format").asText().equals("date") ? ApiDriver.today()
                    : schema.has("default") ? schema.get("default").asText()
                    : schema.path("type").asText().matches("integer|number") ? "1" : "x";
            pairs.add(name + "=" + plausible);
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private static boolean textual(String contentType) {
        return contentType == null || contentType.contains("json") || contentType.startsWith("text/");
    }

    private byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> both = new ArrayList<>(first);
        both.addAll(second);
        return List.copyOf(both);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String abbreviated(String s) {
        String oneLine = s.replace("\n", "\\n").replace("\r", "\\r");
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 100) + "…(" + oneLine.length() + " chars)";
    }
}
