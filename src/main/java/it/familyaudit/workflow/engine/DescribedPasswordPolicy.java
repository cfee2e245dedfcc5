package it.familyaudit.workflow.engine;

import org.camunda.bpm.engine.identity.PasswordPolicy;

/**
 * The password policy the engine checks wherever a password is set (a Spring bean of the security
 * feature), with the sentence that states its rules when a password breaks them.
 */
public interface DescribedPasswordPolicy extends PasswordPolicy {

    String description();
}
