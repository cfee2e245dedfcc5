package it.familyaudit.workflow.monitoring;

import it.familyaudit.workflow.FamilyAuditProperties;
import it.familyaudit.workflow.certificate.Certificate;
import it.familyaudit.workflow.certificate.CertificateRepository;
import it.familyaudit.workflow.certification.Certification;
import it.familyaudit.workflow.plan.Indicator;
import it.familyaudit.workflow.plan.PlanAction;
import it.familyaudit.workflow.plan.PlanContent;
import it.familyaudit.workflow.plan.PlanField;
import it.familyaudit.workflow.plan.PlanRepository;
import it.familyaudit.workflow.plan.PlanVersion;
import it.familyaudit.workflow.tasks.TaskAlerts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The figures of the years after the certificate, read from the rounds and the plan: what the API's
 * monitoring and plan-figures endpoints answer. The caller has checked that the user may see the
 * certification.
 */
@Service
class MonitoringFigures {

    private final MonitoringRepository rounds;
    private final MonitoringRounds schedule;
    private final CertificateRepository certificates;
    private final PlanRepository plans;
    private final TaskAlerts alerts;
    private final FamilyAuditProperties properties;

    MonitoringFigures(MonitoringRepository rounds, MonitoringRounds schedule, CertificateRepository certificates,
                      PlanRepository plans, TaskAlerts alerts, FamilyAuditProperties properties) {
        this.rounds = rounds;
        this.schedule = schedule;
        this.certificates = certificates;
        this.plans = plans;
        this.alerts = alerts;
        this.properties = properties;
    }

    MonitoringView.Rounds rounds(Certification c) {
        int years = schedule.years(c.kind());
        List<MonitoringRound> held = rounds.rounds(c.id());
        List<MonitoringView.Round> out = new ArrayList<>();
        for (int year = 1; year <= years; year++) {
            int no = year;
            Optional<MonitoringRound> round = held.stream().filter(r -> r.roundNo() == no).findFirst();
            if (round.isPresent()) {
                out.add(view(round.get()));
            } else if (c.isActive()) {
                // Not scheduled yet: planned at the anniversary, once the monitoring has begun.
                var due = c.monitoringStart() == null ? null : c.monitoringStart().plusYears(year);
                out.add(new MonitoringView.Round(year, RoundStatus.PLANNED.name(), RoundStatus.PLANNED.italian(),
                        due == null ? null : due.minus(properties.monitoring().leadTime()), due, null, null, null,
                        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null));
            }
        }
        MonitoringView.CertificateSummary certificate = held.isEmpty() ? null : certificates
                .byId(held.get(held.size() - 1).certificateId()).map(MonitoringFigures::summary).orElse(null);
        return new MonitoringView.Rounds(c.id(), c.kind().name(), years, c.monitoringStart(),
                properties.monitoring().leadTime().toString(), properties.monitoring().gracePeriod().toString(),
                certificate, out, alerts.ofCertification(c.id()));
    }

    private MonitoringView.Round view(MonitoringRound r) {
        boolean opened = r.openedAt() != null;
        Integer reported = opened ? rounds.actions(r.id()).size() : null;
        return new MonitoringView.Round(r.roundNo(), r.status().name(), r.status().italian(), r.opensOn(),
                r.reportDue(), r.openedAt(), r.firstSubmittedAt(), r.reportOnTime(), r.approvedAt(), reported,
                r.actionsDue(), r.actionsDone(), r.doneShare(), r.lateUnexplainedShare(), r.recommendation(),
                Recommendation.italian(r.recommendation()), r.recommendationReason(),
                rounds.evaluatorRecommendation(r.id()).orElse(null), r.decision(), Recommendation.decision(r.decision()),
                r.decidedAt(), r.correctiveDeadline(), r.closedAt());
    }

    private static MonitoringView.CertificateSummary summary(Certificate k) {
        return new MonitoringView.CertificateSummary(k.kind(), k.number(), k.issueDate(), k.status());
    }

