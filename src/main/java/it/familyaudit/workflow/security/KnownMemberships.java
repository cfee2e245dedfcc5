package it.familyaudit.workflow.security;

import it.familyaudit.workflow.engine.IdentityChanges;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Users' roles and organisations as last read, for {@code family-audit.security.memberships-cache}
 * (default 10 s): every API call needs them, and they change seldom. Every change of users, groups,
 * tenants or memberships passes Camunda's identity provider, which tells {@link #membershipsChanging(String)}: what
 * was read is forgotten at once and again when the change commits, so the next call sees it. The
 * time limit only bounds what this application cannot see: another instance's changes, or SQL
 * written by hand.
 */
@Component
public class KnownMemberships implements IdentityChanges {

    private final Cache<String, CurrentUser> known;
    /** Moves on every change: a reading that started before it is not kept. */
    private final AtomicLong changes = new AtomicLong();

    KnownMemberships(@Value("${family-audit.security.memberships-cache:10s}") Duration remember) {
        this.known = Caffeine.newBuilder().expireAfterWrite(remember).maximumSize(10_000).build();
    }

    CurrentUser of(String userId, Function<String, CurrentUser> read) {
        CurrentUser user = known.getIfPresent(userId);
        if (user != null) {
            return user;
        }
        long before = changes.get();
        user = read.apply(userId);
        known.put(userId, user);
        // A change during the reading may not be in it: forget it again (the change's own
        // forgetting may have run before the put).
        if (changes.get() != before) {
            known.invalidate(userId);
        }
        return user;
    }

    /** This user's roles or organisations are changing: forget them now and once the transaction is over. */
    @Override
    public void membershipsChanging(String userId) {
        forgetNowAndAtCommit(userId);
    }

    /** A group's or an organisation's memberships are changing: anyone's may be. */
    @Override
    public void allMembershipsChanging() {
        forgetNowAndAtCommit(null);
    }

    private void forgetNowAndAtCommit(String userId) {
        forget(userId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget(userId);
                }
            });
        }
    }

    /** {@code null}: everyone. */
    private void forget(String userId) {
        changes.incrementAndGet();
        if (userId == null) {
            known.invalidateAll();
        } else {
            known.invalidate(userId);
        }
    }
}
