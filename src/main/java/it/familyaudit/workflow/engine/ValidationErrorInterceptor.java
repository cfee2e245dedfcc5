package it.familyaudit.workflow.engine;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The engine wraps what a task listener throws in a generic exception, which Camunda's REST API
 * and Tasklist answer with 500. Outside the transaction (it has rolled back by now) this hands our
 * field errors and refusals on as they are, so every way in answers 400 or 403 with the same message.
 */
final class ValidationErrorInterceptor extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
        try {
            return next.execute(command);
        } catch (RuntimeException e) {
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof FormValidationException || t instanceof AuthorizationException) {
                    throw (RuntimeException) t;
                }
            }
            throw e;
        }
    }
}
