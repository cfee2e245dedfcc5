package it.familyaudit.workflow.monitoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One year of monitoring, as kept in {@code fa_monitoring_round}. The figures and the recommendation are
 * those of the decision table's last evaluation; {@code decision} is the council's last one.
 */
public record MonitoringRound(
        long id,
        long certificationId,
        int roundNo,
        String processInstanceId,
        long certificateId,
        RoundStatus status,
        LocalDate opensOn,
        LocalDate reportDue,
        Instant openedAt,
        Long planVersionId,
        String compiledBy,
        Instant firstSubmittedAt,
        Instant submittedAt,
        Boolean reportOnTime,
        String notes,
        String approvedBy,
        Instant approvedAt,
        Integer actionsDue,
        Integer actionsDone,
        BigDecimal doneShare,
        BigDecimal lateUnexplainedShare,
        String recommendation,
        String recommendationReason,
        String decision,
        Instant decidedAt,
        LocalDate correctiveDeadline,
        Instant closedAt) {
}
