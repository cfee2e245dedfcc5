package it.familyaudit.workflow.portal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slows down guessing of a secret that a public page takes (a certificate's code, a password
 * link): each client address may try a number of times a minute. The secrets are long enough that
 * the limit is not what keeps them secret; it keeps a guessing script from costing the database
 * anything.
 */
abstract class GuessThrottle {

    private final int perMinute;
    private final Cache<String, AtomicInteger> attempts = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1)).maximumSize(100_000).build();

    GuessThrottle(int perMinute) {
        this.perMinute = perMinute;
    }

    /** Counts an attempt; false once this address has used up its minute. */
    boolean allow(String address) {
        return attempts.get(address, a -> new AtomicInteger()).incrementAndGet() <= perMinute;
    }
}
