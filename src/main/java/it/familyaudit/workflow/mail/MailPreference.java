package it.familyaudit.workflow.mail;

/**
 * What one person wants of mail.
 *
 * @param digest      one mail a day listing everything, instead of a mail per event
 * @param language    {@code it} (Italian, English below) or {@code en} (English only)
 * @param news        mail that is no duty of theirs (certificates, decisions, campaigns); duties always come
 * @param escalations mail about other people's overdue tasks; the agency's always come
 */
public record MailPreference(String userId, boolean digest, String language, boolean news, boolean escalations) {

    public static final java.util.Set<String> LANGUAGES = java.util.Set.of("it", "en");

    public static MailPreference defaults(String userId) {
        return new MailPreference(userId, false, "it", true, true);
    }

    /** Whether a mail of this kind goes out to the person; {@code agency} when they act for the agency. */
    boolean wants(NoticeKind kind, boolean agency) {
        return switch (kind.category()) {
            case DUTY -> true;
            case NEWS -> news;
            case ESCALATION -> escalations || agency;
        };
    }
}
