package it.familyaudit.workflow.certificate;

import it.familyaudit.workflow.support.PostgresAvailable;
import org.springframework.test.context.ActiveProfiles;

/** The same numbering on a real PostgreSQL server (DB_URL); CI starts one. */
@PostgresAvailable
@ActiveProfiles({"demo", "test", "postgres"})
class CertificateNumbersPostgresTest extends CertificateNumbersTest {
}
