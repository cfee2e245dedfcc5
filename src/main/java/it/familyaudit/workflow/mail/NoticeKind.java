package it.familyaudit.workflow.mail;

/**
 * What a mail is about, and whether a person may turn it off: a {@link Category#DUTY} (something to do, or a
 * deadline of one's own) always comes; {@link Category#NEWS} may be turned off; an {@link Category#ESCALATION}
 * may be turned off by everyone but the agency, whose job it is to act on it.
 */
public enum NoticeKind {
    TASK_OPENED(Category.DUTY),
    REMINDER(Category.DUTY, true),
    DEADLINE_WARNING(Category.DUTY, true),
    ESCALATION(Category.ESCALATION, true),
    PLAN_SENT_BACK(Category.NEWS),
    QUESTIONNAIRE_OPENED(Category.NEWS),
    QUESTIONNAIRE_CLOSED(Category.NEWS),
    MONITORING_OPENED(Category.NEWS),
    COUNCIL_DECISION(Category.NEWS),
    CERTIFICATE_ISSUED(Category.NEWS),
    CERTIFICATE_CONFIRMED(Category.NEWS),
    CERTIFICATE_REVOKED(Category.NEWS),
    DIGEST(Category.DUTY);

    public enum Category { DUTY, NEWS, ESCALATION }

    private final Category category;
    private final boolean urgent;

    NoticeKind(Category category) {
        this(category, false);
    }

    NoticeKind(Category category, boolean urgent) {
        this.category = category;
        this.urgent = urgent;
    }

    /** A deadline's mail: sent at once even to those who chose the digest, which could bring it too late. */
    public boolean urgent() {
        return urgent;
    }

    public Category category() {
        return category;
    }
}
