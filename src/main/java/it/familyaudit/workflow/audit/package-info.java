/**
 * The append-only audit trail: who did what, when, on which certification. Business events are
 * written by the features that make them, in the same transaction; identity events (roles,
 * organisation access, users, failed logins) as the engine's identity provider reports them
 * ({@link it.familyaudit.workflow.engine.IdentityChanges}), whatever the way in.
 */
package it.familyaudit.workflow.audit;
