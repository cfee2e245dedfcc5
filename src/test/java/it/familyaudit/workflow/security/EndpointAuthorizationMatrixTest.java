package it.familyaudit.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import it.familyaudit.workflow.certification.CertificationProcess;
import it.familyaudit.workflow.support.ApiDriver;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who gets what from every endpoint, from one table: each row is an endpoint with what it is
 * called on and the answer for every {@link Caller}. Every {@code /api} handler Spring MVC knows
 * must have a row, and every row must name an existing endpoint, so a new endpoint without a row
 * fails the build.
 *
 * <p>Answers: 2xx allowed, 401 anonymous, 403 the caller's role may not, 404 outside the caller's
 * organisations (or, for a professional, certifications that do not assign them), so that ids
 * reveal nothing. Calls that change something get fresh data each, so the callers do not meet.
 * The Camunda webapps under {@code /camunda} are left out: they run their own login and
 * authorizations, covered by {@code StartupSecurityTest} and the Tasklist browser test.
 */
class EndpointAuthorizationMatrixTest extends AuthorizationMatrixSupport {

    /** What a row's calls are made on. */
    enum Fixture {
        /** A new organisation, nothing started; fresh for every call. */
        NEW_ORGANISATION_EACH_CALL,
        /**
         * A certification run to its certificate, with {@code consultant} and {@code evaluator}
         * assigned: the consultant's access ended with the cycle, the evaluator's lasts (monitoring).
         */
        CERTIFIED,
        /**
         * A certification run to the Family Audit Executive (three confirmed years and the council's
         * recognition): the cycle has ended, and with it both professionals' access.
         */
        EXECUTIVE,
        /** A certification at the kick-off workshop, {@code consultant} and {@code evaluator} assigned. */
        AT_KICKOFF,
        /** The same, fresh for every call. */
        AT_KICKOFF_EACH_CALL,
        /** A certification whose working group is drafting the plan, professionals assigned; fresh for every call. */
        AT_PLAN_DRAFTING_EACH_CALL,
        /** As {@link #CERTIFIED}, fresh for every call. */
        CERTIFIED_EACH_CALL,
        /** Certified, with a plan revision (version 2) opened by the referent; fresh for every call. */
        REVISION_OPEN_EACH_CALL,
        /** The same revision, submitted by the working group; fresh for every call. */
        REVISION_SUBMITTED_EACH_CALL,
        /** The needs questionnaire closed (no answers), the plan being drafted; both professionals assigned. */
        AT_PLAN_DRAFTING,
        /** A questionnaire campaign just opened with codes, none issued yet; fresh for every call. */
        QUESTIONNAIRE_OPEN_EACH_CALL
    }

    /** The organisation whose users play the own-organisation callers, and the values of the path's variables. */
    record Target(ApiDriver own, Map<String, String> variables) {

