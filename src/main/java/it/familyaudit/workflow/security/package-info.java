/**
 * Who may do what: Camunda's users and groups are the user store for the API and the webapps; our
 * roles are Camunda groups; start-up makes sure groups, webapp rights, Tasklist filters and the
 * administrator exist. The secure defaults live here too: browser protections and cookies, sign-in
 * throttling, the password policy, and an engine that runs no scripts.
 */
package it.familyaudit.workflow.security;
