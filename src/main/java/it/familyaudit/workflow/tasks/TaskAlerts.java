package it.familyaudit.workflow.tasks;

import it.familyaudit.workflow.engine.EngineTime;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Overdue tasks, in {@code fa_task_alert}: a reminder to the task's group once its due date has passed,
 * an escalation to the agency once the grace period has passed too. Each is raised once per task; the
 * inbox shows them on the task, the agency marks escalations handled.
 */
@Repository
public class TaskAlerts {

    public enum Kind { REMINDER, ESCALATION }

    /** An alert as the API shows it. */
    public record Alert(String taskId, String kind, String taskKey, String taskName, String candidateGroup, Instant due,
                        Instant raisedAt, String handledBy, Instant handledAt) {
    }

    private final JdbcClient db;
    private final ApplicationEventPublisher events;

    TaskAlerts(JdbcClient db, ApplicationEventPublisher events) {
        this.db = db;
        this.events = events;
    }

    /**
     * Raises the alert once; the certification must exist (the table's foreign key refuses any other).
     *
     * @return false when this alert had already been raised for the task
     */
    public boolean raise(String taskId, Kind kind, long certificationId, String taskKey, String taskName,
                         String candidateGroup, Instant due) {
        boolean raised = db.sql("""
                INSERT INTO fa_task_alert (task_id, kind, certification_id, task_key, task_name, candidate_group, due,
                                           raised_at)
                SELECT :task, :kind, :cert, :key, :name, :group, :due, :at
                WHERE NOT EXISTS (SELECT 1 FROM fa_task_alert WHERE task_id = :task AND kind = :kind)
                """)
                .param("task", taskId).param("kind", kind.name()).param("cert", certificationId).param("key", taskKey)
                .param("name", taskName).param("group", candidateGroup).param("due", Timestamp.from(due))
                .param("at", Timestamp.from(EngineTime.now()))
                .update() == 1;
        if (raised) {
            events.publishEvent(new TaskAlertRaised(taskId, kind, certificationId, taskKey, taskName, candidateGroup, due));
        }
        return raised;
    }

    /** The strongest alert of each task that has one: ESCALATION over REMINDER. */
    public Map<String, String> strongest(Collection<String> taskIds) {
        Map<String, String> alerts = new HashMap<>();
        if (taskIds.isEmpty()) {
            return alerts;
        }
        db.sql("SELECT task_id, kind FROM fa_task_alert WHERE task_id IN (:ids)").param("ids", taskIds)
                .query((RowCallbackHandler) rs -> alerts.merge(rs.getString(1), rs.getString(2),
                        (a, b) -> Kind.ESCALATION.name().equals(a) ? a : b));
        return alerts;
    }

    public List<Alert> ofCertification(long certificationId) {
        return db.sql("""
                SELECT task_id, kind, task_key, task_name, candidate_group, due, raised_at, handled_by, handled_at
                FROM fa_task_alert WHERE certification_id = :cert ORDER BY raised_at, task_id, kind
                """).param("cert", certificationId).query((rs, n) -> new Alert(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7).toInstant(), rs.getString(8), instant(rs.getTimestamp(9))))
                .list();
    }

    /** Escalations of the certification the agency has not handled yet. */
    public List<Alert> unhandledEscalations(long certificationId) {
        return ofCertification(certificationId).stream()
                .filter(a -> Kind.ESCALATION.name().equals(a.kind()) && a.handledAt() == null).toList();
    }

    /** The agency has acted on every escalation of the certification raised so far. */
    public int handleEscalations(long certificationId, String by) {
        return db.sql("""
                UPDATE fa_task_alert SET handled_by = :by, handled_at = :at
                WHERE certification_id = :cert AND kind = 'ESCALATION' AND handled_at IS NULL
                """).param("by", by).param("at", Timestamp.from(EngineTime.now())).param("cert", certificationId)
                .update();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
