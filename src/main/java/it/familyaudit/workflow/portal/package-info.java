/**
 * Lo sportello — the portal people open every morning, a way in: sign-in, a home for each role
 * (the organisation's stepper and tasks, the professionals' organisations, the agency's table of
 * every organisation), a page per certification with its documents and its questionnaire (results
 * once closed, the referent's invitation codes while open), a page per task with its form drawn
 * from the task's own {@code .form} and completed through the inbox as on the API, the public
 * register with the verification of a certificate, each person's choices of mail and the agency's
 * outbox. Server-rendered Thymeleaf pages in Bootstrap
 * Italia, Italian first and English second, working without JavaScript. It reads through the
 * features' own services, which decide who sees what as they do for the API; no feature imports it.
 */
package it.familyaudit.workflow.portal;
