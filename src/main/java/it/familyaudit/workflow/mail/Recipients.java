package it.familyaudit.workflow.mail;

import it.familyaudit.workflow.certification.Certifications;
import it.familyaudit.workflow.certification.CertificationWithOrganization;
import it.familyaudit.workflow.engine.EngineAccess;
import it.familyaudit.workflow.security.Roles;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Who a notice of a certification goes to, by role: the organisation's people in their group and tenant,
 * the consultant and evaluator the certification assigns (never every professional of the register), and
 * every member of the agency's and the council's groups. Read from the engine's identity tables at the
 * moment of the event, so a person added a minute ago is told too.
 */
@Component
class Recipients {

    /** One person to tell, with their address ({@code null} when they have none) and name. */
    record Recipient(String userId, String name, String email, boolean agency) {
    }

    /** The certification a notice is about, as mails name it. */
    record About(long certificationId, String organizationCode, String organizationName, String consultant,
                 String evaluator) {
    }

    private final IdentityService identity;
    private final Certifications certifications;

    Recipients(IdentityService identity, Certifications certifications) {
        this.identity = identity;
        this.certifications = certifications;
    }

    Optional<About> about(long certificationId) {
        return certifications.withOrganization(certificationId).map(Recipients::about);
    }

    private static About about(CertificationWithOrganization c) {
        return new About(c.certification().id(), c.organization().code(), c.organization().name(),
                c.certification().consultantUserId(), c.certification().evaluatorUserId());
    }

    /** The people holding any of these roles for the certification, each once, in the order of the roles. */
    List<Recipient> of(About about, Collection<String> roles) {
        Map<String, Recipient> found = new LinkedHashMap<>();
        EngineAccess.asSystem(() -> {
            for (String role : roles) {
                for (User user : users(about, role)) {
                    found.putIfAbsent(user.getId(), new Recipient(user.getId(), name(user), blankless(user.getEmail()),
                            Roles.AGENCY.equals(role)));
                }
            }
        });
        return new ArrayList<>(found.values());
    }

    /** One user, by id, if they still exist. */
    Optional<Recipient> user(String userId, boolean agency) {
        return EngineAccess.asSystem(() -> Optional.ofNullable(identity.createUserQuery().userId(userId).singleResult())
                .map(u -> new Recipient(u.getId(), name(u), blankless(u.getEmail()), agency)));
    }

    private List<User> users(About about, String role) {
        if (Roles.PROFESSIONAL_ROLES.contains(role)) {
            String assigned = Roles.CONSULTANT.equals(role) ? about.consultant() : about.evaluator();
            return assigned == null ? List.of()
                    : identity.createUserQuery().userId(assigned).memberOfGroup(role).list();
        }
        if (Roles.AGENCY_ROLES.contains(role)) {
            return identity.createUserQuery().memberOfGroup(role).list();
        }
        if (Roles.ORGANISATION_ROLES.contains(role)) {
            return identity.createUserQuery().memberOfGroup(role).memberOfTenant(about.organizationCode()).list();
        }
        return List.of(); // the administrator is technical, and told nothing of the cycle
    }

    private static String name(User u) {
        String name = ((u.getFirstName() == null ? "" : u.getFirstName()) + " "
                + (u.getLastName() == null ? "" : u.getLastName())).strip();
        return name.isEmpty() ? u.getId() : name;
    }

    private static String blankless(String email) {
        return email == null || email.isBlank() ? null : email.strip();
    }
}
