/**
 * The certification cycle of one organisation, from application to certificate: the process's ids and
 * variables ({@link it.familyaudit.workflow.certification.CertificationProcess}), the steps of the
 * application, payment, assignment of consultant and evaluator, kick-off workshop, overdue decision
 * and council decision, the delegates the model calls, and the status and timeline the API shows.
 */
package it.familyaudit.workflow.certification;
