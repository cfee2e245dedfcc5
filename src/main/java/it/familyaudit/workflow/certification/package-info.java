/**
 * The cycles of one organisation: a first certification from application to certificate and on to the
 * Executive, then maintenance and consolidation ({@link it.familyaudit.workflow.certification.CycleKind}).
 * The processes' ids and variables ({@link it.familyaudit.workflow.certification.CertificationProcess},
 * {@link it.familyaudit.workflow.certification.MaintenanceProcess}), the steps of the application,
 * payment, assignment of consultant and evaluator, kick-off workshop, overdue decision and council
 * decision, the delegates the models call, and the status and timeline the API shows. The yearly
 * monitoring is in the monitoring package.
 */
package it.familyaudit.workflow.certification;
