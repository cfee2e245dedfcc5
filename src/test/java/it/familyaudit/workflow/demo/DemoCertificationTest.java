package it.familyaudit.workflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import it.familyaudit.workflow.FamilyAuditApplication;
import it.familyaudit.workflow.certification.CertificationProcess;
import it.familyaudit.workflow.plan.PlanAction;
import it.familyaudit.workflow.plan.PlanContent;
import it.familyaudit.workflow.plan.PlanField;
import it.familyaudit.workflow.plan.PlanRepository;
import it.familyaudit.workflow.plan.PlanVersion;
import it.familyaudit.workflow.plan.transfer.PlanImport;
import it.familyaudit.workflow.security.CurrentUser;
import it.familyaudit.workflow.security.Roles;
import it.familyaudit.workflow.inbox.Inbox;
import it.familyaudit.workflow.inbox.TaskView;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo profile starts with Capannori's certification at the drafting of its plan, the seed plan in the draft,
 * and does it once: a restart on the same database changes nothing.
 */
class DemoCertificationTest {

    static final List<String> FIELDS = List.of("Macro-ambito Organizzazione del Lavoro", "Processi di Lavoro",
            "Luoghi di lavoro", "Cultura aziendale/ Diversity Equality & Inclusion Management", "Sviluppo del Personale",
            "Comunicazione", "Welfare aziendale/people caring", "Servizi al lavoratore e ai familiari",
            "Welfare territoriale", "Responsabilità sociale d’impresa",
            "Orientamento ai servizi ICT per gli aspetti organizzativo/gestionali e di welfare aziendale");

    /** The actions of the seed document, titles as written there. */
    static final List<String> ACTIONS = List.of("1.1 Ripensare la flessibilità", "1.2 Smart Working",
            "2.1 Manuale del Dipendente", "2.2 Revisione di alcune procedure", "3.1 Sala polivalente",
            "3.2 Spazi ergonomici", "4.1 Competenza del management", "5.1 Accoglienza dei neo-assunti",
            "5.2 Corso di lingua per i dipendenti", "5.3 Formazione del personale sulle metodologie partecipative",
            "5.4 Gruppo…. Alla pari", "6.1 Comunicazione in “via prioritaria”", "6.2 La scatola dei suggerimenti",
            "7.1 Yoga in azienda", "8.1 Potenziamento del sistema delle convenzioni",
            "9.1 Acquisti di gruppo al mercato contadino", "9.2 Mappatura dei servizi di conciliazione",
            "10.1 Economia circolare digitale - studio di fattibilità", "10.2 Promozione del car sharing",
            "11.1 Dotazione tecnologica della sala polifunzionale", "11.2 Forum dei dipendenti",
            "11.3 Promozione del programma Syllabus");

    private ProcessEngine shared;

    /** Closing the applications started here unregisters the engine other test classes share: give it back. */
    @BeforeEach
    void rememberTheSharedEngine() {
        shared = ProcessEngines.getProcessEngines().get(ProcessEngines.NAME_DEFAULT);
    }

    @AfterEach
    void restoreTheSharedEngine() {
        if (shared != null) {
            ProcessEngines.registerProcessEngine(shared);
        }
    }

    @Test
    void theSeedPlanHasElevenFieldsAndTheActionsOfTheSeedDocument() {
        PlanImport plan = DemoCertification.seedPlan();

        assertThat(plan.content().fields()).extracting(PlanField::code)
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
        assertThat(plan.content().fields()).extracting(PlanField::name).containsExactlyElementsOf(FIELDS);
        assertThat(plan.content().actions()).extracting(a -> a.code() + " " + a.title())
                .containsExactlyElementsOf(ACTIONS);
        assertThat(plan.content().actions()).allSatisfy(a -> {
            assertThat(a.fieldCode()).isEqualTo(a.code().substring(0, a.code().indexOf('.')));
            assertThat(a.description()).isNotBlank();
            assertThat(a.objective()).isNotBlank();
            assertThat(a.owner()).isNotBlank();
            assertThat(a.recipients()).isNotBlank();
            assertThat(a.years()).isNotEmpty();
            assertThat(a.deadline()).isNotNull();
            assertThat(a.indicators()).isNotEmpty()
                    .allSatisfy(k -> assertThat(k.hasTarget()).as(a.code() + " " + k.name()).isTrue());
        });
        assertThat(plan.content().actions()).filteredOn(a -> a.budget() == null).isNotEmpty();
        assertThat(plan.fieldsMandatory()).isTrue();
        assertThat(plan.title()).isEqualTo("Piano aziendale Family Audit - Comune di Capannori");
    }

