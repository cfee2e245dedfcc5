/**
 * Who may do what: Camunda's users and groups are the user store for the API and the webapps; our
 * roles are Camunda groups; start-up makes sure groups, webapp rights, Tasklist filters and the
 * administrator exist. The secure defaults live here too: browser protections and cookies, sign-in
 * throttling, the password policy, and an engine that runs no scripts. Optionally (off by default)
 * the API also takes Bearer tokens of an OpenID Connect provider and the webapps offer its sign-in;
 * its users are provisioned into Camunda's store from the claims.
 */
package it.familyaudit.workflow.security;
