package it.familyaudit.workflow.refusal;

/**
 * Something the application refuses to do, and why, in words for the person who asked (Italian
 * first, English second). A refusal knows nothing of HTTP: each way in (the API, the portal,
 * Camunda's REST API) decides how to answer its kind. Features throw named subclasses, one per
 * fact ({@code PlanVersionAlreadyDecided}), which carry what their message needs.
 */
public abstract sealed class Refusal extends RuntimeException
        permits NotFound, NotPermitted, StateConflict, InvalidRequest, TooLarge {

    protected Refusal(String message) {
        super(message);
    }
}
