/**
 * The employees' side of the questionnaire: the public page at {@code /questionario/{token}}, without
 * login, drawn on the server in Italian and English (it works without JavaScript and with a screen
 * reader), the server's check of every submission against the campaign's questions, and the intake
 * that spends a code and stores the answers in one transaction with nothing that ties the two. Apart
 * because it is the only way in that is open to anyone, and what it keeps is what anonymity rests on.
 */
package it.familyaudit.workflow.survey.publicpage;
