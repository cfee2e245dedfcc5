/**
 * The years after the certificate. Each year a monitoring round (its own model, called by the cycle's)
 * opens before the anniversary: the referent reports every due action's state and its indicators,
 * management approves, the assigned evaluator audits, the decision table {@code monitoring-outcome}
 * recommends, and the council confirms, asks for corrective measures or revokes. Overdue tasks remind
 * their group and are escalated to the agency. After the last confirmation of a first cycle the council
 * recognises the plan as carried out and the Family Audit Executive is issued. The figures of the rounds
 * and of the plan are served per certification.
 */
package it.familyaudit.workflow.monitoring;
