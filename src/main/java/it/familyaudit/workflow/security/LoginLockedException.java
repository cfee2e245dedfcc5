package it.familyaudit.workflow.security;

import it.familyaudit.workflow.engine.LoginLocks;
import java.time.Duration;
import org.springframework.security.authentication.LockedException;

/**
 * The account's sign-in is held back after failed attempts: for a while (the API answers 429 with
 * Retry-After) or until an administrator unlocks it (401).
 */
final class LoginLockedException extends LockedException {

    private final transient LoginLocks.Lock lock;

    LoginLockedException(LoginLocks.Lock lock) {
        super(message(lock));
        this.lock = lock;
    }

    boolean permanent() {
        return lock.permanent();
    }

    /** Whole seconds, rounded up, as Retry-After wants them. */
    long retryAfterSeconds() {
        return seconds(lock.retryAfter());
    }

    private static String message(LoginLocks.Lock lock) {
        if (lock.permanent()) {
            return "Account bloccato dopo troppi tentativi di accesso falliti: un amministratore può sbloccarlo in "
                    + "Camunda Admin / Account locked after too many failed sign-in attempts: an administrator can "
                    + "unlock it in Camunda Admin";
        }
        long s = seconds(lock.retryAfter());
        return ("Troppi tentativi di accesso falliti: riprovare tra %d secondi / Too many failed sign-in attempts: "
                + "try again in %d seconds").formatted(s, s);
    }

    private static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }
}
