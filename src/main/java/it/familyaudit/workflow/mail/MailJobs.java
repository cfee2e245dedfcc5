package it.familyaudit.workflow.mail;

import it.familyaudit.workflow.engine.EngineTime;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a scheduled mail job on one node at a time: the job's row in {@code fa_mail_job} is locked for the
 * job's transaction, and a node that finds it locked skips the run instead of waiting. What the job writes
 * commits with the lock's release, or not at all.
 */
@Component
class MailJobs {

    private final JdbcClient db;
    private final TransactionTemplate transaction;

    MailJobs(JdbcClient db, TransactionTemplate transaction) {
        this.db = db;
        this.transaction = transaction;
    }

    /** @return whether this node ran the job (false: another one is running it) */
    boolean runAlone(String job, Runnable work) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            boolean mine = !db.sql("SELECT name FROM fa_mail_job WHERE name = :job FOR UPDATE SKIP LOCKED")
                    .param("job", job).query(String.class).list().isEmpty();
            if (mine) {
                work.run();
                db.sql("UPDATE fa_mail_job SET last_run = :at WHERE name = :job")
                        .param("at", Timestamp.from(EngineTime.now())).param("job", job).update();
            }
            return mine;
        }));
    }
}
