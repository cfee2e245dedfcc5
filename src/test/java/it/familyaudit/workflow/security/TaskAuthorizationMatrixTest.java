package it.familyaudit.workflow.security;

import static it.familyaudit.workflow.certification.CertificationProcess.APPROVE_PLAN;
import static it.familyaudit.workflow.certification.CertificationProcess.ASSIGN_EVALUATOR;
import static it.familyaudit.workflow.certification.CertificationProcess.ASSIGN_PROFESSIONALS;
import static it.familyaudit.workflow.certification.CertificationProcess.CHOOSE_CONSULTANT;
import static it.familyaudit.workflow.certification.CertificationProcess.CONSULTANT_CHOICE;
import static it.familyaudit.workflow.certification.CertificationProcess.DECIDE_CERTIFICATION;
import static it.familyaudit.workflow.certification.CertificationProcess.DECIDE_OVERDUE;
import static it.familyaudit.workflow.certification.CertificationProcess.DRAFT_PLAN;
import static it.familyaudit.workflow.certification.CertificationProcess.FORM_WORKING_GROUP;
import static it.familyaudit.workflow.certification.CertificationProcess.OPEN_QUESTIONNAIRE_CAMPAIGN;
import static it.familyaudit.workflow.certification.CertificationProcess.RECORD_EVALUATION_VISIT;
import static it.familyaudit.workflow.certification.CertificationProcess.RECORD_KICKOFF_WORKSHOP;
import static it.familyaudit.workflow.certification.CertificationProcess.RECORD_PAYMENT;
import static it.familyaudit.workflow.certification.CertificationProcess.SUBMIT_APPLICATION;
import static it.familyaudit.workflow.support.ApiDriver.application;
import static it.familyaudit.workflow.support.ApiDriver.approval;
import static it.familyaudit.workflow.support.ApiDriver.council;
import static it.familyaudit.workflow.support.ApiDriver.evaluation;
import static it.familyaudit.workflow.support.ApiDriver.kickoff;
import static it.familyaudit.workflow.support.ApiDriver.payment;
import static it.familyaudit.workflow.support.ApiDriver.professionals;
import static it.familyaudit.workflow.support.ApiDriver.workingGroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import it.familyaudit.workflow.certification.CertificationProcess;
import it.familyaudit.workflow.certification.MaintenanceProcess;
import it.familyaudit.workflow.monitoring.MonitoringProcess;
import it.familyaudit.workflow.plan.PlanRepository;
import it.familyaudit.workflow.support.ApiDriver;
import it.familyaudit.workflow.support.MonitoringValues;
import it.familyaudit.workflow.support.PlanSeeds;
import it.familyaudit.workflow.engine.FormValidationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who may see and do every task of the certification, from one table: task → the group that does
 * it. A certification is driven through the API along its path; while each task is open, every
 * {@link Caller} asks for it ({@code GET /api/tasks/{id}}), submits it with an empty form (so that
 * nothing completes: the one who may do it gets 400 with the field errors) and looks for it among
 * their tasks ({@code GET /api/tasks}).
 *
 * <p>The answers follow from the table: anonymous 401; outside the caller's organisations 404
 * (consultants and evaluators act only in organisations that assigned them); another role 403; a
 * consultant's or evaluator's task for anyone but the one assigned 403; otherwise 200 (and 400 for
 * the empty form), and only then is the task among the caller's tasks. Camunda's own
 * authorizations (candidate groups, tenants) guard Tasklist for the organisation's roles, but the
 * assignment of a consultant or evaluator is our rule: for them the form is also submitted the way
 * Tasklist does, through the engine as that user.
 */
class TaskAuthorizationMatrixTest extends AuthorizationMatrixSupport {