        private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)}");

        String expand(String path) {
            Matcher m = VARIABLE.matcher(path);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = variables.get(m.group(1));
                if (value == null) {
                    throw new IllegalStateException("No value for {" + m.group(1) + "} in " + path + ": " + variables);
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            return m.appendTail(out).toString();
        }
    }

    /**
     * One endpoint: method, Spring MVC path pattern (with the query the call adds, if any), what it
     * is called on, the body, and the answer for each caller.
     */
    record Row(String method, String path, Fixture fixture, Function<Target, Object> body, Map<Caller, Integer> expected) {

        /** Method and pattern, as the coverage check compares them with Spring MVC's handlers. */
        String endpoint() {
            int query = path.indexOf('?');
            return method + " " + (query < 0 ? path : path.substring(0, query));
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Function<Target, Object> NO_BODY = t -> null;
    private static final Function<Target, Object> WITHDRAWAL = t -> Map.of("reason", "Riorganizzazione dell'ente");
    private static final Function<Target, Object> KICKOFF = t -> ApiDriver.kickoff(LocalDate.parse(ApiDriver.today()));
    private static final Function<Target, Object> NEW_ORGANISATION = t -> Map.of(
            "code", "matrix-" + UUID.randomUUID().toString().substring(0, 8), "name", "Comune della Matrice",
            "kind", "MUNICIPALITY");
    private static final Function<Target, Object> EMPTY_QUERY = t -> Map.of();
    private static final Function<Target, Object> SMALL_PLAN = t -> ApiDriver.smallPlan();
    private static final Function<Target, Object> SMALL_PLAN_CSV = t -> new AuthorizationMatrixSupport.FileBody(
            MediaType.parseMediaType("text/csv;charset=UTF-8"), ApiDriver.smallPlanCsv().getBytes(StandardCharsets.UTF_8));
    private static final Function<Target, Object> CHANGE_NOTE = t -> Map.of("changeNote", "Nuova azione sul lavoro agile");
    private static final Function<Target, Object> APPROVE = t -> Map.of("decision", "approve",
            "signatoryName", "Marco Rossi", "signatoryRole", "Segretario generale");
    /** What the attachments take: its magic number makes it a PDF. */
    private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final Function<Target, Object> WORKSHOP_MINUTES = t -> new FormWithFile(
            Map.of("kind", "WORKSHOP_MINUTES"), "verbale.pdf", PDF);

    // @formatter:off
    /**
     * THE TABLE. Answers in the order of {@link Caller}:
     * anonymous, referent, management, working group (all three of the organisation), referent of
     * another organisation, consultant (assigned), consultant2 (not assigned), evaluator (assigned),
     * evaluator2 (not assigned), agency, council, admin.
     */
    static final List<Row> TABLE = List.of(
        //                                                                                      anon ref mgmt  wg other cons cns2 eval evl2 agcy cncl admn
        row("POST", "/api/certifications",                            Fixture.NEW_ORGANISATION_EACH_CALL, NO_BODY,
                                                                                                "401 201 403 403 201  403 403  403 403  403 403  403"),
        row("GET",  "/api/certifications",                            Fixture.CERTIFIED, NO_BODY,
                                                                                                "401 200 200 200 200  200 200  200 200  200 200  403"),
        row("GET",  "/api/certifications/{id}",                       Fixture.CERTIFIED, NO_BODY,
                                                                                                "401 200 200 200 404  404 404  200 404  200 200  404"),
        row("POST", "/api/certifications/{id}/withdrawal",            Fixture.AT_KICKOFF_EACH_CALL, WITHDRAWAL,
                                                                                                "401 200 200 403 404  403 404  403 404  403 403  404"),
        row("GET",  "/api/certifications/{id}/certificate.pdf",       Fixture.CERTIFIED, NO_BODY,
                                                                                                "401 200 200 200 404  404 404  200 404  200 200  404"),
        // The years after the certificate: whoever may read the certification.
        row("GET",  "/api/certifications/{id}/monitoring",            Fixture.CERTIFIED, NO_BODY,
                                                                                                "401 200 200 200 404  404 404  200 404  200 200  404"),
        row("GET",  "/api/certifications/{id}/plan/figures",          Fixture.CERTIFIED, NO_BODY,
                                                                                                "401 200 200 200 404  404 404  200 404  200 200  404"),
        row("GET",  "/api/tasks",                                     Fixture.CERTIFIED, NO_BODY,
                                                                                                "401 200 200 200 200  200 200  200 200  200 200  200"),
        // The kick-off workshop is the consultant's; the task matrix covers every other task.
        row("GET",  "/api/tasks/{taskId}",                            Fixture.AT_KICKOFF, NO_BODY,
                                                                                                "401 403 403 403 404  200 404  403 404  403 403  404"),
        row("POST", "/api/tasks/{taskId}/completion",                 Fixture.AT_KICKOFF_EACH_CALL, KICKOFF,
                                                                                                "401 403 403 403 404  200 404  403 404  403 403  404"),
        row("POST", "/api/organizations",                             Fixture.CERTIFIED, NEW_ORGANISATION,
                                                                                                "401 403 403 403 403  403 403  403 403  201 403  403"),
        row("GET",  "/api/organizations/{code}",                      Fixture.CERTIFIED, NO_BODY,
                                                                                                "401 200 200 200 404  404 404  200 404  200 200  404"),
        // The OpenAPI description of /api: any signed-in user.
        row("GET",  "/v3/api-docs",                                   Fixture.CERTIFIED, NO_BODY,
                                                                                                "401 200 200 200 200  200 200  200 200  200 200  200"),
        // Camunda's REST API (Jersey, outside Spring MVC): administrators only.
        row("GET",  "/engine-rest/task?maxResults=1",                 Fixture.CERTIFIED, NO_BODY,
                                                                                                "401 403 403 403 403  403 403  403 403  403 403  200"),
        row("POST", "/engine-rest/task?maxResults=1",                 Fixture.CERTIFIED, EMPTY_QUERY,
                                                                                                "401 403 403 403 403  403 403  403 403  403 403  200"),

        // The action plan. Read by whoever may read the certification.
        row("GET",  "/api/certifications/{id}/plan",                  Fixture.CERTIFIED, NO_BODY,
                                                                                                "401 200 200 200 404  404 404  200 404  200 200  404"),
        row("GET",  "/api/certifications/{id}/plan/versions",         Fixture.CERTIFIED, NO_BODY,
                                                                                                "401 200 200 200 404  404 404  200 404  200 200  404"),
        row("GET",  "/api/certifications/{id}/plan/versions/{no}",    Fixture.CERTIFIED, NO_BODY,
                                                                                                "401 200 200 200 404  404 404  200 404  200 200  404"),
        // Drafted by the working group and the referent, with the assigned consultant.
        row("PUT",  "/api/certifications/{id}/plan/draft",            Fixture.AT_PLAN_DRAFTING_EACH_CALL, SMALL_PLAN,
                                                                                                "401 200 403 200 404  200 404  403 404  403 403  404"),
        row("POST", "/api/certifications/{id}/plan/import",           Fixture.AT_PLAN_DRAFTING_EACH_CALL, SMALL_PLAN_CSV,
                                                                                                "401 200 403 200 404  200 404  403 404  403 403  404"),
        // Any version as a spreadsheet or a document: whoever may read the certification.
        row("GET",  "/api/certifications/{id}/plan/versions/{no}/export.csv", Fixture.CERTIFIED, NO_BODY,
                                                                                                "401 200 200 200 404  404 404  200 404  200 200  404"),
        row("GET",  "/api/certifications/{id}/plan/versions/{no}/export.xlsx", Fixture.CERTIFIED, NO_BODY,
                                                                                                "401 200 200 200 404  404 404  200 404  200 200  404"),
        row("GET",  "/api/certifications/{id}/plan/versions/{no}/plan.pdf", Fixture.CERTIFIED, NO_BODY,
                                                                                                "401 200 200 200 404  404 404  200 404  200 200  404"),
        // Revised after the certificate by the referent and the working group; management decides.
        row("POST", "/api/certifications/{id}/plan/revisions",        Fixture.CERTIFIED_EACH_CALL, NO_BODY,
                                                                                                "401 201 403 201 404  404 404  403 404  403 403  404"),
        row("POST", "/api/certifications/{id}/plan/revisions/submit", Fixture.REVISION_OPEN_EACH_CALL, CHANGE_NOTE,
                                                                                                "401 200 403 200 404  404 404  403 404  403 403  404"),
        row("POST", "/api/certifications/{id}/plan/versions/{no}/decision", Fixture.REVISION_SUBMITTED_EACH_CALL, APPROVE,
                                                                                                "401 403 200 403 404  404 404  403 404  403 403  404"),

        // The audit trail. Per certification: whoever may read the certification.
        row("GET",  "/api/certifications/{id}/audit",                 Fixture.CERTIFIED, NO_BODY,
                                                                                                "401 200 200 200 404  404 404  200 404  200 200  404"),
        row("GET",  "/api/certifications/{id}/audit.csv",             Fixture.CERTIFIED, NO_BODY,
                                                                                                "401 200 200 200 404  404 404  200 404  200 200  404"),
        // Across organisations: the agency and the administrator only.
        row("GET",  "/api/audit?from={today}&to={today}",             Fixture.CERTIFIED, NO_BODY,
                                                                                                "401 403 403 403 403  403 403  403 403  200 403  200"),
        row("GET",  "/api/audit/export.csv?from={today}&to={today}",  Fixture.CERTIFIED, NO_BODY,
                                                                                                "401 403 403 403 403  403 403  403 403  200 403  200"),

        // Attachments: listed and downloaded by whoever may read the certification; the kick-off
        // workshop's minutes attached by the organisation or the assigned consultant.
        row("GET",  "/api/certifications/{id}/attachments",           Fixture.CERTIFIED, NO_BODY,
                                                                                                "401 200 200 200 404  404 404  200 404  200 200  404"),
        row("GET",  "/api/certifications/{id}/attachments/{attachmentId}", Fixture.CERTIFIED, NO_BODY,
                                                                                                "401 200 200 200 404  404 404  200 404  200 200  404"),
        row("POST", "/api/certifications/{id}/attachments",           Fixture.AT_KICKOFF_EACH_CALL, WORKSHOP_MINUTES,
                                                                                                "401 201 201 201 404  201 404  403 404  403 403  404"),

        // The needs questionnaire. Followed and read by the organisation, its consultant and the
        // agency (not the council or the administrator; the evaluator only its main needs); run by the referent.
        row("GET",  "/api/certifications/{id}/questionnaire",         Fixture.AT_PLAN_DRAFTING, NO_BODY,
                                                                                                "401 200 200 200 404  200 404  403 404  200 403  404"),
        row("POST", "/api/certifications/{id}/questionnaire/invitations", Fixture.QUESTIONNAIRE_OPEN_EACH_CALL, NO_BODY,
                                                                                                "401 200 403 403 404  403 404  403 404  403 403  404"),
        row("POST", "/api/certifications/{id}/questionnaire/closure", Fixture.QUESTIONNAIRE_OPEN_EACH_CALL, NO_BODY,
                                                                                                "401 200 403 403 404  403 404  403 404  403 403  404"),
        row("GET",  "/api/certifications/{id}/questionnaire/results", Fixture.AT_PLAN_DRAFTING, NO_BODY,
                                                                                                "401 200 200 200 404  200 404  403 404  200 403  404"),
        row("GET",  "/api/certifications/{id}/questionnaire/results.csv", Fixture.AT_PLAN_DRAFTING, NO_BODY,
                                                                                                "401 200 200 200 404  200 404  403 404  200 403  404"),
        // Its main needs also for the assigned evaluator, who visits with them in hand.
        row("GET",  "/api/certifications/{id}/questionnaire/findings", Fixture.AT_PLAN_DRAFTING, NO_BODY,
                                                                                                "401 200 200 200 404  200 404  200 404  200 403  404"),
        // The Executive, three years on (last: its fixture moves the engine clock forward). The cycle has
        // ended, and with it the professionals' access.
        row("GET",  "/api/certifications/{id}/executive-certificate.pdf", Fixture.EXECUTIVE, NO_BODY,
                                                                                                "401 200 200 200 404  404 404  404 404  200 200  404"));
    // @formatter:on

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    private final Map<Fixture, Target> shared = new EnumMap<>(Fixture.class);

    @Test
    void everyApiEndpointHasARowAndEveryRowNamesAnEndpoint() {
        Set<String> served = servedEndpoints();
        Set<String> rows = TABLE.stream().map(Row::endpoint).collect(Collectors.toCollection(TreeSet::new));
        Set<String> withoutRow = served.stream().filter(e -> e.contains(" /api/") || e.endsWith(" /api"))
                .filter(e -> !rows.contains(e)).collect(Collectors.toCollection(TreeSet::new));
        Set<String> unknown = rows.stream()
                .filter(e -> !e.contains(" /engine-rest/")) // Jersey's, not Spring MVC's: the admin's 200 proves them
                .filter(e -> !served.contains(e))
                .collect(Collectors.toCollection(TreeSet::new));
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(withoutRow).as("endpoints without a row in %s.TABLE: add one with every caller's answer",
                    getClass().getSimpleName()).isEmpty();
            softly.assertThat(unknown).as("rows naming no endpoint (a typo, or an endpoint that was removed)").isEmpty();
        });
    }

    @Test
    void everyRowHasAnAnswerForEveryCallerAndNoRowComesTwice() {
        assertThat(TABLE).allSatisfy(row -> assertThat(row.expected()).as(row.toString()).containsOnlyKeys(Caller.values()));
        assertThat(TABLE.stream().map(Row::endpoint)).doesNotHaveDuplicates();
    }

    @TestFactory
    Stream<DynamicContainer> everyEndpointAsEveryCaller() {
        return TABLE.stream().map(row -> dynamicContainer(row.toString(), Arrays.stream(Caller.values())
                .map(caller -> dynamicTest("as " + caller + " → " + row.expected().get(caller), () -> check(row, caller)))));
    }

    /** The list shows a certification to exactly those who may read it. */
    @TestFactory
    Stream<DynamicContainer> theCertificationListShowsACertificationOnlyToWhoMayReadIt() {
        Row read = TABLE.stream().filter(r -> r.endpoint().equals("GET /api/certifications/{id}")).findFirst().orElseThrow();
        return Stream.of(dynamicContainer("GET /api/certifications", Arrays.stream(Caller.values())
                .filter(caller -> caller != Caller.ANONYMOUS)
                .map(caller -> {
                    boolean mayRead = read.expected().get(caller) == 200;
                    return dynamicTest("as " + caller + (mayRead ? " lists it" : " does not list it"), () -> {
                        Target t = prepare(Fixture.CERTIFIED);
                        Response r = call(caller.user(t.own(), otherOrganisation()), "GET", "/api/certifications", null);
                        boolean listed = false;
                        if (r.status() == 200) {
                            for (JsonNode c : json.readTree(r.body())) {
                                listed |= c.path("id").asText().equals(t.variables().get("id"));
                            }
                        }
                        assertThat(listed).as("certification %s listed for %s: %s", t.variables().get("id"), caller,
                                r.body()).isEqualTo(mayRead);
                    });
                })));
    }

    private void check(Row row, Caller caller) throws Exception {
        Target target = prepare(row.fixture());
        String path = target.expand(row.path());
        Response r = call(caller.user(target.own(), otherOrganisation()), row.method(), path, row.body().apply(target));
        assertThat(r.status()).as("%s %s as %s: %s", row.method(), path, caller, abbreviate(r.body()))
                .isEqualTo(row.expected().get(caller));
    }

    private Target prepare(Fixture fixture) throws Exception {
        return switch (fixture) {
            case NEW_ORGANISATION_EACH_CALL -> target(newOrganisation(), null);
            case AT_KICKOFF_EACH_CALL -> atKickoff();
            case AT_PLAN_DRAFTING_EACH_CALL -> {
                ApiDriver organisation = newOrganisation();
                yield target(organisation, startToPlanDrafting(organisation));
            }
            case CERTIFIED_EACH_CALL -> certified();
            case REVISION_OPEN_EACH_CALL -> withRevision(false);
            case REVISION_SUBMITTED_EACH_CALL -> withRevision(true);
            case QUESTIONNAIRE_OPEN_EACH_CALL -> questionnaireOpen();
            case CERTIFIED, EXECUTIVE, AT_KICKOFF, AT_PLAN_DRAFTING -> {
                Target t = shared.get(fixture);
                if (t == null) {
                    t = switch (fixture) {
                        case CERTIFIED -> certified();
                        case EXECUTIVE -> executive();
                        case AT_KICKOFF -> atKickoff();
                        default -> atPlanDrafting();
                    };
                    shared.put(fixture, t);
                }
                yield t;
            }
        };
    }

    /** Run to its certificate, with its application's resolution attached. */
    private Target certified() throws Exception {
        ApiDriver organisation = newOrganisation();
        long id = runToCertificate(organisation);
        assertThat(organisation.status(id).path("certificate").path("number").asText()).isNotBlank();
        Target t = target(organisation, id);
        Response attached = call(organisation.referent, "POST", "/api/certifications/" + id + "/attachments",
                new FormWithFile(Map.of("kind", "APPLICATION_RESOLUTION"), "delibera.pdf", PDF));
        assertThat(attached.status()).as(attached.body()).isEqualTo(201);
        t.variables().put("attachmentId", json.readTree(attached.body()).path("id").asText());
        return t;
    }

    /** Certified; the referent opens a revision of the plan, which the working group submits if asked. */
    private Target withRevision(boolean submitted) throws Exception {
        Target t = certified();
        String plan = "/api/certifications/" + t.variables().get("id") + "/plan";
        ok(t.own().referent, "POST", plan + "/revisions", null);
        if (submitted) {
            ok(t.own().workingGroup, "POST", plan + "/revisions/submit", CHANGE_NOTE.apply(t));
        }
        t.variables().put("no", "2");
        return t;
    }

    private Target executive() throws Exception {
        ApiDriver organisation = newOrganisation();
        long id = runToExecutive(organisation);
        assertThat(organisation.status(id).path("executiveCertificate").path("number").asText()).isNotBlank();
        return target(organisation, id);
    }

    private Target atKickoff() throws Exception {
        ApiDriver organisation = newOrganisation();
        long id = startToKickoff(organisation);
        Target t = target(organisation, id);
        t.variables().put("taskId", openTaskId(organisation, "RecordKickoffWorkshopTask"));
        return t;
    }

    /** Kick-off and working group done: the referent's questionnaire campaign is next. */
    private ApiDriver toQuestionnaire(ApiDriver organisation) throws Exception {
        complete(organisation, "consultant", CertificationProcess.RECORD_KICKOFF_WORKSHOP,
                ApiDriver.kickoff(LocalDate.parse(ApiDriver.today())));
        complete(organisation, organisation.manager, CertificationProcess.FORM_WORKING_GROUP, ApiDriver.workingGroup());
        return organisation;
    }

    private Target atPlanDrafting() throws Exception {
        ApiDriver organisation = newOrganisation();
        long id = startToKickoff(organisation);
        toQuestionnaire(organisation).runNeedsQuestionnaire();
        return target(organisation, id);
    }

    private Target questionnaireOpen() throws Exception {
        ApiDriver organisation = newOrganisation();
        long id = startToKickoff(organisation);
        complete(toQuestionnaire(organisation), organisation.referent, CertificationProcess.OPEN_QUESTIONNAIRE_CAMPAIGN,
                ApiDriver.questionnaireCampaign());
        return target(organisation, id);
    }

    private static Target target(ApiDriver organisation, Long certification) {
        Map<String, String> variables = new HashMap<>();
        variables.put("code", organisation.organization);
        variables.put("today", ApiDriver.today());
        if (certification != null) {
            variables.put("id", certification.toString());
            variables.put("no", "1");
        }
        return new Target(organisation, variables);
    }

    /** "METHOD /pattern" of every handler Spring MVC serves. */
    private Set<String> servedEndpoints() {
        Set<String> served = new TreeSet<>();
        for (RequestMappingInfo info : handlers.getHandlerMethods().keySet()) {
            Set<String> methods = info.getMethodsCondition().getMethods().stream().map(Enum::name)
                    .collect(Collectors.toSet());
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    served.add("ANY " + pattern); // no row can match: give the handler an explicit method
                }
                methods.forEach(m -> served.add(m + " " + pattern));
            }
        }
        return served;
    }

    private static Row row(String method, String path, Fixture fixture, Function<Target, Object> body, String answers) {
        String[] codes = answers.trim().split("\\s+");
        Caller[] callers = Caller.values();
        if (codes.length != callers.length) {
            throw new IllegalArgumentException(method + " " + path + ": " + codes.length + " answers for "
                    + callers.length + " callers");
        }
        Map<Caller, Integer> expected = new EnumMap<>(Caller.class);
        for (int i = 0; i < codes.length; i++) {
            expected.put(callers[i], Integer.valueOf(codes[i]));
        }
        return new Row(method, path, fixture, body, expected);
    }

    private static String abbreviate(String body) {
        return body == null || body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }
}
