package it.familyaudit.workflow.attachment;

import it.familyaudit.workflow.attachment.AttachmentRefusals.UnknownAttachmentKind;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a file is for, at the step of the cycle that produces it. Each kind says whether a file of
 * it names a monitoring year and a plan action; who may attach it is decided in {@link Attachments}.
 */
public enum AttachmentKind {

    /** The organisation's internal act on the application (for a municipality, its council's resolution). */
    APPLICATION_RESOLUTION("Delibera di adesione", "Resolution on the application", Target.NONE, Target.NONE),
    /** The minutes of the kick-off workshop with management. */
    WORKSHOP_MINUTES("Verbale del workshop di avvio", "Kick-off workshop minutes", Target.NONE, Target.NONE),
    /** The evaluator's report: on the plan (no year) or on a year of monitoring. */
    EVALUATION_REPORT("Rapporto di valutazione", "Evaluation report", Target.OPTIONAL, Target.NONE),
    /** What shows an action was carried out in a monitoring year, e.g. an attendance sheet. */
    ACTION_EVIDENCE("Evidenza di un'azione", "Evidence of an action", Target.REQUIRED, Target.REQUIRED),
    /** The council's decision: on the certificate (no year) or on the confirmation of a year. */
    COUNCIL_DECISION("Decisione del Consiglio dell'Audit", "Audit council's decision", Target.OPTIONAL, Target.NONE),
    /** Anything else worth keeping with the certification. */
    OTHER("Altro documento", "Other document", Target.OPTIONAL, Target.OPTIONAL);

    /** Whether a file of a kind names a year, or an action. */
    enum Target { NONE, OPTIONAL, REQUIRED }

    private final String italian;
    private final String english;
    private final Target year;
    private final Target action;

    AttachmentKind(String italian, String english, Target year, Target action) {
        this.italian = italian;
        this.english = english;
        this.year = year;
        this.action = action;
    }

    /** The kind's name in Italian, for refusals and the audit trail (the pages have it in both languages). */
    public String italian() {
        return italian;
    }

    /** The kind's name in English, for the second half of a refusal. */
    public String english() {
        return english;
    }

    Target year() {
        return year;
    }

    Target action() {
        return action;
    }

    /** The kind a request names, case-insensitively; a refusal listing the kinds for any other value. */
    static AttachmentKind parse(String value) {
        String name = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst()
                .orElseThrow(() -> new UnknownAttachmentKind(value));
    }
}
