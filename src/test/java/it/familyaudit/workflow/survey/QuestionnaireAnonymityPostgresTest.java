package it.familyaudit.workflow.survey;

import it.familyaudit.workflow.support.PostgresAvailable;
import org.springframework.test.context.ActiveProfiles;

/** The same checks on a real PostgreSQL server (DB_URL), where row locks decide the race. */
@PostgresAvailable
@ActiveProfiles({"demo", "test", "postgres"})
class QuestionnaireAnonymityPostgresTest extends QuestionnaireAnonymityTest {
}
