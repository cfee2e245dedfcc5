package it.familyaudit.workflow.monitoring;

import it.familyaudit.workflow.tasks.TaskAlerts;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The yearly monitoring of a certification and the plan's figures, as the API shows them. */
public final class MonitoringView {

    private MonitoringView() {
    }

    /**
     * {@code GET /api/certifications/{id}/monitoring}: every year of monitoring, those not scheduled yet
     * with their planned dates.
     */
    public record Rounds(long certificationId, String kind, int years, LocalDate monitoringStart, String leadTime,
                         String gracePeriod, CertificateSummary certificate, List<Round> rounds,
                         List<TaskAlerts.Alert> alerts) {
    }

    public record CertificateSummary(String kind, String number, LocalDate issueDate, String status) {
    }

    /** One year: its state, dates, figures, the recommendation and the council's decision. */
    public record Round(int roundNo, String status, String statusLabel, LocalDate opensOn, LocalDate reportDue,
                        Instant openedAt, Instant reportSubmittedAt, Boolean reportOnTime, Instant approvedAt,
                        Integer actionsReported, Integer actionsDue, Integer actionsDone, BigDecimal doneShare,
                        BigDecimal lateUnexplainedShare, String recommendation, String recommendationLabel,
                        String recommendationReason, String evaluatorRecommendation, String decision,
                        String decisionLabel, Instant decidedAt, LocalDate correctiveDeadline, Instant closedAt) {
    }

    /**
     * {@code GET /api/certifications/{id}/plan/figures}: for each plan year, the actions by state, the
     * indicators against their targets and the budget planned; then the trend over the years.
     */
    public record PlanFigures(long certificationId, Integer planVersion, List<Year> years, List<TrendPoint> trend) {
    }

    /**
     * @param byState        actions by reported state; {@code NOT_REPORTED} before the year's report
     * @param budgetPlanned  each action's budget shared equally among the plan years it runs in
     */
    public record Year(int year, boolean reported, int actions, Map<String, Integer> byState, BigDecimal budgetPlanned,
                       List<IndicatorFigure> indicators) {
    }

    /** @param reached measured against target: at or above it, or at or below it for a reduction */
    public record IndicatorFigure(String actionCode, int indicatorNo, String name, String unit, BigDecimal baseline,
                                  BigDecimal target, BigDecimal measured, Boolean reached) {
    }

    /** One year of the trend: the shares the council saw, and how many indicators met their targets. */
    public record TrendPoint(int year, Integer actionsDue, Integer actionsDone, BigDecimal doneShare,
                             BigDecimal lateUnexplainedShare, int indicatorsMeasured, int indicatorsReached,
                             BigDecimal budgetPlanned) {
    }
}
