package it.familyaudit.workflow.monitoring;

/** Where a yearly monitoring round stands; {@code PLANNED} is a year whose round has not been scheduled yet. */
public enum RoundStatus {
    PLANNED("Da programmare"),
    SCHEDULED("Programmato: in attesa dell'apertura"),
    OPEN("Rapporto da compilare"),
    SUBMITTED("Rapporto in approvazione"),
    APPROVED("Rapporto approvato: in verifica dal valutatore"),
    AUDITED("Verificato: in decisione al Consiglio dell'Audit"),
    CORRECTIVE("Misure correttive richieste"),
    CONFIRMED("Certificato confermato"),
    REVOKED("Certificato revocato");

    private final String italian;

    RoundStatus(String italian) {
        this.italian = italian;
    }

    public String italian() {
        return italian;
    }

    public boolean isClosed() {
        return this == CONFIRMED || this == REVOKED;
    }
}
