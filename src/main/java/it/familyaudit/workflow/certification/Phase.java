package it.familyaudit.workflow.certification;

/** Where a certification stands; the open task decides it while the cycle runs. */
public enum Phase {
    APPLICATION("Domanda"),
    PAYMENT("Pagamento della quota"),
    ASSIGNMENT("Assegnazione di consulente e valutatore"),
    KICKOFF("Workshop di avvio"),
    WORKING_GROUP("Gruppo di lavoro"),
    NEEDS_SURVEY("Questionario dei bisogni"),
    PLAN_DRAFTING("Redazione del piano"),
    PLAN_APPROVAL("Approvazione del piano"),
    EVALUATION("Visita di valutazione"),
    COUNCIL_DECISION("Decisione del Consiglio dell'Audit"),
    CERTIFIED("Certificata"),
    MONITORING("Attuazione del piano e monitoraggio annuale"),
    MONITORING_REPORT("Monitoraggio: rapporto annuale"),
    MONITORING_APPROVAL("Monitoraggio: approvazione del rapporto"),
    MONITORING_AUDIT("Monitoraggio: verifica del valutatore"),
    MONITORING_DECISION("Monitoraggio: decisione del Consiglio dell'Audit"),
    CORRECTIVE_MEASURES("Monitoraggio: misure correttive"),
    PLAN_RECOGNITION("Riconoscimento del piano attuato"),
    EXECUTIVE("Family Audit Executive"),
    REVOKED("Certificato revocato"),
    DENIED("Certificazione negata"),
    WITHDRAWN("Ritirata"),
    CLOSED("Chiusa dall'ente");

    private final String italian;

    Phase(String italian) {
        this.italian = italian;
    }

    public String italian() {
        return italian;
    }
}
