package it.familyaudit.workflow.accounts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the people's accounts.
 *
 * @param linkValidity   how long a link for setting a password stays usable (72 hours): long enough
 *                       for the agency to hand it on over a weekend, short enough that a forgotten one
 *                       is not a way in for long
 * @param publicBaseUrl  the address people reach the application at (e.g. {@code https://audit.example.it}),
 *                       written in the links; empty: the address of the agency's own request
 */
@ConfigurationProperties("family-audit.accounts")
public record AccountsProperties(Duration linkValidity, String publicBaseUrl) {

    public AccountsProperties {
        linkValidity = linkValidity == null ? Duration.ofHours(72) : linkValidity;
        if (linkValidity.isNegative() || linkValidity.isZero()) {
            throw new IllegalArgumentException("family-audit.accounts.link-validity must be positive, not " + linkValidity);
        }
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? null : publicBaseUrl.strip().replaceAll("/+$", "");
    }
}
