package it.familyaudit.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.familyaudit.workflow.FamilyAuditApplication;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Outside the demo profile the application starts only with an admin password that meets the
 * password policy, and with no demo user.
 */
class StartupSecurityTest {

    private ProcessEngine shared;

    /**
     * Closing the applications started here unregisters the engine named "default" from the
     * JVM-wide registry where Camunda's REST API looks it up: give it back to the application that
     * other test classes share.
     */
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
    void refusesToStartWithoutAnAdminPassword() {
        assertThatThrownBy(() -> app("jdbc:h2:mem:no-password", "").close())
                .hasStackTraceContaining("FAMILY_AUDIT_ADMIN_PASSWORD");
    }

    @Test
    void refusesToStartWithAnAdminPasswordBelowThePolicy() {
        assertThatThrownBy(() -> app("jdbc:h2:mem:weak-password", "onlyletters").close())
                .hasStackTraceContaining(FamilyAuditPasswordPolicy.DESCRIPTION);
    }

    @Test
    void startsWithOnlyTheAdministratorAndGivesCockpitToAgencyAndAdminOnly() {
        try (ConfigurableApplicationContext app = app("jdbc:h2:mem:production-like", "s3cret-Admin")) {
            IdentityService identity = app.getBean(IdentityService.class);
            assertThat(identity.createUserQuery().list()).extracting(User::getId).containsExactly("admin");
            assertThat(identity.checkPassword("admin", "s3cret-Admin")).isTrue();
            assertThat(identity.createGroupQuery().list()).hasSize(Roles.ALL.size() + 1);

            AuthorizationService authorizations = app.getBean(AuthorizationService.class);
            for (String role : Roles.ALL) {
                boolean agencyOrAdmin = role.equals(Roles.AGENCY) || role.equals(Roles.ADMIN);
                for (String webapp : List.of("cockpit", "admin")) {
                    assertThat(authorizations.isUserAuthorized("someone", groupsOf(role), Permissions.ACCESS,
                            Resources.APPLICATION, webapp)).as(role + " in " + webapp).isEqualTo(agencyOrAdmin);
                }
                assertThat(authorizations.isUserAuthorized("someone", groupsOf(role), Permissions.ACCESS,
                        Resources.APPLICATION, "tasklist")).as(role + " in tasklist").isTrue();
            }
            assertThat(app.getBean(FilterService.class).createFilterQuery().list())
                    .extracting(f -> f.getName()).contains("Le mie attività", "Attività del mio gruppo");
        }
    }

    /** The administrator is in Camunda's own admin group too, as the webapps expect. */
    private static List<String> groupsOf(String role) {
        return role.equals(Roles.ADMIN) ? List.of(role, "camunda-admin") : List.of(role);
    }

    private static ConfigurableApplicationContext app(String url, String adminPassword) {
        return new SpringApplicationBuilder(FamilyAuditApplication.class)
                .profiles("test")
                .run("--spring.datasource.url=" + url + ";DB_CLOSE_DELAY=-1",
                        "--family-audit.admin-password=" + adminPassword, "--server.port=0");
    }
}
