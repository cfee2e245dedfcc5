/**
 * Who may do what: Camunda's users and groups are the user store for the API and the webapps; our
 * roles are Camunda groups; start-up makes sure groups, webapp rights, Tasklist filters and the
 * administrator exist.
 */
package it.familyaudit.workflow.security;