    /**
     * THE TABLE: every user task of the models ({@code family-audit-certification}, its yearly
     * {@code family-audit-annual-monitoring} rounds, {@code family-audit-maintenance}, whose tasks are the
     * certification's) and the group that does it.
     */
    static final Map<String, String> TASKS = table(
            SUBMIT_APPLICATION, Roles.REFERENT,
            RECORD_PAYMENT, Roles.AGENCY,
            ASSIGN_PROFESSIONALS, Roles.AGENCY,
            CHOOSE_CONSULTANT, Roles.MANAGEMENT,
            ASSIGN_EVALUATOR, Roles.AGENCY,
            RECORD_KICKOFF_WORKSHOP, Roles.CONSULTANT,
            DECIDE_OVERDUE, Roles.AGENCY,
            FORM_WORKING_GROUP, Roles.MANAGEMENT,
            OPEN_QUESTIONNAIRE_CAMPAIGN, Roles.REFERENT,
            CertificationProcess.COLLECT_QUESTIONNAIRE_ANSWERS, Roles.REFERENT,
            DRAFT_PLAN, Roles.WORKING_GROUP,
            APPROVE_PLAN, Roles.MANAGEMENT,
            RECORD_EVALUATION_VISIT, Roles.EVALUATOR,
            DECIDE_CERTIFICATION, Roles.COUNCIL,
            MonitoringProcess.COMPILE_REPORT, Roles.REFERENT,
            MonitoringProcess.APPROVE_REPORT, Roles.MANAGEMENT,
            MonitoringProcess.AUDIT_REPORT, Roles.EVALUATOR,
            MonitoringProcess.DECIDE, Roles.COUNCIL,
            MonitoringProcess.COMPLETE_CORRECTIVE_MEASURES, Roles.REFERENT,
            MonitoringProcess.HANDLE_ESCALATION, Roles.AGENCY,
            CertificationProcess.RECOGNISE_PLAN_CARRIED_OUT, Roles.COUNCIL);

    /** How a caller stands towards a task, and what each call answers for it. */
    enum Access {
        ANONYMOUS(401, 401),
        OUTSIDE_THE_ORGANISATION(404, 404),
        OTHER_ROLE(403, 403),
        NOT_THE_ASSIGNED_PROFESSIONAL(403, 403),
        MAY_DO_IT(200, 400);

        final int get;
        final int emptyCompletion;

        Access(int get, int emptyCompletion) {
            this.get = get;
            this.emptyCompletion = emptyCompletion;
        }
    }

    private static final String AGENCY_ASSIGNS = "agency assigns";
    private static final String ORGANISATION_CHOOSES = "organisation chooses";
    private static final String AFTER_AN_EARLIER_CYCLE = "after an earlier cycle";
    private static final String MONITORING = "the years after the certificate";

    /**
     * Known bugs: the answer given today where it is not the table's. Each line keeps its case green
     * and says what is right; fixing the bug fails the case, and then the line goes.
     */


    /** One task on the way: what to do so that it is open, coming from the one before. */
    record Stage(String taskKey, Step reach) {
    }

    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    /**
     * The certification being driven: which professionals it assigns, and which may act in the
     * organisation (the assigned ones, and those an earlier cycle assigned).
     */
    final class Cycle {
        final String name;
        final ApiDriver organisation = newOrganisation();
        final Set<Caller> assigned = EnumSet.noneOf(Caller.class);
        final Set<Caller> inOrganisation = EnumSet.noneOf(Caller.class);
        LocalDate kickoff;
        String processInstanceId;

        Cycle(String name) {
            this.name = name;
        }

        void assign(Caller... professionals) {
            assigned.addAll(List.of(professionals));
            inOrganisation.addAll(List.of(professionals));
        }

        void start() throws Exception {
            organisation.start();
            processInstanceId = runtime.createProcessInstanceQuery().tenantIdIn(organisation.organization).active()
                    .singleResult().getProcessInstanceId();
        }

        void complete(String user, String taskKey, Map<String, ?> values) throws Exception {
            TaskAuthorizationMatrixTest.this.complete(organisation, user, taskKey, values);
        }

        Access access(Caller caller, String group) {
            if (caller == Caller.ANONYMOUS) {
                return Access.ANONYMOUS;
            }
            boolean actsHere = switch (caller) {
                case REFERENT, MANAGEMENT, WORKING_GROUP, AGENCY, COUNCIL -> true;
                case OTHER_REFERENT, ADMIN -> false;
                default -> inOrganisation.contains(caller);
            };
            if (!actsHere) {
                return Access.OUTSIDE_THE_ORGANISATION;
            }
            if (!group.equals(caller.role)) {
                return Access.OTHER_ROLE;
            }
            if (caller.isProfessional() && !assigned.contains(caller)) {
                return Access.NOT_THE_ASSIGNED_PROFESSIONAL;
            }
            return Access.MAY_DO_IT;
        }
    }

