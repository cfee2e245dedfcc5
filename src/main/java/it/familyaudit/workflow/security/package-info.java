/**
 * Who may do what: Camunda's users and groups are the user store for the API and the webapps; our
 * roles are Camunda groups; the one rule for what an assigned consultant or evaluator may do
 * ({@link it.familyaudit.workflow.security.ProfessionalAssignment}); start-up makes sure groups,
 * webapp rights (for the models the features declare as {@link it.familyaudit.workflow.security.PeopleModel}),
 * Tasklist filters and the administrator exist. The secure defaults live here too: browser
 * protections and cookies, sign-in throttling and the password policy (the engine enforces them).
 * Optionally (off by default) the API also takes Bearer tokens of an OpenID Connect provider and
 * the webapps offer its sign-in; its users are provisioned into Camunda's store from the claims.
 */
package it.familyaudit.workflow.security;