    /**
     * For each plan year: the actions that run in it (and, once the year's report is in, those carried
     * over to it) by state, the indicators against the year's target, and the budget planned; then the
     * trend. The plan is the latest approved version of the cycle.
     */
    MonitoringView.PlanFigures planFigures(Certification c) {
        Optional<PlanVersion> version = plans.latestApproved(c.id());
        PlanContent plan = version.map(v -> plans.content(v.id())).orElse(PlanContent.empty());
        int years = Math.max(schedule.years(c.kind()), 3);
        List<MonitoringView.Year> out = new ArrayList<>();
        List<MonitoringView.TrendPoint> trend = new ArrayList<>();
        List<MonitoringRound> held = rounds.rounds(c.id());
        for (int year = 1; year <= years; year++) {
            int no = year;
            Optional<MonitoringRound> round = held.stream().filter(r -> r.roundNo() == no && r.openedAt() != null)
                    .findFirst();
            BigDecimal budget = budget(plan, year);
            Map<String, Integer> byState = new LinkedHashMap<>();
            for (ActionState s : ActionState.values()) {
                byState.put(s.name(), 0);
            }
            byState.put("NOT_REPORTED", 0);
            List<MonitoringView.IndicatorFigure> indicators = new ArrayList<>();
            int actions;
            boolean reported = round.isPresent() && round.get().submittedAt() != null;
            if (round.isPresent()) {
                List<ReportedAction> reportedActions = rounds.actions(round.get().id());
                actions = reportedActions.size();
                for (ReportedAction a : reportedActions) {
                    byState.merge(a.state() == null ? "NOT_REPORTED" : a.state().name(), 1, Integer::sum);
                    for (IndicatorValue k : a.indicators()) {
                        indicators.add(new MonitoringView.IndicatorFigure(a.code(), k.indicatorNo(), k.name(), k.unit(),
                                k.baseline(), k.target(), k.measured(), k.reached()));
                    }
                }
            } else {
                List<PlanAction> running = plan.actions().stream().filter(a -> a.runsIn(no)).toList();
                actions = running.size();
                byState.put("NOT_REPORTED", actions);
                for (PlanAction a : running) {
                    for (int i = 0; i < a.indicators().size(); i++) {
                        Indicator k = a.indicators().get(i);
                        if (!k.measuredIn(no, a)) {
                            continue;
                        }
                        indicators.add(new MonitoringView.IndicatorFigure(a.code(), i + 1, k.name(), k.unit(),
                                k.baseline(), DueActions.target(k, no), null, null));
                    }
                }
            }
            if (actions == 0 && year > schedule.years(c.kind()) && round.isEmpty()) {
                continue; // a plan year beyond the cycle's monitoring with nothing in it
            }
            out.add(new MonitoringView.Year(year, reported, actions, byState, budget, indicators));
            int measured = (int) indicators.stream().filter(k -> k.measured() != null).count();
            int reached = (int) indicators.stream().filter(k -> Boolean.TRUE.equals(k.reached())).count();
            MonitoringRound r = round.orElse(null);
            trend.add(new MonitoringView.TrendPoint(year, r == null ? null : r.actionsDue(),
                    r == null ? null : r.actionsDone(), r == null ? null : r.doneShare(),
                    r == null ? null : r.lateUnexplainedShare(), measured, reached, budget));
        }
        return new MonitoringView.PlanFigures(c.id(), version.map(PlanVersion::versionNo).orElse(null), out, trend);
    }

    /**
     * Each action's budget shared equally among the plan years it runs in, and a field's own budget among the
     * three plan years, to the cent.
     */
    static BigDecimal budget(PlanContent plan, int year) {
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (PlanField f : plan.fields()) {
            if (f.budget() != null && year <= 3) {
                total = total.add(f.budget().divide(BigDecimal.valueOf(3), 2, RoundingMode.HALF_UP));
            }
        }
        for (PlanAction a : plan.actions()) {
            if (a.budget() != null && a.runsIn(year)) {
                total = total.add(a.budget().divide(BigDecimal.valueOf(a.years().size()), 2, RoundingMode.HALF_UP));
            }
        }
        return total;
    }
}
