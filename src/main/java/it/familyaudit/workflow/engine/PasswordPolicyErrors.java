package it.familyaudit.workflow.engine;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Camunda refuses a password that breaks the policy with a plain engine exception and the words
 * "Password does not match policy", which its REST API answers as a server error (500). This
 * turns that one refusal into a client error that states the rules, so {@code /engine-rest} and
 * the webapps answer 400 with them, and a weak administrator password at start-up says what is
 * missing.
 */
public final class PasswordPolicyErrors extends CommandInterceptor {

    private final String rules;

    PasswordPolicyErrors(String rules) {
        this.rules = rules;
    }

    /** Camunda's message, in SaveUserCmd; PasswordPolicyTest notices if an upgrade changes it. */
    public static final String CAMUNDA_REFUSAL = "Password does not match policy";

    /** A new password that breaks the {@link DescribedPasswordPolicy}. */
    public static final class WeakPasswordException extends BadUserRequestException {

        WeakPasswordException(String rules, Throwable cause) {
            super(rules, cause);
        }
    }

    @Override
    public <T> T execute(Command<T> command) {
        try {
            return next.execute(command);
        } catch (ProcessEngineException e) {
            if (command instanceof SaveUserCmd && e.getClass() == ProcessEngineException.class
                    && CAMUNDA_REFUSAL.equals(e.getMessage())) {
                throw new WeakPasswordException(rules, e);
            }
            throw e;
        }
    }
}
