package it.familyaudit.workflow.audit;

/** What the audit trail records. Each value names one kind of event, in Italian for the reader. */
public enum AuditAction {
    CERTIFICATION_STARTED("Avvio del percorso"),
    CERTIFICATION_ENDED("Chiusura del percorso"),
    TASK_COMPLETED("Attività completata"),
    PLAN_SUBMITTED("Piano presentato"),
    PLAN_APPROVED("Piano approvato"),
    PLAN_CHANGES_REQUESTED("Piano rimandato con modifiche"),
    PLAN_REVISION_OPENED("Revisione del piano aperta"),
    QUESTIONNAIRE_CODES_ISSUED("Codici del questionario generati"),
    QUESTIONNAIRE_CLOSED("Questionario chiuso"),
    REPORT_SUBMITTED("Rapporto presentato"),
    REPORT_APPROVED("Rapporto approvato"),
    CERTIFICATE_ISSUED("Certificato rilasciato"),
    CERTIFICATE_CONFIRMED("Certificato confermato"),
    CERTIFICATE_REVOKED("Certificato revocato"),
    TASK_REMINDED("Promemoria di un'attività scaduta"),
    TASK_ESCALATED("Attività scaduta segnalata all'ente"),
    ROLE_GRANTED("Ruolo assegnato"),
    ROLE_REVOKED("Ruolo tolto"),
    ORGANISATION_MEMBER_ADDED("Accesso a un'organizzazione concesso"),
    ORGANISATION_MEMBER_REMOVED("Accesso a un'organizzazione tolto"),
    USER_CREATED("Utente creato"),
    USER_DELETED("Utente eliminato"),
    LOGIN_FAILED("Accesso non riuscito"),
    PASSWORD_LINK_ISSUED("Collegamento per la password rilasciato"),
    PASSWORD_SET("Password impostata con un collegamento"),
    EMAIL_CHANGED("Indirizzo e-mail cambiato"),
    DOCUMENT_ATTACHED("Documento allegato");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
