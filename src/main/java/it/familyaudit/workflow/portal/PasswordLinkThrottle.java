package it.familyaudit.workflow.portal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Guessing password links is slowed down: each address may open or send
 * {@code family-audit.portal.password-links-per-minute} of them a minute ({@value #PER_MINUTE} by
 * default), which a person setting their password never reaches. A link's token has 256 bits.
 */
@Component
class PasswordLinkThrottle extends GuessThrottle {

    static final int PER_MINUTE = 10;

    PasswordLinkThrottle(@Value("${family-audit.portal.password-links-per-minute:" + PER_MINUTE + "}") int perMinute) {
        super(perMinute);
    }
}
