package it.familyaudit.workflow.plan;

import it.familyaudit.workflow.refusal.InvalidRequest;
import it.familyaudit.workflow.refusal.NotFound;
import it.familyaudit.workflow.refusal.NotPermitted;
import it.familyaudit.workflow.refusal.StateConflict;
import it.familyaudit.workflow.refusal.TooLarge;

/** What the action plan refuses, one class per fact. */
public final class PlanRefusals {

    private PlanRefusals() {
    }

    public static final class NoPlanDraftedYet extends NotFound {

        NoPlanDraftedYet() {
            super("Il piano non è ancora stato redatto / No plan has been drafted yet");
        }
    }

    public static final class PlanVersionNotFound extends NotFound {

        PlanVersionNotFound() {
            super("Versione del piano", true);
        }
    }

    public static final class NotAPlanAuthor extends NotPermitted {

        NotAPlanAuthor() {
            super("Il piano lo redigono il gruppo di lavoro, il referente interno e il consulente"
                    + " / The plan is drafted by the working group, the internal referent and the consultant");
        }
    }

    public static final class NotARevisionAuthor extends NotPermitted {

        NotARevisionAuthor() {
            super("Le revisioni del piano le curano il referente interno e il gruppo di lavoro"
                    + " / Plan revisions are made by the internal referent and the working group");
        }
    }

    public static final class OnlyManagementDecidesRevisions extends NotPermitted {

        OnlyManagementDecidesRevisions() {
            super("Le revisioni del piano le approva il gruppo di direzione / Plan revisions are decided by management");
        }
    }

    /** The plan changes while it is drafted: the cycle has moved on to another phase. */
    public static final class PlanNotInDrafting extends StateConflict {

        PlanNotInDrafting(String phase) {
            super("Il piano si modifica durante la redazione: la certificazione è ora in fase «" + phase
                    + "» / The plan can only change while it is being drafted");
        }
    }

    public static final class ApprovedPlanUnchangeable extends StateConflict {

        ApprovedPlanUnchangeable(long certificationId) {
            super("Il piano approvato non si modifica: aprire prima una revisione"
                    + " (POST /api/certifications/" + certificationId + "/plan/revisions)"
                    + " / The approved plan does not change: open a revision first");
        }
    }

    public static final class PlanOfEndedCertification extends StateConflict {

        PlanOfEndedCertification(String phase) {
            super("La certificazione è conclusa («" + phase
                    + "»): il piano non si modifica più / The certification has ended, its plan no longer changes");
        }
    }

    public static final class NoApprovedPlanToRevise extends StateConflict {

        NoApprovedPlanToRevise() {
            super("Nessuna versione approvata del piano da rivedere / No approved plan to revise");
        }
    }

    public static final class NoRevisionOpen extends StateConflict {

        NoRevisionOpen() {
            super("Nessuna revisione aperta da presentare / No revision is open");
        }
    }

    /** Revisions come after the certificate; before it, the plan is decided by its approval task. */
    public static final class RevisionBeforeCertificate extends StateConflict {

        RevisionBeforeCertificate(String phase) {
            super("Le revisioni del piano si fanno dopo il rilascio del certificato: la certificazione è in fase «"
                    + phase + "» / Plan revisions come after the certificate");
        }
    }

    public static final class PlanDecidedThroughItsTask extends StateConflict {

        PlanDecidedThroughItsTask() {
            super("Durante il percorso il piano si approva con l'attività «Approvare e firmare il piano»"
                    + " / During the cycle the plan is decided through its approval task");
        }
    }

    public static final class PlanVersionNotSubmitted extends StateConflict {

        PlanVersionNotSubmitted(int versionNo, String status) {
            super("La versione " + versionNo + " è «" + status
                    + "»: si decide solo una versione presentata / Only a submitted version can be decided");
        }
    }

    /** Someone else has opened a draft or a revision meanwhile. */
    public static final class PlanVersionAlreadyOpen extends StateConflict {

        PlanVersionAlreadyOpen(String which) {
            super("Il piano ha già una versione aperta: " + which + " / The plan already has an open version");
        }
    }

    public static final class PlanVersionAlreadyDecided extends StateConflict {

        /** Decided through the approval task by someone else meanwhile. */
        PlanVersionAlreadyDecided(int versionNo) {
            super("La versione " + versionNo + " del piano è già stata decisa / This plan version has already been decided");
        }

        PlanVersionAlreadyDecided(int versionNo, String status) {
            super("La versione " + versionNo + " è già stata decisa: è «" + status
                    + "» / This plan version has already been decided");
        }
    }

    public static final class PlanVersionNoLongerDraft extends StateConflict {

        PlanVersionNoLongerDraft(int versionNo, String status) {
            super("La versione " + versionNo + " del piano non è più una bozza: è «" + status
                    + "» / This plan version is no longer a draft");
        }
    }

    public static final class PlanFileEmpty extends InvalidRequest {

        PlanFileEmpty() {
            super("Il file del piano è vuoto / The plan file is empty");
        }
    }

    public static final class PlanBodyNotJson extends InvalidRequest {

        PlanBodyNotJson() {
            super("Il corpo della richiesta non è JSON valido in UTF-8 / The request body is not valid UTF-8 JSON");
        }
    }

    public static final class PlanFileTooLarge extends TooLarge {

        PlanFileTooLarge(int megabytes) {
            super("Il piano inviato supera " + megabytes + " MB / The plan sent is larger than " + megabytes + " MB");
        }
    }
}
