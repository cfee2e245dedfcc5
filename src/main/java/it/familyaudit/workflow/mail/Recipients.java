package it.familyaudit.workflow.mail;

import it.familyaudit.workflow.certification.Certifications;
import it.familyaudit.workflow.certification.CertificationWithOrganization;
import it.familyaudit.workflow.engine.EngineAccess;
import it.familyaudit.workflow.engine.EngineMemberships;
import it.familyaudit.workflow.engine.EngineMemberships.Member;
import it.familyaudit.workflow.security.Roles;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Who a notice of a certification goes to, by role: the organisation's people in their group and tenant,
 * the consultant and evaluator the certification assigns (never every professional of the register), and
 * every member of the agency's and the council's groups. Read from the engine's identity tables at the
 * moment of the event (a statement per kind of role), so a person added a minute ago is told too.
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

    /** Where {@link #about} keeps what it read for the rest of the transaction. */
    private static final Object ABOUT_KEY = new Object();

    private final IdentityService identity;
    private final EngineMemberships memberships;
    private final Certifications certifications;

    Recipients(IdentityService identity, EngineMemberships memberships, Certifications certifications) {
        this.identity = identity;
        this.memberships = memberships;
        this.certifications = certifications;
    }

    /**
     * The certification as mails name it; read once per transaction (a round's opening writes several
     * notices), never kept longer, so a consultant reassigned a moment ago gets the next mail.
     */
    Optional<About> about(long certificationId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return certifications.withOrganization(certificationId).map(Recipients::about);
        }
        @SuppressWarnings("unchecked")
        Map<Long, Optional<About>> known = (Map<Long, Optional<About>>) TransactionSynchronizationManager
                .getResource(ABOUT_KEY);
        if (known == null) {
            Map<Long, Optional<About>> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(ABOUT_KEY, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ABOUT_KEY);
                }
            });
            known = fresh;
        }
        return known.computeIfAbsent(certificationId,
                id -> certifications.withOrganization(id).map(Recipients::about));
    }

    private static About about(CertificationWithOrganization c) {
        return new About(c.certification().id(), c.organization().code(), c.organization().name(),
                c.certification().consultantUserId(), c.certification().evaluatorUserId());
    }

    /** The people holding any of these roles for the certification, each once, in the order of the roles. */
    List<Recipient> of(About about, Collection<String> roles) {
        List<String> inOrganisation = roles.stream().filter(Roles.ORGANISATION_ROLES::contains).toList();
        List<String> agency = roles.stream().filter(Roles.AGENCY_ROLES::contains).toList();
        List<Member> members = new ArrayList<>(memberships.membersInTenant(about.organizationCode(), inOrganisation));
        members.addAll(memberships.membersOf(agency));
        for (String role : roles) {
            String assigned = Roles.CONSULTANT.equals(role) ? about.consultant()
                    : Roles.EVALUATOR.equals(role) ? about.evaluator() : null;
            if (assigned != null) { // never every professional of the register
                members.addAll(memberships.usersInGroup(List.of(assigned), role));
            }
        }
        Map<String, Recipient> found = new LinkedHashMap<>();
        for (String role : roles) { // the administrator is technical, and told nothing of the cycle
            members.stream().filter(m -> m.group().equals(role)).forEach(m -> found.merge(m.userId(),
                    new Recipient(m.userId(), name(m.firstName(), m.lastName(), m.userId()), blankless(m.email()),
                            Roles.AGENCY.equals(role)),
                    (a, b) -> a.agency() || !b.agency() ? a : b));
        }
        return new ArrayList<>(found.values());
    }

    /** A task's people: whoever has taken it in charge, else its groups in its certification. */
    List<Recipient> ofTask(About about, String assignee, Collection<String> candidateGroups) {
        return assignee != null ? user(assignee, false).map(List::of).orElse(List.of()) : of(about, candidateGroups);
    }

    /** One user, by id, if they still exist. */
    Optional<Recipient> user(String userId, boolean agency) {
        return EngineAccess.asSystem(() -> Optional.ofNullable(identity.createUserQuery().userId(userId).singleResult())
                .map(u -> new Recipient(u.getId(), name(u.getFirstName(), u.getLastName(), u.getId()),
                        blankless(u.getEmail()), agency)));
    }

    private static String name(String first, String last, String userId) {
        String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
        return name.isEmpty() ? userId : name;
    }

    private static String blankless(String email) {
        return email == null || email.isBlank() ? null : email.strip();
    }
}
