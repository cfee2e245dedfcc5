package it.familyaudit.workflow.operations;

import it.familyaudit.workflow.support.PostgresAvailable;
import it.familyaudit.workflow.support.PostgresDatabases;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The upgrade from the previous release on PostgreSQL (DB_URL's server), its append-only audit trail included. */
@PostgresAvailable
class UpgradeFromPreviousReleasePostgresTest extends UpgradeFromPreviousReleaseScenario {

    private String url;
    private DataSource database;

    @BeforeEach
    void emptyDatabase() throws Exception {
        url = PostgresDatabases.fresh("upgrade");
        database = new DriverManagerDataSource(url, PostgresDatabases.user(), PostgresDatabases.password());
    }

    @AfterEach
    void dropIt() throws Exception {
        PostgresDatabases.drop(url);
    }

    @Override
    DataSource database() {
        return database;
    }

    @Override
    String vendor() {
        return "postgresql";
    }
}
