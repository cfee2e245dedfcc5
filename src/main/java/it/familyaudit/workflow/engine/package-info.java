/**
 * Everything that touches the Camunda engine's internals, and nothing else does (ModularityTest
 * says so): our settings of the engine (tenants per organisation, the listener every user task gets
 * through {@link it.familyaudit.workflow.engine.UserTaskBinding}, field errors passed on as such, no
 * scripts, the password policy's errors, the identity provider that tells
 * {@link it.familyaudit.workflow.engine.IdentityChanges}), the statements that read the engine's own
 * tables (open tasks, memberships) with the indexes they need, and the helpers that keep engine
 * calls in one place: the engine clock, checked calls without the caller's Camunda rights. The
 * ground of the house: it imports no other module, and a move to a fork of the engine with other
 * package names changes this module alone.
 */
package it.familyaudit.workflow.engine;