    @Test
    void theDemoStartsWithCapannoriAtPlanDraftingWithTheSeedPlanAndOnlyOnce() {
        long certification;
        long draftId;
        try (ConfigurableApplicationContext app = demo()) {
            JdbcClient db = app.getBean(JdbcClient.class);
            List<Long> ids = certifications(db);
            assertThat(ids).hasSize(1);
            certification = ids.get(0);
            assertThat(db.sql("SELECT phase FROM fa_certification WHERE id = :id").param("id", certification)
                    .query(String.class).single()).isEqualTo("PLAN_DRAFTING");
            List<Task> open = app.getBean(TaskService.class).createTaskQuery().tenantIdIn(DemoData.ORGANIZATION).list();
            assertThat(open).extracting(Task::getTaskDefinitionKey).containsExactly(CertificationProcess.DRAFT_PLAN);

            PlanRepository plans = app.getBean(PlanRepository.class);
            PlanVersion draft = plans.draft(certification).orElseThrow();
            PlanContent content = plans.content(draft.id());
            assertThat(content.fields()).hasSize(11);
            assertThat(content.actions()).extracting(a -> a.code() + " " + a.title()).containsExactlyElementsOf(ACTIONS);
            assertThat(content).isEqualTo(DemoCertification.seedPlan().content());
            assertThat(draft.fieldsMandatory()).isTrue();
            // Stored through the import's own path, which also keeps the drafting task's check for Tasklist.
            assertThat((String) app.getBean(TaskService.class).getVariableLocal(open.get(0).getId(), "planCheck"))
                    .contains("è completo");
            assertThat(draft.actionsCount()).isEqualTo(ACTIONS.size());
            draftId = draft.id();
            assertThat(content.actions()).extracting(PlanAction::code).contains("11.3");
        }
        try (ConfigurableApplicationContext again = demo()) {
            JdbcClient db = again.getBean(JdbcClient.class);
            assertThat(certifications(db)).containsExactly(certification);
            assertThat(again.getBean(PlanRepository.class).versions(certification)).extracting(PlanVersion::id)
                    .containsExactly(draftId);
            // Nothing has made the restarted engine parse the model yet: the task still finds its form.
            String drafting = again.getBean(TaskService.class).createTaskQuery().tenantIdIn(DemoData.ORGANIZATION)
                    .singleResult().getId();
            CurrentUser workingGroup = new CurrentUser("working-group", Set.of(Roles.WORKING_GROUP),
                    Set.of(DemoData.ORGANIZATION));
            TaskView.Detail detail = again.getBean(Inbox.class).get(workingGroup, drafting);
            assertThat(detail.task().formId()).isEqualTo("draft-plan");
            assertThat(detail.formSchema().path("id").asText()).isEqualTo("draft-plan");
        }
    }

    private static List<Long> certifications(JdbcClient db) {
        return db.sql("""
                SELECT c.id FROM fa_certification c JOIN fa_organization o ON o.id = c.organization_id
                WHERE o.code = :code""").param("code", DemoData.ORGANIZATION).query(Long.class).list();
    }

    /**
     * The demo profile as a user starts it, on a database of its own that outlives the application. Without Camunda's
     * webapps: they keep JVM-wide state that closing a second application would take from the one the other test
     * classes share.
     */
    private static ConfigurableApplicationContext demo() {
        return new SpringApplicationBuilder(FamilyAuditApplication.class)
                .profiles("demo", "test")
                .run("--spring.datasource.url=jdbc:h2:mem:demo-certification;DB_CLOSE_DELAY=-1",
                        "--family-audit.demo.start-certification=true", "--camunda.bpm.webapp.enabled=false",
                        "--server.port=0");
    }
}
