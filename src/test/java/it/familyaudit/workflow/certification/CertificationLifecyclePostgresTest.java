package it.familyaudit.workflow.certification;

import it.familyaudit.workflow.support.PostgresAvailable;
import org.springframework.test.context.ActiveProfiles;

/** The same lifecycle on a real PostgreSQL server (DB_URL); CI starts one. */
@PostgresAvailable
@ActiveProfiles({"demo", "test", "postgres"})
class CertificationLifecyclePostgresTest extends CertificationLifecycleScenario {
}
