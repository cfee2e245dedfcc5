package it.familyaudit.workflow.demo;

import it.familyaudit.workflow.FamilyAuditProperties;
import it.familyaudit.workflow.certification.CertificationProcess;
import it.familyaudit.workflow.certification.Certifications;
import it.familyaudit.workflow.certification.CertificationService;
import it.familyaudit.workflow.certification.CycleKind;
import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.plan.PlanService;
import it.familyaudit.workflow.plan.PlanView;
import it.familyaudit.workflow.plan.transfer.PlanCsv;
import it.familyaudit.workflow.plan.transfer.PlanFormat;
import it.familyaudit.workflow.plan.transfer.PlanImport;
import it.familyaudit.workflow.security.CurrentUser;
import it.familyaudit.workflow.survey.QuestionnaireService;
import it.familyaudit.workflow.inbox.Inbox;
import it.familyaudit.workflow.inbox.TaskView;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The seed municipality's first certification, brought to the drafting of the plan the way its users would bring
 * it (the same services and task checks as the API), with the Capannori plan of the seed document imported into the
 * draft through the same reader as a spreadsheet upload. The demo thus opens on a real plan to read and change.
 * Done once: not when the organisation has any certification already, so restarts change nothing; all in one
 * transaction, so a failure leaves nothing half done.
 */
@Component
@ConditionalOnProperty(name = "family-audit.demo.enabled", havingValue = "true")
class DemoCertification {

    static final String PLAN = "demo/piano-capannori.csv";
    static final String DRAFTED_BY = "working-group";

    private static final Logger log = LoggerFactory.getLogger(DemoCertification.class);

    private final CertificationService certifications;
    private final Certifications certificationRecords;
    private final Inbox inbox;
    private final PlanService planService;
    private final QuestionnaireService questionnaires;
    private final IdentityService identity;
    private final TransactionTemplate transaction;
    private final FamilyAuditProperties properties;

    DemoCertification(CertificationService certifications, Certifications certificationRecords, Inbox inbox, PlanService planService,
                      QuestionnaireService questionnaires, IdentityService identity,
                      TransactionTemplate transaction, FamilyAuditProperties properties) {
        this.certifications = certifications;
        this.certificationRecords = certificationRecords;
        this.inbox = inbox;
        this.planService = planService;
        this.questionnaires = questionnaires;
        this.identity = identity;
        this.transaction = transaction;
        this.properties = properties;
    }

    /** The certification id, when this call started it. */
    Optional<Long> bringToPlanDrafting(String organization) {
        return transaction.execute(status -> {
            if (certificationRecords.anyOfOrganization(organization)) {
                return Optional.empty();
            }
            String today = EngineTime.today().toString();
            long id = certifications.start(as("referent"), CycleKind.CERTIFICATION).id();
            complete("referent", organization, CertificationProcess.SUBMIT_APPLICATION, Map.of(
                    "scope", "whole", "employeesInvolved", 250, "internalActNumber", "DG 123/2026",
                    "internalActDate", today, "referentName", "Giulia Bianchi",
                    "referentEmail", "giulia.bianchi@example.it", "referentPhone", "+39 0583 428 000"));
            complete("agency", organization, CertificationProcess.RECORD_PAYMENT, Map.of(
                    "paymentNoticeNumber", "301000000000012345", "paymentDate", today, "amountPaid", 1000));
            if ("organisation".equals(properties.consultantChoice())) {
                complete("management", organization, CertificationProcess.CHOOSE_CONSULTANT,
                        Map.of("consultantId", "consultant"));
                complete("agency", organization, CertificationProcess.ASSIGN_EVALUATOR, Map.of("evaluatorId", "evaluator"));
            } else {
                complete("agency", organization, CertificationProcess.ASSIGN_PROFESSIONALS,
                        Map.of("consultantId", "consultant", "evaluatorId", "evaluator"));
            }
            complete("consultant", organization, CertificationProcess.RECORD_KICKOFF_WORKSHOP, Map.of(
                    "workshopDate", today, "participants", "Segretario generale e dirigenti",
                    "objectives", "Benessere organizzativo e conciliazione dei tempi di vita e di lavoro",
                    "fieldsOfAction", "Organizzazione del lavoro, sviluppo del personale, comunicazione, welfare",
                    "workingGroupProfile", "Dodici dipendenti rappresentativi per genere, età, ruolo e contratto",
                    "timetable", "Piano entro sei mesi dal workshop"));
            complete("management", organization, CertificationProcess.FORM_WORKING_GROUP, Map.of("members", List.of(
                    member("Sara Neri", "F", "30-39", "istruttori", "full-time-permanent"),
                    member("Mario Blu", "M", "50-59", "funzionari", "part-time-permanent"),
                    member("Anna Rosa", "F", "40-49", "operatori", "full-time-fixed"),
                    member("Luca Verdi", "M", "under30", "istruttori", "full-time-permanent"),
                    member("Ida Gialli", "F", "60plus", "dirigenza", "full-time-permanent"))));
            // The questionnaire: a campaign by codes, closed at once by the referent (no answers in the demo).
            complete("referent", organization, CertificationProcess.OPEN_QUESTIONNAIRE_CAMPAIGN, Map.of(
                    "opensOn", today, "closesOn", EngineTime.today().plusDays(14).toString(),
                    "employeesInvited", 250, "invitationMode", "codes"));
            questionnaires.closeEarly(as("referent"), id, null);
            // Through the import endpoint's own path: the same parser, rules and guarded draft.
            PlanView plan = planService.importDraft(as(DRAFTED_BY), id, PlanFormat.CSV, seedPlanFile());
            log.info("Demo: certificazione {} di {} al passo «Redigere il piano aziendale», bozza con {} campi e {} azioni "
                    + "dal piano di Capannori", id, organization, plan.fields().size(),
                    plan.actions().size());
            return Optional.of(id);
        });
    }

    static PlanImport seedPlan() {
        return PlanCsv.read(seedPlanFile());
    }

    private static byte[] seedPlanFile() {
        try (InputStream in = new ClassPathResource(PLAN).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + PLAN, e);
        }
    }

    private void complete(String user, String organization, String taskKey, Map<String, Object> values) {
        CurrentUser actor = as(user);
        TaskView.Summary task = inbox.myTasks(actor, 0, Inbox.MAX_PAGE_SIZE).tasks().stream()
                .filter(t -> t.taskKey().equals(taskKey) && organization.equals(t.organizationCode()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Demo: no task " + taskKey + " for " + user));
        inbox.complete(actor, task.id(), values);
    }

    /** The demo user with the roles and organisations Camunda gives them now (a consultant's grow when assigned). */
    private CurrentUser as(String user) {
        return new CurrentUser(user,
                identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).collect(Collectors.toSet()),
                identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
                        .map(Tenant::getId).collect(Collectors.toSet()));
    }

    private static Map<String, Object> member(String name, String gender, String age, String category, String contract) {
        return Map.of("memberName", name, "memberRole", "Membro del gruppo di lavoro", "gender", gender, "ageBand", age,
                "jobCategory", category, "contractType", contract);
    }
}
