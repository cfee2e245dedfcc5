package it.familyaudit.workflow.attachment;

import it.familyaudit.workflow.support.PostgresAvailable;
import org.springframework.test.context.ActiveProfiles;

/**
 * The same attachments on a real PostgreSQL server (DB_URL): bytea, the unique key whose NULLs do
 * not differ, and row locks deciding which of two uploads at once takes a version number.
 */
@PostgresAvailable
@ActiveProfiles({"demo", "test", "postgres"})
class AttachmentApiPostgresTest extends AttachmentApiTest {
}
