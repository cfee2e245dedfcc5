package it.familyaudit.workflow.refusal;

/** A page of a list asked for outside the bounds the list allows. */
public final class PageOutOfRange extends InvalidRequest {

    /** @param bounds the allowed bounds, e.g. {@code 1 <= size <= 200} */
    public PageOutOfRange(String bounds) {
        super(bounds);
    }
}
