package it.familyaudit.workflow.certification;

import it.familyaudit.workflow.security.ProfessionalAssignment;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One certification cycle of one organisation, as kept in {@code fa_certification}. */
public record Certification(
        long id,
        long organizationId,
        int cycleNo,
        String processInstanceId,
        Phase phase,
        CertificationStatus status,
        String startedBy,
        Instant startedAt,
        Instant endedAt,
        String scope,
        String scopeUnits,
        Integer employeesInvolved,
        String internalActNumber,
        LocalDate internalActDate,
        String referentUserId,
        String referentName,
        String referentEmail,
        String referentPhone,
        BigDecimal feeAmount,
        String paymentNoticeNumber,
        LocalDate paymentDate,
        BigDecimal amountPaid,
        String consultantUserId,
        String evaluatorUserId,
        LocalDate kickoffDate,
        LocalDate evaluationDeadline,
        Instant deadlineWarnedAt,
        boolean overdue,
        String workingGroupWarning,
        CycleKind kind,
        LocalDate monitoringStart,
        Instant phaseSince) {

    /**
     * Whether the cycle still runs (before or after its certificate). A cycle certified before the
     * monitoring was modelled ended with its certificate, and has an end date.
     */
    public boolean isActive() {
        return !status.isFinal() && endedAt == null;
    }

    /** The professionals the cycle names, and what that lets them do. */
    public ProfessionalAssignment assignment() {
        return new ProfessionalAssignment(consultantUserId, evaluatorUserId);
    }
}
