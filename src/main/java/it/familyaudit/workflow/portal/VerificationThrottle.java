package it.familyaudit.workflow.portal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Guessing certificate codes is slowed down: each address may try
 * {@code family-audit.portal.verifications-per-minute} codes a minute ({@value #PER_MINUTE} by
 * default). A code has 16 characters of 32 (80 bits).
 */
@Component
class VerificationThrottle extends GuessThrottle {

    static final int PER_MINUTE = 20;

    VerificationThrottle(@Value("${family-audit.portal.verifications-per-minute:" + PER_MINUTE + "}") int perMinute) {
        super(perMinute);
    }
}
