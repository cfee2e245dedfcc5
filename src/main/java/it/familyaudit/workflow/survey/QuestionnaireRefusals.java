package it.familyaudit.workflow.survey;

import it.familyaudit.workflow.refusal.NotFound;
import it.familyaudit.workflow.refusal.NotPermitted;
import it.familyaudit.workflow.refusal.StateConflict;
import java.time.LocalDate;

/** What the questionnaire refuses, one class per fact. */
public final class QuestionnaireRefusals {

    private QuestionnaireRefusals() {
    }

    public static final class CampaignNotFound extends NotFound {

        CampaignNotFound() {
            super("Campagna del questionario", true);
        }
    }

    public static final class RoleSeesNoQuestionnaire extends NotPermitted {

        RoleSeesNoQuestionnaire() {
            super("Il tuo ruolo non vede il questionario / Your role does not see the questionnaire");
        }
    }

    public static final class OnlyTheReferentRunsTheQuestionnaire extends NotPermitted {

        OnlyTheReferentRunsTheQuestionnaire() {
            super("Solo il referente interno gestisce il questionario / Only the internal referent runs the questionnaire");
        }
    }

    public static final class CampaignWithoutCodes extends StateConflict {

        CampaignWithoutCodes() {
            super("La campagna usa un link condiviso, senza codici / The campaign uses a shared link, no codes");
        }
    }

    public static final class QuestionnaireClosed extends StateConflict {

        QuestionnaireClosed() {
            super("Il questionario è chiuso / The questionnaire is closed");
        }
    }

    public static final class QuestionnaireAlreadyClosed extends StateConflict {

        QuestionnaireAlreadyClosed() {
            super("Il questionario è già chiuso / The questionnaire is already closed");
        }
    }

    /** Only the codes' hashes are kept: issued codes cannot be shown again, only replaced. */
    public static final class CodesAlreadyIssued extends StateConflict {

        private final LocalDate issuedOn;

        CodesAlreadyIssued(LocalDate issuedOn) {
            super("I codici sono stati generati il " + issuedOn
                    + " e non possono essere mostrati di nuovo: il sistema ne conserva solo l'impronta. Per sostituirli"
                    + " tutti, finché nessuno è stato usato, inviare {\"replace\": true} / The codes were issued on "
                    + issuedOn + " and cannot be shown again: only their hashes are kept. To replace"
                    + " them all, while none has been used, send {\"replace\": true}");
            this.issuedOn = issuedOn;
        }

        /** The day the codes were issued, for a way in that words the refusal its own way (the portal). */
        public LocalDate issuedOn() {
            return issuedOn;
        }
    }

    public static final class CodesAlreadyUsed extends StateConflict {

        CodesAlreadyUsed() {
            super("Sono già arrivate risposte: i codici non possono più essere sostituiti"
                    + " / Answers have come in: the codes can no longer be replaced");
        }
    }

    public static final class ProcessNotWaitingForQuestionnaire extends StateConflict {

        ProcessNotWaitingForQuestionnaire() {
            super("Il processo non attende la chiusura del questionario / The process is not waiting for the questionnaire");
        }
    }

    /** While answers come in, two looks a little apart would reveal the answers given in between. */
    public static final class ResultsBeforeClosing extends StateConflict {

        ResultsBeforeClosing() {
            super("I risultati si vedono dopo la chiusura: finché arrivano risposte, due letture"
                    + " a distanza di poco rivelerebbero le risposte di chi ha compilato nel frattempo / Results are"
                    + " shown once the campaign has closed: while answers come in, two looks a little apart would"
                    + " reveal the answers given in between");
        }
    }
}
