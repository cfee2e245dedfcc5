package it.familyaudit.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import it.familyaudit.workflow.support.ApiDriver;
import it.familyaudit.workflow.support.ApiTestBase;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A change of someone's organisations made through another instance of the application on the same database
 * is seen by this one at its very next call: the other instance moved the memberships' version with its change.
 */
class MembershipsAcrossInstancesTest extends ApiTestBase {

    @Autowired
    JdbcClient db;

    @Test
    void anotherInstancesChangeIsSeenAtTheNextCallNotTenSecondsLater() throws Exception {
        ApiDriver other = new ApiDriver(mvc, json, identity, organizations, management);
        long theirs = other.start();
        String certification = "/api/certifications/" + theirs;
        assertThat(driver.call(driver.referent, "GET", certification, null).getResponse().getStatus())
                .as("another organisation's, remembered as such").isEqualTo(404);

        // What the other instance writes when its agency lets our referent into that organisation: the
        // membership, through its own identity provider, and the version, in the same transaction.
        db.sql("INSERT INTO ACT_ID_TENANT_MEMBER (ID_, TENANT_ID_, USER_ID_) VALUES (:id, :tenant, :user)")
                .param("id", UUID.randomUUID().toString()).param("tenant", other.organization)
                .param("user", driver.referent).update();
        assertThat(driver.call(driver.referent, "GET", certification, null).getResponse().getStatus())
                .as("without the version, this instance could not know yet").isEqualTo(404);
        db.sql("UPDATE fa_membership_version SET version = version + 1 WHERE id = 1").update();

        assertThat(driver.call(driver.referent, "GET", certification, null).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void aChangeThroughThisInstanceMovesTheVersionForTheOthers() {
        long before = db.sql("SELECT version FROM fa_membership_version WHERE id = 1").query(Long.class).single();
        organizations.addMember(driver.organization, "consultant2");
        assertThat(db.sql("SELECT version FROM fa_membership_version WHERE id = 1").query(Long.class).single())
                .isGreaterThan(before);
    }
}
