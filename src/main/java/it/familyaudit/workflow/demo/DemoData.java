package it.familyaudit.workflow.demo;

import it.familyaudit.workflow.FamilyAuditProperties;
import it.familyaudit.workflow.organization.OrganizationService;
import it.familyaudit.workflow.security.Roles;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo profile's data: the seed municipality, a second one to show that organisations are
 * kept apart, and one user per role, printed at start-up with their passwords. Existing users are
 * left as they are, so a restart keeps what was changed in Camunda Admin. With
 * {@code family-audit.demo.start-certification} (on in the demo profile) the seed municipality's
 * certification is also brought to the drafting of its plan, once (see {@link DemoCertification}).
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "family-audit.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String ORGANIZATION = "capannori";
    static final String OTHER_ORGANIZATION = "esempio";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** id, first name, last name, role, organisation (null for those outside any organisation). */
    private record DemoUser(String id, String firstName, String lastName, String role, String organization) {
        String password() {
            return id + "-demo";
        }
    }

    private static final List<DemoUser> USERS = List.of(
            new DemoUser("referent", "Giulia", "Bianchi", Roles.REFERENT, ORGANIZATION),
            new DemoUser("management", "Marco", "Rossi", Roles.MANAGEMENT, ORGANIZATION),
            new DemoUser("working-group", "Sara", "Neri", Roles.WORKING_GROUP, ORGANIZATION),
            new DemoUser("consultant", "Paolo", "Conti", Roles.CONSULTANT, null),
            new DemoUser("consultant2", "Elena", "Galli", Roles.CONSULTANT, null),
            new DemoUser("evaluator", "Luca", "Ferri", Roles.EVALUATOR, null),
            new DemoUser("evaluator2", "Anna", "Marini", Roles.EVALUATOR, null),
            new DemoUser("agency", "Chiara", "Ricci", Roles.AGENCY, null),
            new DemoUser("council", "Franco", "Greco", Roles.COUNCIL, null),
            new DemoUser("referent2", "Davide", "Moretti", Roles.REFERENT, OTHER_ORGANIZATION),
            new DemoUser("management2", "Laura", "Fontana", Roles.MANAGEMENT, OTHER_ORGANIZATION),
            new DemoUser("working-group2", "Giorgio", "Barbieri", Roles.WORKING_GROUP, OTHER_ORGANIZATION));

    private final IdentityService identity;
    private final OrganizationService organizations;
    private final FamilyAuditProperties properties;
    private final DemoCertification certification;
    private final boolean startCertification;

    DemoData(IdentityService identity, OrganizationService organizations, FamilyAuditProperties properties,
             DemoCertification certification,
             @Value("${family-audit.demo.start-certification:false}") boolean startCertification) {
        this.identity = identity;
        this.organizations = organizations;
        this.properties = properties;
        this.certification = certification;
        this.startCertification = startCertification;
    }

    @Override
    public void run(ApplicationArguments args) {
        organizations.register(ORGANIZATION, "Comune di Capannori", "MUNICIPALITY");
        organizations.register(OTHER_ORGANIZATION, "Comune di Esempio", "MUNICIPALITY");
        for (DemoUser u : USERS) {
            if (identity.createUserQuery().userId(u.id()).count() == 0) {
                User user = identity.newUser(u.id());
                user.setFirstName(u.firstName());
                user.setLastName(u.lastName());
                user.setEmail(u.id() + "@example.test");
                user.setPassword(u.password());
                identity.saveUser(user);
                identity.createMembership(u.id(), u.role());
            }
            if (u.organization() != null) {
                organizations.addMember(u.organization(), u.id());
            }
        }
        StringBuilder table = new StringBuilder("\n\n  Family Audit Workflow - utenti demo / demo users\n");
        table.append("  %-15s %-20s %s%n".formatted("utente", "password", "ruolo"));
        table.append("  %-15s %-20s %s%n".formatted("admin", properties.adminPassword(), Roles.italianName(Roles.ADMIN)));
        for (DemoUser u : USERS) {
            table.append("  %-15s %-20s %s%s%n".formatted(u.id(), u.password(), Roles.italianName(u.role()),
                    u.organization() == null ? "" : " (" + u.organization() + ")"));
        }
        log.info("{}", table);
        if (startCertification) {
            certification.bringToPlanDrafting(ORGANIZATION);
        }
    }
}
