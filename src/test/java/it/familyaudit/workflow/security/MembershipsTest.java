package it.familyaudit.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import it.familyaudit.workflow.support.ApiTestBase;
import java.util.UUID;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who the caller is: their roles, the organisations they belong to themselves, and those their
 * groups belong to (except the agency's and the council's, which act in every organisation). On
 * H2 here, on PostgreSQL (where a partial index serves the group lookup) by a subclass.
 */
class MembershipsTest extends ApiTestBase {

    @Autowired
    Memberships memberships;

    @Test
    void aUserBelongsToTheOrganisationsOfTheirGroupsAndTheirOwn() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String group = "ufficio-" + suffix;
        String user = "utente-" + suffix;
        Group g = identity.newGroup(group);
        g.setName("Ufficio di prova");
        identity.saveGroup(g);
        User u = identity.newUser(user);
        u.setPassword("Password-di-prova-1");
        identity.saveUser(u);
        identity.createMembership(user, group);
        identity.createMembership(user, Roles.REFERENT);
        identity.createTenantGroupMembership(driver.organization, group);

        CurrentUser current = memberships.of(user);

        assertThat(current.groups()).containsExactlyInAnyOrder(group, Roles.REFERENT);
        assertThat(current.tenants()).containsExactly(driver.organization);
        assertThat(memberships.of(driver.referent).tenants()).containsExactly(driver.organization);
        // The agency's group belongs to every organisation: it is not listed, the agency sees them all.
        assertThat(memberships.of("agency").tenants()).isEmpty();
        assertThat(memberships.of("agency").seesAllOrganisations()).isTrue();
    }
}
