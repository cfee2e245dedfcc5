package it.familyaudit.workflow.mail;

import it.familyaudit.workflow.support.PostgresAvailable;
import org.springframework.test.context.ActiveProfiles;

/**
 * The same mail on a real PostgreSQL server (DB_URL): the outbox's batch of inserts that skips a key already
 * written, its claims with {@code FOR UPDATE SKIP LOCKED} and the scheduled jobs' row locks.
 */
@PostgresAvailable
@ActiveProfiles({"demo", "test", "postgres"})
class MailPostgresTest extends MailTest {
}
