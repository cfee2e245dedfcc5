package it.familyaudit.workflow.certification;

import it.familyaudit.workflow.engine.EngineTime;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Every organisation and its latest cycle at a glance, as the agency and the council follow them. */
public final class CertificationOverview {

    public static final int MAX_PAGE_SIZE = 100;

    private CertificationOverview() {
    }

    /**
     * The orders the table offers; each names its own SQL, so nothing of the request reaches the statement. Ties
     * go by name, then by organisation, ascending; organisations without a cycle come after every cycle, by name,
     * in each sort but {@link #NAME}.
     */
    public enum Sort {
        NAME("o.name"),
        /** In the order of the cycle ({@link Phase}'s), not of the phases' names. */
        PHASE(null),
        /** Longest in phase first when ascending: the earliest {@code phase_since}. */
        DAYS_IN_PHASE("c.phase_since"),
        /** Cycles without a deadline yet (before the kickoff) come after those with one. */
        DEADLINE("c.evaluation_deadline");

        private final String column;

        Sort(String column) {
            this.column = column;
        }

        /** The column sorted by; {@code null} for {@link #PHASE}, sorted a phase at a time. */
        String column() {
            return column;
        }
    }

    /**
     * @param phase       only cycles in this phase; {@code null} for all
     * @param overdueOnly only cycles past a deadline (the 6-month clock, or marked overdue)
     * @param search      part of the organisation's name or code; {@code null} for all
     */
    public record Query(Phase phase, boolean overdueOnly, String search, Sort sort, boolean descending, int page,
                        int size) {

        public Query {
            search = search == null || search.isBlank() ? null : search.strip();
            sort = sort == null ? Sort.NAME : sort;
            page = Math.max(page, 0);
            size = Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
        }
    }

    /** An organisation and its latest cycle; the cycle's fields are {@code null} for one that has none yet. */
    public record Row(Long certificationId, String organizationCode, String organizationName, Integer cycleNo,
                      CycleKind kind, Phase phase, CertificationStatus status, Instant phaseSince,
                      LocalDate evaluationDeadline, boolean overdue, BigDecimal feeAmount, LocalDate paymentDate,
                      LocalDate monitoringStart) {

        public boolean hasCycle() {
            return certificationId != null;
        }

        public long daysInPhase() {
            return phaseSince == null ? 0
                    : ChronoUnit.DAYS.between(LocalDate.ofInstant(phaseSince, EngineTime.ZONE), EngineTime.today());
        }

        /** The evaluation report is due to the council while the cycle runs towards its certificate. */
        public LocalDate nextDeadline() {
            return status == CertificationStatus.ACTIVE ? evaluationDeadline : null;
        }

        /** Past the 6-month clock, or marked overdue by it. */
        public boolean isOverdue() {
            return overdue || status == CertificationStatus.ACTIVE && evaluationDeadline != null
                    && evaluationDeadline.isBefore(EngineTime.today());
        }

        public boolean feePaid() {
            return paymentDate != null;
        }
    }

    public record Page(List<Row> rows, long total, Query query) {

        public int pages() {
            return (int) Math.max(1, (total + query.size() - 1) / query.size());
        }
    }
}
