package it.familyaudit.workflow.certification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Where a certification stands, as the API shows it. */
public record CertificationView(
        long id,
        String organizationCode,
        String organizationName,
        int cycleNo,
        String kind,
        String kindLabel,
        String phase,
        String phaseLabel,
        String status,
        boolean overdue,
        Instant startedAt,
        Instant endedAt,
        LocalDate kickoffDate,
        LocalDate evaluationDeadline,
        Instant deadlineWarnedAt,
        Integer employeesInvolved,
        BigDecimal feeAmount,
        LocalDate paymentDate,
        String referent,
        String consultant,
        String evaluator,
        String workingGroupWarning,
        LocalDate monitoringStart,
        List<OpenTask> openTasks,
        List<TimelineEntry> timeline,
        CertificateRef certificate,
        CertificateRef executiveCertificate) {

    public record OpenTask(String id, String taskKey, String name, List<String> candidateGroups, Instant created,
                           Instant due) {
    }

    /** @param status {@code VALID}, {@code REVOKED} or {@code WITHDRAWN} */
    public record CertificateRef(String number, LocalDate issueDate, String verificationCode, String status, String pdf) {
    }
}
