/**
 * The people who sign in, as the agency brings them in: a Camunda user for each person of an
 * organisation (referent, management, working group) or of the register of professionals
 * (consultants, evaluators), with e-mail, role and organisation, and no password anyone knows. The
 * person sets their own through a single-use link ({@link it.familyaudit.workflow.accounts.PasswordLinks},
 * owner of {@code fa_password_token}), which the agency hands on until the application sends mail;
 * the engine's password policy applies to what they choose. Each person changes their own e-mail
 * address, checked as at registration. The technical administrator stays out of reach: no
 * {@code admin} user, role or reset from here.
 */
package it.familyaudit.workflow.accounts;
