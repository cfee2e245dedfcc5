package it.familyaudit.workflow;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the certification rules that change between rule versions.
 *
 * @param consultantChoice   {@code agency} when the agency assigns consultant and evaluator,
 *                           {@code organisation} when management chooses the consultant
 * @param evaluationPeriod   from the kick-off workshop to the evaluation report (six months today)
 * @param evaluationWarning  when the deadline warning is sent (five months today)
 * @param adminPassword      password of the {@code admin} user; required outside the demo profile
 */
@ConfigurationProperties("family-audit")
public record FamilyAuditProperties(
        String consultantChoice,
        Period evaluationPeriod,
        Period evaluationWarning,
        String adminPassword) {

    public FamilyAuditProperties {
        if (consultantChoice == null || consultantChoice.isBlank()) {
            consultantChoice = "agency";
        }
        if (!consultantChoice.equals("agency") && !consultantChoice.equals("organisation")) {
            throw new IllegalArgumentException(
                    "family-audit.consultant-choice must be 'agency' or 'organisation', not '" + consultantChoice + "'");
        }
        evaluationPeriod = evaluationPeriod == null ? Period.ofMonths(6) : evaluationPeriod;
        evaluationWarning = evaluationWarning == null ? Period.ofMonths(5) : evaluationWarning;
    }
}
