package it.familyaudit.workflow.survey;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A questionnaire campaign of one certification cycle, as kept in {@code fa_questionnaire_campaign}
 * (without its questions and code key, which are read when needed).
 */
public record Campaign(long id, long certificationId, String publicToken, LocalDate opensOn, LocalDate closesOn,
                int employeesInvited, InvitationMode mode, Status status, int codesIssued, LocalDate codesIssuedOn,
                String openedBy, Instant openedAt, LocalDate closedOn, String closedBy, CloseReason closeReason) {

    public enum InvitationMode { CODES, LINK }

    enum Status { OPEN, CLOSED }

    enum CloseReason {
        CLOSING_DATE("alla data di chiusura"),
        EARLY("in anticipo dal referente"),
        CYCLE_ENDED("perché il ciclo di certificazione è terminato");

        final String italian;

        CloseReason(String italian) {
            this.italian = italian;
        }
    }

    /** Whether an answer given on this day counts: the campaign is open and the day within its dates. */
    public boolean acceptsAnswersOn(LocalDate day) {
        return status == Status.OPEN && !day.isBefore(opensOn) && !day.isAfter(closesOn);
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }
}
