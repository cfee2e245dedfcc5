package it.familyaudit.workflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the test only against a reachable PostgreSQL server named by {@code DB_URL}
 * ({@code DB_USER}, {@code DB_PASSWORD}). Without one the test is skipped with the reason —
 * except under {@code CI=true}, where a missing server is a failure, never a silent skip.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresAvailable.Condition.class)
public @interface PostgresAvailable {

    class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String url = System.getenv("DB_URL");
            boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
            String problem = null;
            if (url == null || url.isBlank()) {
                problem = "DB_URL is not set: set DB_URL (and DB_USER, DB_PASSWORD) to run the PostgreSQL tests";
            } else if (!url.startsWith("jdbc:postgresql:")) {
                problem = "DB_URL is not a PostgreSQL JDBC URL: " + url;
            } else {
                try (Connection c = DriverManager.getConnection(url, System.getenv().getOrDefault("DB_USER", "postgres"),
                        System.getenv().getOrDefault("DB_PASSWORD", ""))) {
                    c.isValid(5);
                } catch (SQLException e) {
                    problem = "PostgreSQL at " + url + " is not reachable: " + e.getMessage();
                }
            }
            if (problem == null) {
                return ConditionEvaluationResult.enabled("PostgreSQL reachable at " + url);
            }
            if (ci) {
                throw new IllegalStateException("CI=true and the PostgreSQL tests cannot run: " + problem);
            }
            return ConditionEvaluationResult.disabled(problem);
        }
    }
}
