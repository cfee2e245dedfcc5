package it.familyaudit.workflow.security;

import it.familyaudit.workflow.engine.IdentityChanges;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Users' roles and organisations as last read, for {@code family-audit.security.memberships-cache}
 * (default 10 s): every API call needs them, and they change seldom. Every change of users, groups,
 * tenants or memberships passes Camunda's identity provider, which tells {@link #membershipsChanging(String)}: what
 * was read is forgotten at once and again when the change commits, so the next call sees it; and the change
 * moves the version in {@code fa_membership_version} in its transaction, which each call compares with the
 * version what it remembers was read at (a one-row read), so that another instance sees the change at its next
 * call too. The time limit only bounds what nobody can see: SQL written by hand.
 */
@Component
public class KnownMemberships implements IdentityChanges {

    /** A user's memberships and the version of all memberships they were read at. */
    private record Known(CurrentUser user, long version) {
    }

    private final Cache<String, Known> known;
    /** Moves on every change: a reading that started before it is not kept. */
    private final AtomicLong changes = new AtomicLong();
    private final JdbcClient db;

    KnownMemberships(@Value("${family-audit.security.memberships-cache:10s}") Duration remember, JdbcClient db) {
        this.known = Caffeine.newBuilder().expireAfterWrite(remember).maximumSize(10_000).build();
        this.db = db;
    }

    CurrentUser of(String userId, Function<String, CurrentUser> read) {
        long version = version();
        Known remembered = known.getIfPresent(userId);
        if (remembered != null && remembered.version() == version) {
            return remembered.user();
        }
        long before = changes.get();
        CurrentUser user = read.apply(userId);
        known.put(userId, new Known(user, version));
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
        // Committed with the change: every instance's next call reads the memberships afresh.
        db.sql("UPDATE fa_membership_version SET version = version + 1 WHERE id = 1").update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget(userId);
                }
            });
        }
    }

    private long version() {
        return db.sql("SELECT version FROM fa_membership_version WHERE id = 1").query(Long.class).single();
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
