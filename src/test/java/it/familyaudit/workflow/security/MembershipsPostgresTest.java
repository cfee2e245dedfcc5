package it.familyaudit.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import it.familyaudit.workflow.support.PostgresAvailable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The same lookups on a real PostgreSQL server (DB_URL), with the indexes the engine's tables lack. */
@PostgresAvailable
@ActiveProfiles({"demo", "test", "postgres"})
class MembershipsPostgresTest extends MembershipsTest {

    @Autowired
    JdbcClient db;

    @Test
    void theEnginesTablesHaveTheIndexesOurQueriesNeed() {
        assertThat(db.sql("SELECT indexdef FROM pg_indexes WHERE indexname = 'fa_idx_tenant_memb_role'")
                .query(String.class).single())
                .contains("(group_id_)", "WHERE", "'agency'", "'council'");
        assertThat(db.sql("SELECT indexdef FROM pg_indexes WHERE indexname = 'fa_idx_task_parent'")
                .query(String.class).single())
                .contains("(parent_task_id_)");
    }
}
