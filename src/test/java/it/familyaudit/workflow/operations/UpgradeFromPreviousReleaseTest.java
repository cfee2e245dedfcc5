package it.familyaudit.workflow.operations;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The upgrade from the previous release on H2, the embedded database. */
class UpgradeFromPreviousReleaseTest extends UpgradeFromPreviousReleaseScenario {

    private final DataSource database = new DriverManagerDataSource(
            "jdbc:h2:mem:upgrade-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

    @Override
    DataSource database() {
        return database;
    }

    @Override
    String vendor() {
        return "h2";
    }
}
