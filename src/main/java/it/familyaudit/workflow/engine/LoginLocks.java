package it.familyaudit.workflow.engine;

import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;

/**
 * Reads Camunda's record of a user's failed sign-ins. Camunda keeps it for every password check
 * (API, webapps, {@code /engine-rest}): after the n-th failure in a row the account waits
 * {@code login-delay-base × login-delay-factor^(n-1)} seconds (at most {@code login-delay-max-time}),
 * and after {@code login-max-attempts} it stays locked until an administrator unlocks it (or the
 * person sets a new password through a link, see {@link #clear}).
 */
@Component
public class LoginLocks {

    /** The account waits for {@code retryAfter}, or, when that is null, for an administrator. */
    public record Lock(Duration retryAfter) {

        public boolean permanent() {
            return retryAfter == null;
        }
    }

    private final IdentityService identity;
    private final int maxAttempts;

    LoginLocks(IdentityService identity, ProcessEngine engine) {
        this.identity = identity;
        this.maxAttempts = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getLoginMaxAttempts();
    }

    /** The lock on the user's sign-in at this moment of the engine clock, or null if there is none (or no such user). */
    public Lock current(String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (!(user instanceof UserEntity entity)) {
            return null;
        }
        if (entity.getAttempts() >= maxAttempts) {
            return new Lock(null);
        }
        Instant now = EngineTime.now();
        if (entity.getLockExpirationTime() != null && entity.getLockExpirationTime().toInstant().isAfter(now)) {
            return new Lock(Duration.between(now, entity.getLockExpirationTime().toInstant()));
        }
        return null;
    }

    /**
     * Lifts the user's lock and forgets their failed sign-ins, as an administrator's unlock in
     * Camunda Admin does; nothing is written when there is nothing to lift. Camunda lets only an
     * administrator unlock: callers that have checked their own rules run this without the
     * engine's authorization checks.
     */
    public void clear(String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user instanceof UserEntity entity && (entity.getAttempts() > 0 || entity.getLockExpirationTime() != null)) {
            identity.unlockUser(userId);
        }
    }
}
