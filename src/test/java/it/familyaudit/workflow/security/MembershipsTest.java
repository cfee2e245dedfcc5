package it.familyaudit.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import it.familyaudit.workflow.support.ApiTestBase;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who the caller is: their roles, the organisations they belong to themselves, and those their
 * groups belong to (except the agency's and the council's, which act in every organisation). On
 * H2 here, on PostgreSQL (where a partial index serves the group lookup) by a subclass.
 */
class MembershipsTest extends ApiTestBase {

    @Autowired
    Memberships memberships;
    @Autowired
    TransactionTemplate transactions;

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

    /** What was read is remembered for a few seconds, but never past a change made through Camunda. */
    @Test
    void aChangeOfRolesOrOrganisationsAppliesToTheVeryNextCall() {
        String user = newUser();
        identity.createMembership(user, Roles.REFERENT);
        assertThat(memberships.of(user).groups()).containsExactly(Roles.REFERENT);
        assertThat(memberships.of(user).tenants()).isEmpty();

        identity.createMembership(user, Roles.MANAGEMENT);
        identity.createTenantUserMembership(driver.organization, user);
        assertThat(memberships.of(user).groups()).containsExactlyInAnyOrder(Roles.REFERENT, Roles.MANAGEMENT);
        assertThat(memberships.of(user).tenants()).containsExactly(driver.organization);

        identity.deleteMembership(user, Roles.REFERENT);
        identity.deleteTenantUserMembership(driver.organization, user);
        assertThat(memberships.of(user).groups()).containsExactly(Roles.MANAGEMENT);
        assertThat(memberships.of(user).tenants()).isEmpty();

        identity.deleteUser(user);
        assertThat(memberships.of(user).groups()).isEmpty();
    }

    /** A call while the change is not yet committed reads the old roles: they are not kept past the commit. */
    @Test
    void aReadingDuringAnUncommittedChangeIsNotKept() {
        String user = newUser();
        identity.createMembership(user, Roles.REFERENT);
        assertThat(memberships.of(user).groups()).containsExactly(Roles.REFERENT);

        transactions.executeWithoutResult(status -> {
            identity.createMembership(user, Roles.MANAGEMENT);
            CurrentUser meanwhile = CompletableFuture.supplyAsync(() -> memberships.of(user)).join();
            assertThat(meanwhile.groups()).containsExactly(Roles.REFERENT);
        });

        assertThat(memberships.of(user).groups()).containsExactlyInAnyOrder(Roles.REFERENT, Roles.MANAGEMENT);
    }

    private String newUser() {
        String user = "utente-" + UUID.randomUUID().toString().substring(0, 8);
        User u = identity.newUser(user);
        u.setPassword("Password-di-prova-1");
        identity.saveUser(u);
        return user;
    }
}
