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
 * @param monitoring         the yearly monitoring rounds
 * @param cycles             how many years of monitoring each kind of cycle runs
 */
@ConfigurationProperties("family-audit")
public record FamilyAuditProperties(
        String consultantChoice,
        Period evaluationPeriod,
        Period evaluationWarning,
        String adminPassword,
        Monitoring monitoring,
        Cycles cycles) {

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
        monitoring = monitoring == null ? new Monitoring(null, null) : monitoring;
        cycles = cycles == null ? new Cycles(null, null, null) : cycles;
    }

    /**
     * @param leadTime     a round opens this long before the anniversary, when its report is due (30 days)
     * @param gracePeriod  an overdue task is escalated to the agency this long after its due date (14 days);
     *                     its group is reminded at the due date
     */
    public record Monitoring(Period leadTime, Period gracePeriod) {

        public Monitoring {
            leadTime = leadTime == null ? Period.ofDays(30) : leadTime;
            gracePeriod = gracePeriod == null ? Period.ofDays(14) : gracePeriod;
            if (leadTime.isNegative() || gracePeriod.isNegative()) {
                throw new IllegalArgumentException("family-audit.monitoring periods cannot be negative");
            }
        }
    }

    /**
     * Years of monitoring, one round each (three today; two under earlier rules).
     *
     * @param certificationYears  from the Family Audit certificate to the Executive
     * @param maintenanceYears    of a maintenance cycle, the Executive confirmed each year
     * @param consolidationYears  of a consolidation cycle, confirmed each year
     */
    public record Cycles(Integer certificationYears, Integer maintenanceYears, Integer consolidationYears) {

        public Cycles {
            certificationYears = years(certificationYears, "certification-years");
            maintenanceYears = years(maintenanceYears, "maintenance-years");
            consolidationYears = years(consolidationYears, "consolidation-years");
        }

        private static Integer years(Integer value, String name) {
            if (value == null) {
                return 3;
            }
            if (value < 1 || value > 10) {
                throw new IllegalArgumentException("family-audit.cycles." + name + " must be between 1 and 10, not " + value);
            }
            return value;
        }
    }
}
