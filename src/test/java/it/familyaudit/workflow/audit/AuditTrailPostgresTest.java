package it.familyaudit.workflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.familyaudit.workflow.support.ApiTestBase;
import it.familyaudit.workflow.support.PostgresAvailable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** On PostgreSQL the trail cannot be changed, not even by the application's own connection. */
@PostgresAvailable
@ActiveProfiles({"demo", "test", "postgres"})
class AuditTrailPostgresTest extends ApiTestBase {

    @Autowired
    JdbcClient db;

    @Test
    void updateDeleteAndTruncateAreRefused() throws Exception {
        long id = driver.start();
        String where = " WHERE certification_id = " + id;
        assertThat(db.sql("SELECT count(*) FROM fa_audit_event" + where).query(Long.class).single()).isEqualTo(1);

        assertThatThrownBy(() -> db.sql("UPDATE fa_audit_event SET actor = 'someone else'" + where).update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.sql("DELETE FROM fa_audit_event" + where).update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.sql("TRUNCATE fa_audit_event").update())
                .rootCause().hasMessageContaining("append-only");
        assertThat(db.sql("SELECT actor FROM fa_audit_event" + where).query(String.class).single())
                .isEqualTo(driver.referent);
    }
}
