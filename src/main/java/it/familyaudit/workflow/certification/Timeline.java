package it.familyaudit.workflow.certification;

import it.familyaudit.workflow.engine.EngineAccess;
import it.familyaudit.workflow.engine.EngineTime;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code fa_certification_event} table: who did what, and when, on each certification. Each entry is
 * also published as {@link TimelineRecorded}, for what follows from it (mail).
 */
@Repository
public class Timeline {

    private final JdbcClient db;
    private final ApplicationEventPublisher events;

    Timeline(JdbcClient db, ApplicationEventPublisher events) {
        this.db = db;
        this.events = events;
    }

    /** Records a completed task; the task id is unique, so a task is never recorded twice. */
    void taskCompleted(long certificationId, String taskId, String taskKey, String decision, String summary, String actor) {
        insert(certificationId, "TASK_COMPLETED", taskId, taskKey, decision, summary, actor);
    }

    /** Records something that happened to the certification outside a task. */
    public void record(long certificationId, String kind, String summary) {
        insert(certificationId, kind, null, null, null, summary, EngineAccess.currentActor());
    }

    /** Records something a person asked for outside a task, e.g. a withdrawal. */
    public void recordBy(long certificationId, String kind, String summary, String actor) {
        insert(certificationId, kind, null, null, null, summary, actor);
    }

    public List<TimelineEntry> of(long certificationId) {
        return db.sql("""
                SELECT kind, task_key, decision, summary, actor, occurred_at
                FROM fa_certification_event WHERE certification_id = :id ORDER BY occurred_at, id
                """)
                .param("id", certificationId)
                .query((rs, n) -> new TimelineEntry(rs.getString("kind"), rs.getString("task_key"),
                        rs.getString("decision"), rs.getString("summary"), rs.getString("actor"),
                        rs.getTimestamp("occurred_at").toInstant()))
                .list();
    }

    private void insert(long certificationId, String kind, String taskId, String taskKey, String decision,
                        String summary, String actor) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                INSERT INTO fa_certification_event (certification_id, kind, task_id, task_key, decision, summary,
                                                    actor, occurred_at)
                VALUES (:cert, :kind, :taskId, :taskKey, :decision, :summary, :actor, :at)
                """)
                .param("cert", certificationId)
                .param("kind", kind)
                .param("taskId", taskId)
                .param("taskKey", taskKey)
                .param("decision", decision)
                .param("summary", summary.length() > 1000 ? summary.substring(0, 997) + "..." : summary)
                .param("actor", actor)
                .param("at", Timestamp.from(EngineTime.now()))
                .update(key, "id");
        events.publishEvent(new TimelineRecorded(key.getKey().longValue(), certificationId, kind, taskKey, decision,
                summary, actor));
    }
}
