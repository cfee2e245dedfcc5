/**
 * Mail: people are told when something is theirs, reminded before it is late, and their management and the
 * agency are told after. Events of the cycle ({@link it.familyaudit.workflow.tasks.TaskOpened},
 * {@link it.familyaudit.workflow.tasks.TaskAlertRaised},
 * {@link it.familyaudit.workflow.certification.TimelineRecorded}) become notices in the outbox inside the
 * transaction that caused them; a sender drains the outbox over SMTP with retries; a scan of open tasks
 * writes the reminders and escalations of due dates; a daily job gathers the notices of those who chose a
 * digest. Each person chooses immediate mail or the digest, the language, and whether to get mail that is
 * not a duty ({@link it.familyaudit.workflow.mail.MailPreferences}).
 */
package it.familyaudit.workflow.mail;
