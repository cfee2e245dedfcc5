package it.familyaudit.workflow.engine;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure is the database's passing trouble rather than anything the request did: a lost or refused
 * connection (a restart, a failover, an administrator ending sessions), a deadlock or a serialization failure.
 * The same request may well succeed a moment later, so such a failure is answered 503 with {@code Retry-After},
 * never 500.
 */
public final class TransientFailures {

    /** Seconds a client should wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private TransientFailures() {
    }

    /** Looks down the cause chain: the engine and MyBatis wrap what the driver threw. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException || t instanceof PessimisticLockingFailureException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && transientState(sql.getSQLState())) {
                return true;
            }
            // A rollback that fails has lost its connection (whatever failed first): nothing was written.
            if (t instanceof TransactionSystemException && String.valueOf(t.getMessage()).startsWith("JDBC rollback")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * SQLSTATE classes: 08 connection exceptions; 57P01–57P03 the server shutting down or not yet up (PostgreSQL);
     * 40001 serialization failure, 40P01 deadlock; HYT00 a timeout (H2 and others).
     */
    private static boolean transientState(String state) {
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || state.equals("40001") || state.equals("40P01") || state.equals("HYT00");
    }
}