    @Autowired
    RuntimeService runtime;
    @Autowired
    FormService forms;
    @Autowired
    RepositoryService repository;
    @Autowired
    PlanRepository plans;
    @Autowired
    JdbcClient db;
    @Test
    void theTableNamesEveryUserTaskOfTheModelsWithItsCandidateGroup() {
        Map<String, String> models = new TreeMap<>();
        for (String key : List.of(CertificationProcess.KEY, MonitoringProcess.KEY, MaintenanceProcess.KEY)) {
            ProcessDefinition definition = repository.createProcessDefinitionQuery()
                    .processDefinitionKey(key).withoutTenantId().latestVersion().singleResult();
            for (UserTask task : repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)) {
                String before = models.put(task.getId(), task.getCamundaCandidateGroups());
                assertThat(before).as("%s in two models with different groups", task.getId())
                        .isIn(null, task.getCamundaCandidateGroups());
            }
        }
        assertThat(new TreeMap<>(TASKS)).isEqualTo(models);
    }

    @Test
    void thePathsTogetherOpenEveryTaskOfTheTable() {
        List<String> visited = new ArrayList<>();
        agencyAssigns(new Cycle(AGENCY_ASSIGNS)).forEach(s -> visited.add(s.taskKey()));
        organisationChoosesTheConsultant(new Cycle(ORGANISATION_CHOOSES)).forEach(s -> visited.add(s.taskKey()));
        theYearsAfterTheCertificate(new Cycle(MONITORING)).forEach(s -> visited.add(s.taskKey()));
        assertThat(visited).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(TASKS.keySet());
    }

    @TestFactory
    Stream<DynamicContainer> everyTaskOfACycleWhereTheAgencyAssignsBothProfessionals() {
        Cycle cycle = new Cycle(AGENCY_ASSIGNS);
        return agencyAssigns(cycle).stream().map(stage -> whileOpen(cycle, stage));
    }

    @TestFactory
    Stream<DynamicContainer> theTasksOfACycleWhereManagementChoosesTheConsultant() {
        Cycle cycle = new Cycle(ORGANISATION_CHOOSES);
        return organisationChoosesTheConsultant(cycle).stream().map(stage -> whileOpen(cycle, stage));
    }

    /**
     * The professionals' tasks of a cycle after a certified one that assigned {@code consultant2} and
     * {@code evaluator2} and was withdrawn during its monitoring: both lost the organisation with it. An
     * administrator then gives {@code evaluator2} the organisation's tenant again, so the rule that a task is
     * for the assigned professional only is still what refuses them.
     */
    @TestFactory
    Stream<DynamicContainer> theProfessionalsTasksOfACycleAfterOneThatAssignedOthers() {
        Cycle cycle = new Cycle(AFTER_AN_EARLIER_CYCLE);
        return afterAnEarlierCycle(cycle).stream().map(stage -> whileOpen(cycle, stage));
    }

    @TestFactory
    Stream<DynamicContainer> theTasksOfTheYearsAfterTheCertificate() {
        Cycle cycle = new Cycle(MONITORING);
        return theYearsAfterTheCertificate(cycle).stream().map(stage -> whileOpen(cycle, stage));
    }

    /**
     * A certified cycle with a plan of six actions: the consultant's access ended with the certificate, the
     * evaluator audits the monitoring. The first year's report, its approval and audit; the council asks for
     * corrective measures, which run late past the grace period, so the agency's escalation opens; then
     * three confirmed years and the council's recognition of the plan.
     */
    private List<Stage> theYearsAfterTheCertificate(Cycle c) {
        ApiDriver o = c.organisation;
        long[] id = new long[1];
        return List.of(
                new Stage(MonitoringProcess.COMPILE_REPORT, () -> {
                    id[0] = runToCertificate(o);
                    c.inOrganisation.add(Caller.EVALUATOR);
                    c.assigned.add(Caller.EVALUATOR);
                    PlanSeeds.approved(plans, db, id[0], PlanSeeds.actions(6));
                    openRound(o, id[0]);
                }),
                new Stage(MonitoringProcess.APPROVE_REPORT, () -> c.complete(o.referent, MonitoringProcess.COMPILE_REPORT,
                        MonitoringValues.report(rounds.actions(rounds.current(id[0]).orElseThrow().id())))),
                new Stage(MonitoringProcess.AUDIT_REPORT, () -> c.complete(o.manager, MonitoringProcess.APPROVE_REPORT,
                        MonitoringValues.approval())),
                new Stage(MonitoringProcess.DECIDE, () -> c.complete("evaluator", MonitoringProcess.AUDIT_REPORT,
                        MonitoringValues.audit("confirm-with-remarks"))),
                new Stage(MonitoringProcess.COMPLETE_CORRECTIVE_MEASURES, () -> c.complete("council",
                        MonitoringProcess.DECIDE, MonitoringValues.corrective(LocalDate.parse(ApiDriver.today())
                                .plusMonths(1)))),
                new Stage(MonitoringProcess.HANDLE_ESCALATION, () -> {
                    moveClockTo(LocalDate.parse(ApiDriver.today()).plusMonths(2));
                    executeJobs(o);
                }),
                new Stage(CertificationProcess.RECOGNISE_PLAN_CARRIED_OUT, () -> {
                    c.complete("agency", MonitoringProcess.HANDLE_ESCALATION, MonitoringValues.escalationHandled());
                    c.complete(o.referent, MonitoringProcess.COMPLETE_CORRECTIVE_MEASURES,
                            MonitoringValues.correctiveMeasuresTaken());
                    c.complete("evaluator", MonitoringProcess.AUDIT_REPORT, MonitoringValues.audit("confirm"));
                    c.complete("council", MonitoringProcess.DECIDE, MonitoringValues.decision("confirm"));
                    for (int year = 2; year <= 3; year++) {
                        openRound(o, id[0]);
                        c.complete(o.referent, MonitoringProcess.COMPILE_REPORT,
                                MonitoringValues.report(rounds.actions(rounds.current(id[0]).orElseThrow().id())));
                        c.complete(o.manager, MonitoringProcess.APPROVE_REPORT, MonitoringValues.approval());
                        c.complete("evaluator", MonitoringProcess.AUDIT_REPORT, MonitoringValues.audit("confirm"));
                        c.complete("council", MonitoringProcess.DECIDE, MonitoringValues.decision("confirm"));
                    }
                }));
    }

    /** Moves the clock to the certification's current round's opening and runs the timer. */
    private void openRound(ApiDriver organisation, long certification) {
        moveClockTo(rounds.current(certification).orElseThrow().opensOn());
        executeJobs(organisation);
    }

    /** The happy path, with the six-month deadline passing after the kick-off so the agency's overdue decision opens too. */
    private List<Stage> agencyAssigns(Cycle c) {
        ApiDriver o = c.organisation;
        return List.of(
                new Stage(SUBMIT_APPLICATION, c::start),
                new Stage(RECORD_PAYMENT, () -> c.complete(o.referent, SUBMIT_APPLICATION, application(120))),
                new Stage(ASSIGN_PROFESSIONALS, () -> c.complete("agency", RECORD_PAYMENT, payment(1000))),
                new Stage(RECORD_KICKOFF_WORKSHOP, () -> {
                    c.complete("agency", ASSIGN_PROFESSIONALS, professionals("consultant", "evaluator"));
                    c.assign(Caller.CONSULTANT, Caller.EVALUATOR);
                }),
                new Stage(DECIDE_OVERDUE, () -> {
                    c.kickoff = LocalDate.parse(ApiDriver.today());
                    c.complete("consultant", RECORD_KICKOFF_WORKSHOP, kickoff(c.kickoff));
                    moveClockTo(c.kickoff.plusMonths(6).plusDays(1));
                    executeJobs(o);
                }),
                new Stage(FORM_WORKING_GROUP, () -> c.complete("agency", DECIDE_OVERDUE, Map.of("overdueDecision",
                        "extend", "newDeadline", c.kickoff.plusMonths(12).toString(), "reason", "Cambio di giunta"))),
                new Stage(OPEN_QUESTIONNAIRE_CAMPAIGN, () -> c.complete(o.manager, FORM_WORKING_GROUP, workingGroup())),
                new Stage(CertificationProcess.COLLECT_QUESTIONNAIRE_ANSWERS, () -> c.complete(o.referent,
                        OPEN_QUESTIONNAIRE_CAMPAIGN, ApiDriver.questionnaireCampaign())),
                new Stage(DRAFT_PLAN, () -> c.complete(o.referent, CertificationProcess.COLLECT_QUESTIONNAIRE_ANSWERS,
                        Map.of("closeNow", true))),
                new Stage(APPROVE_PLAN, () -> draftAndSubmitPlan(o)),
                new Stage(RECORD_EVALUATION_VISIT, () -> c.complete(o.manager, APPROVE_PLAN, approval())),
                new Stage(DECIDE_CERTIFICATION, () -> c.complete("evaluator", RECORD_EVALUATION_VISIT,
                        evaluation("positive"))));
    }

    /**
     * Under the rules where the organisation chooses its consultant. The switch is the process
     * variable {@code family-audit.consultant-choice} sets when a cycle starts; setting it on this
     * one cycle spares the test a second application context.
     */
    private List<Stage> organisationChoosesTheConsultant(Cycle c) {
        ApiDriver o = c.organisation;
        return List.of(
                new Stage(CHOOSE_CONSULTANT, () -> {
                    c.start();
                    runtime.setVariable(c.processInstanceId, CONSULTANT_CHOICE, "organisation");
                    c.complete(o.referent, SUBMIT_APPLICATION, application(120));
                    c.complete("agency", RECORD_PAYMENT, payment(1000));
                }),
                new Stage(ASSIGN_EVALUATOR, () -> {
                    c.complete(o.manager, CHOOSE_CONSULTANT, Map.of("consultantId", "consultant"));
                    c.assign(Caller.CONSULTANT);
                }));
    }

    /**
     * The first cycle assigns consultant2 and evaluator2, is certified and withdrawn in its first year of
     * monitoring; evaluator2 is given the tenant back by hand. The next cycle assigns consultant and evaluator.
     */
    private List<Stage> afterAnEarlierCycle(Cycle c) {
        ApiDriver o = c.organisation;
        return List.of(
                new Stage(RECORD_KICKOFF_WORKSHOP, () -> {
                    long first = o.start();
                    c.complete(o.referent, SUBMIT_APPLICATION, application(120));
                    c.complete("agency", RECORD_PAYMENT, payment(1000));
                    c.complete("agency", ASSIGN_PROFESSIONALS, professionals("consultant2", "evaluator2"));
                    c.complete("consultant2", RECORD_KICKOFF_WORKSHOP, kickoff(LocalDate.parse(ApiDriver.today())));
                    c.complete(o.manager, FORM_WORKING_GROUP, workingGroup());
                    o.runNeedsQuestionnaire();
                    draftAndSubmitPlan(o);
                    c.complete(o.manager, APPROVE_PLAN, approval());
                    c.complete("evaluator2", RECORD_EVALUATION_VISIT, evaluation("positive"));
                    c.complete("council", DECIDE_CERTIFICATION, council("grant"));
                    ok(o.referent, "POST", "/api/certifications/" + first + "/withdrawal",
                            Map.of("reason", "Fusione con il comune vicino"));
                    assertThat(identity.createTenantQuery().tenantId(o.organization).userMember("evaluator2").count())
                            .as("evaluator2's access after the withdrawal").isZero();
                    identity.createTenantUserMembership(o.organization, "evaluator2");
                    c.inOrganisation.add(Caller.EVALUATOR2);
                    startToKickoff(o);
                    c.assign(Caller.CONSULTANT, Caller.EVALUATOR);
                }),
                new Stage(RECORD_EVALUATION_VISIT, () -> {
                    c.complete("consultant", RECORD_KICKOFF_WORKSHOP, kickoff(LocalDate.parse(ApiDriver.today())));
                    c.complete(o.manager, FORM_WORKING_GROUP, workingGroup());
                    o.runNeedsQuestionnaire();
                    draftAndSubmitPlan(o);
                    c.complete(o.manager, APPROVE_PLAN, approval());
                }));
    }

    /** Opens the stage's task (lazily, when JUnit gets to it), then one container of cases per caller. */
    private DynamicContainer whileOpen(Cycle cycle, Stage stage) {
        String group = TASKS.get(stage.taskKey());
        return dynamicContainer(stage.taskKey() + " (" + group + ")", Stream.of(stage).flatMap(s -> {
            try {
                s.reach().run();
            } catch (Exception e) {
                throw new IllegalStateException("Could not open " + s.taskKey(), e);
            }
            String taskId = openTaskId(cycle.organisation, s.taskKey());
            return Arrays.stream(Caller.values())
                    .map(caller -> cases(cycle, s.taskKey(), taskId, caller, cycle.access(caller, group)));
        }));
    }

    private DynamicContainer cases(Cycle cycle, String taskKey, String taskId, Caller caller, Access access) {
        String user = caller.user(cycle.organisation, otherOrganisation());
        String task = "/api/tasks/" + taskId;
        List<DynamicNode> cases = new ArrayList<>();
        int get = access.get;
        cases.add(dynamicTest("GET /api/tasks/{id} → " + get, () -> {
            Response r = call(user, "GET", task, null);
            assertThat(r.status()).as("GET %s (%s) as %s: %s", task, taskKey, caller, r.body()).isEqualTo(get);
            if (get == 200) {
                JsonNode detail = json.readTree(r.body());
                assertThat(detail.path("task").path("taskKey").asText()).isEqualTo(taskKey);
                assertThat(detail.path("candidateGroups").toString()).contains(TASKS.get(taskKey));
            }
        }));
        int empty = access.emptyCompletion;
        cases.add(dynamicTest("POST /api/tasks/{id}/completion {} → " + empty, () -> {
            Response r = call(user, "POST", task + "/completion", Map.of());
            assertThat(r.status()).as("POST %s/completion (%s) as %s: %s", task, taskKey, caller, r.body())
                    .isEqualTo(empty);
            if (empty == 400) {
                assertThat(json.readTree(r.body()).path("errors")).as("field errors").isNotEmpty();
            }
            assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("%s still open", taskKey).isEqualTo(1);
        }));
        if (caller == Caller.ANONYMOUS) {
            cases.add(dynamicTest("GET /api/tasks → 401",
                    () -> assertThat(call(null, "GET", "/api/tasks", null).status()).isEqualTo(401)));
        } else {
            boolean listed = access == Access.MAY_DO_IT;
            cases.add(dynamicTest((listed ? "listed" : "not listed") + " in GET /api/tasks",
                    () -> assertThat(listsTask(user, taskId)).as("%s listed for %s", taskKey, caller).isEqualTo(listed)));
        }
        if (caller.isProfessional()) {
            boolean accepted = access == Access.MAY_DO_IT;
            cases.add(dynamicTest("Tasklist's form submission {} " + (accepted ? "reaches the form's checks" : "is refused"),
                    () -> assertThat(passesTheEnginesChecks(user, taskId)).as("%s through the engine as %s", taskKey, caller)
                            .isEqualTo(accepted)));
        }
        return dynamicContainer("as " + caller + ": " + access.name().toLowerCase().replace('_', ' '), cases.stream());
    }

    /**
     * Submits an empty form as Tasklist does: through the engine, authenticated as the user with
     * their groups and tenants. True when only the form's own checks stop it (the engine would have
     * let valid values complete the task), false when the engine refuses the user.
     */
    private boolean passesTheEnginesChecks(String user, String taskId) {
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        List<String> tenants = identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
                .map(Tenant::getId).toList();
        identity.setAuthentication(user, groups, tenants);
        try {
            forms.submitTaskForm(taskId, Map.of());
            throw new AssertionError("An empty form completed task " + taskId);
        } catch (FormValidationException e) {
            return true;
        } catch (ProcessEngineException e) {
            return false;
        } finally {
            identity.clearAuthentication();
            assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("task still open").isEqualTo(1);
        }
    }

    private static Map<String, String> table(String... keysAndGroups) {
        Map<String, String> table = new LinkedHashMap<>();
        for (int i = 0; i < keysAndGroups.length; i += 2) {
            if (table.put(keysAndGroups[i], keysAndGroups[i + 1]) != null) {
                throw new IllegalArgumentException("Twice in the table: " + keysAndGroups[i]);
            }
        }
        return table;
    }
}
