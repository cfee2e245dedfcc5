package it.familyaudit.workflow.portal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Guessing certificate codes is slowed down: each address may try
 * {@code family-audit.portal.verifications-per-minute} codes a minute ({@value #PER_MINUTE} by
 * default). A code has 16 characters of 32 (80 bits): the limit is not what keeps codes secret, it
 * keeps a guessing script from costing the database anything.
 */
@Component
class VerificationThrottle {

    static final int PER_MINUTE = 20;

    private final int perMinute;
    private final Cache<String, AtomicInteger> attempts = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1)).maximumSize(100_000).build();

    VerificationThrottle(@Value("${family-audit.portal.verifications-per-minute:" + PER_MINUTE + "}") int perMinute) {
        this.perMinute = perMinute;
    }

    /** Counts an attempt; false once this address has used up its minute. */
    boolean allow(String address) {
        return attempts.get(address, a -> new AtomicInteger()).incrementAndGet() <= perMinute;
    }
}
