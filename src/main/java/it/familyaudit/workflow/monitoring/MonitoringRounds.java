package it.familyaudit.workflow.monitoring;

import static it.familyaudit.workflow.monitoring.MonitoringProcess.ESCALATION_RAISED;
import static it.familyaudit.workflow.monitoring.MonitoringProcess.REPORT_DUE_AT;
import static it.familyaudit.workflow.monitoring.MonitoringProcess.ROUND_NO;
import static it.familyaudit.workflow.monitoring.MonitoringProcess.ROUND_OPENS_AT;

import it.familyaudit.workflow.FamilyAuditProperties;
import it.familyaudit.workflow.audit.AuditAction;
import it.familyaudit.workflow.audit.AuditTrail;
import it.familyaudit.workflow.certificate.Certificate;
import it.familyaudit.workflow.certificate.CertificateIssuer;
import it.familyaudit.workflow.certificate.CertificateRepository;
import it.familyaudit.workflow.certification.Certification;
import it.familyaudit.workflow.certification.CertificationProcess;
import it.familyaudit.workflow.certification.Certifications;
import it.familyaudit.workflow.certification.CycleKind;
import it.familyaudit.workflow.certification.Phase;
import it.familyaudit.workflow.certification.Timeline;
import it.familyaudit.workflow.engine.EngineAccess;
import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.plan.PlanContent;
import it.familyaudit.workflow.plan.PlanRepository;
import it.familyaudit.workflow.plan.PlanVersion;
import it.familyaudit.workflow.security.Roles;
import it.familyaudit.workflow.engine.OpenTasks;
import it.familyaudit.workflow.engine.OpenTasks.OpenTask;
import it.familyaudit.workflow.tasks.TaskAlerts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The steps of the yearly monitoring no person performs, called from the models as
 * {@code ${monitoringRounds...}}. Each is safe to run again: a retried job finds its work done.
 */
@Component("monitoringRounds")
public class MonitoringRounds {

    static final String ROUND_PROCESS = "MONITORING_ROUND";

    private final MonitoringRepository rounds;
    private final Certifications certifications;
    private final CertificateRepository certificates;
    private final PlanRepository plans;
    private final Timeline timeline;
    private final AuditTrail audit;
    private final DecisionService decisions;
    private final OpenTasks openTasks;
    private final TaskAlerts alerts;
    private final FamilyAuditProperties properties;
    private final JdbcClient db;

    MonitoringRounds(MonitoringRepository rounds, Certifications certifications,
                     CertificateRepository certificates, PlanRepository plans, Timeline timeline, AuditTrail audit,
                     DecisionService decisions, OpenTasks openTasks, TaskAlerts alerts, FamilyAuditProperties properties,
                     JdbcClient db) {
        this.rounds = rounds;
        this.certifications = certifications;
        this.certificates = certificates;
        this.plans = plans;
        this.timeline = timeline;
        this.audit = audit;
        this.decisions = decisions;
        this.openTasks = openTasks;
        this.alerts = alerts;
        this.properties = properties;
        this.db = db;
    }

    /**
     * The cycle enters its years of monitoring: the anniversaries count from today (the certificate's
     * issue date in a first cycle), and the number of rounds follows the kind of cycle.
     */
    public void begin(DelegateExecution execution) {
        long id = certificationId(execution);
        Certification c = certifications.get(id);
        int years = years(c.kind());
        boolean first = c.monitoringStart() == null;
        LocalDate start = certifications.beginMonitoring(id, EngineTime.today());
        execution.setVariable(CertificationProcess.MONITORING_YEARS, years);
        if (first) {
            if (c.kind() != CycleKind.CERTIFICATION) {
                certifications.updatePhase(id, Phase.MONITORING);
            }
            timeline.record(id, "MONITORING_STARTED", "Monitoraggio annuale avviato dal " + start + ": " + years
                    + " anni, un rapporto a ogni anniversario");
        }
    }

    /** How many yearly rounds a cycle of this kind runs. */
    int years(CycleKind kind) {
        FamilyAuditProperties.Cycles cycles = properties.cycles();
        return switch (kind) {
            case CERTIFICATION -> cycles.certificationYears();
            case MAINTENANCE -> cycles.maintenanceYears();
            case CONSOLIDATION -> cycles.consolidationYears();
        };
    }

    /**
     * Schedules the round of year {@code roundNo}: it opens at the anniversary less the lead time, and its
     * report is due by the end of the anniversary.
     */
    public void schedule(DelegateExecution execution) {
        long id = certificationId(execution);
        int roundNo = ((Number) execution.getVariable(ROUND_NO)).intValue();
        Certification c = certifications.get(id);
        if (c.monitoringStart() == null) {
            throw new IllegalStateException("Certification " + id + " has not begun its monitoring");
        }
        LocalDate reportDue = c.monitoringStart().plusYears(roundNo);
        LocalDate opensOn = reportDue.minus(properties.monitoring().leadTime());
        Certificate certificate = certificateUnderMonitoring(c);
        boolean fresh = rounds.round(id, roundNo).isEmpty();
        MonitoringRound round = rounds.schedule(id, roundNo, execution.getProcessInstanceId(), certificate.id(),
                opensOn, reportDue);
        certifications.linkProcess(round.processInstanceId(), id, ROUND_PROCESS);
        execution.setVariable(ROUND_OPENS_AT, EngineTime.startOf(round.opensOn()));
        execution.setVariable(REPORT_DUE_AT, endOf(round.reportDue()));
        if (fresh) {
            timeline.record(id, "MONITORING_SCHEDULED", "Monitoraggio dell'anno " + roundNo + " programmato: si apre il "
                    + round.opensOn() + ", rapporto atteso entro il " + round.reportDue());
        }
    }

    /**
     * Opens the round: the actions it reports on are taken from the plan in force now (the latest
     * approved version) and kept with the round, so a later change of plan does not change this report.
     */
    public void open(DelegateExecution execution) {
        MonitoringRound round = round(execution);
        Certification c = certifications.get(round.certificationId());
        Optional<PlanVersion> own = plans.latestApproved(c.id());
        Optional<PlanVersion> plan = own.isPresent() ? own : earlierPlan(c);
        PlanContent content = plan.map(p -> plans.content(p.id())).orElse(PlanContent.empty());
        List<ReportedAction> actions = DueActions.of(content, round.roundNo(),
                rounds.lastStates(c.id(), round.roundNo()), own.isEmpty(), round.reportDue());
        if (rounds.open(round.id(), plan.map(PlanVersion::id).orElse(null), actions)) {
            long carried = actions.stream().filter(ReportedAction::carriedOver).count();
            timeline.record(c.id(), "MONITORING_OPENED", "Monitoraggio dell'anno " + round.roundNo() + " aperto: "
                    + actions.size() + " azioni da rendicontare" + (carried > 0 ? " (" + carried + " da anni precedenti)" : "")
                    + ", rapporto entro il " + round.reportDue());
        }
    }

    /**
     * A maintenance keeps the level reached: the plan it reports on is the one of the latest other
     * cycle of the organisation with an approved plan.
     */
    private Optional<PlanVersion> earlierPlan(Certification c) {
        if (c.kind() != CycleKind.MAINTENANCE) {
            return Optional.empty();
        }
        List<Long> others = certifications.idsOfOrganization(c.organizationId()).stream().filter(id -> id != c.id()).toList();
        if (others.isEmpty()) {
            return Optional.empty();
        }
        Set<Long> approved = Set.copyOf(db.sql("""
                SELECT DISTINCT certification_id FROM fa_plan_version
                WHERE certification_id IN (:certs) AND status = 'APPROVED'
                """).param("certs", others).query(Long.class).list());
        return others.stream().filter(approved::contains).findFirst().flatMap(plans::latestApproved);
    }

    /**
     * Evaluates the decision table {@code monitoring-outcome} on the report as it stands and keeps its
     * recommendation with the round; the council sees it when deciding.
     */
    public void recommend(DelegateExecution execution) {
        MonitoringRound round = round(execution);
        Shares shares = Shares.of(rounds.actions(round.id()));
        boolean onTime = Boolean.TRUE.equals(round.reportOnTime());
        DmnDecisionResultEntries result = EngineAccess.asSystem(() -> decisions
                .evaluateDecisionByKey(MonitoringProcess.OUTCOME_DECISION)
                .decisionDefinitionWithoutTenantId()
                .variables(Variables.createVariables()
                        .putValue("doneShare", shares.done().doubleValue())
                        .putValue("lateUnexplainedShare", shares.lateUnexplained().doubleValue())
                        .putValue("reportOnTime", onTime))
                .evaluate()
                .getSingleResult());
        String recommendation = result.getEntry("recommendation");
        String reason = result.getEntry("reason");
        rounds.recommend(round.id(), shares.dueCount(), shares.doneCount(), shares.done(), shares.lateUnexplained(),
                onTime, recommendation, reason);
        timeline.record(round.certificationId(), "MONITORING_RECOMMENDATION", "Anno " + round.roundNo()
                + ", raccomandazione della tabella monitoring-outcome: " + Recommendation.italian(recommendation)
                + " (" + reason + ")");
    }

    /** The council confirmed the certificate for this year. */
    public void confirm(DelegateExecution execution) {
        MonitoringRound round = round(execution);
        if (rounds.close(round.id(), RoundStatus.CONFIRMED)) {
            Certificate certificate = certificates.byId(round.certificateId()).orElseThrow();
            certifications.updatePhase(round.certificationId(), Phase.MONITORING);
            timeline.record(round.certificationId(), "CERTIFICATE_CONFIRMED", "Certificato " + certificate.number()
                    + " confermato per l'anno " + round.roundNo() + " di monitoraggio");
            audit.record(AuditAction.CERTIFICATE_CONFIRMED, round.certificationId(), null, certificate.number(),
                    kindName(certificate) + ", anno di monitoraggio " + round.roundNo());
        }
    }

    /** The council revoked the certificate: the register shows it revoked; the cycle ends as revoked. */
    public void revoke(DelegateExecution execution) {
        MonitoringRound round = round(execution);
        if (rounds.close(round.id(), RoundStatus.REVOKED)) {
            Certificate certificate = certificates.byId(round.certificateId()).orElseThrow();
            certificates.revoke(certificate.id());
            timeline.record(round.certificationId(), "CERTIFICATE_REVOKED", "Certificato " + certificate.number()
                    + " revocato dal Consiglio dell'Audit (anno " + round.roundNo() + " di monitoraggio)");
            audit.record(AuditAction.CERTIFICATE_REVOKED, round.certificationId(), null, certificate.number(),
                    kindName(certificate) + ", anno di monitoraggio " + round.roundNo());
        }
    }

    /**
     * Runs every day while the round's work is open: each overdue task reminds its group once, and once
     * the grace period has passed too it is escalated to the agency. Sets {@code escalationRaised} when
     * this check escalated a task, so the agency gets a task of its own.
     */
    public void checkDeadlines(DelegateExecution execution) {
        MonitoringRound round = round(execution);
        Instant now = EngineTime.now();
        boolean escalated = false;
        List<OpenTask> open = openTasks.ofProcessInstance(execution.getProcessInstanceId()).stream()
                .filter(t -> t.due() != null && t.due().isBefore(now))
                .filter(t -> !MonitoringProcess.HANDLE_ESCALATION.equals(t.taskKey()))
                .toList();
        for (OpenTask task : open) {
            Instant due = task.due();
            String group = String.join(", ", task.candidateGroups());
            String who = task.candidateGroups().stream().map(Roles::italianName)
                    .reduce((a, b) -> a + ", " + b).orElse("nessun gruppo");
            LocalDate dueDay = LocalDate.ofInstant(due, EngineTime.ZONE);
            if (alerts.raise(task.id(), TaskAlerts.Kind.REMINDER, round.certificationId(), task.taskKey(),
                    task.name(), group, due)) {
                timeline.record(round.certificationId(), "TASK_REMINDER", "Promemoria a " + who + ": «" + task.name()
                        + "» era da completare entro il " + dueDay);
                audit.record(AuditAction.TASK_REMINDED, round.certificationId(), null,
                        task.taskKey() + " " + task.id(), "scaduta il " + dueDay + ", gruppo " + group);
            }
            Instant escalateAt = due.atZone(EngineTime.ZONE).plus(properties.monitoring().gracePeriod()).toInstant();
            if (escalateAt.isBefore(now) && alerts.raise(task.id(), TaskAlerts.Kind.ESCALATION,
                    round.certificationId(), task.taskKey(), task.name(), group, due)) {
                escalated = true;
                timeline.record(round.certificationId(), "TASK_ESCALATED", "Segnalata all'ente di certificazione: «"
                        + task.name() + "» (" + who + ") è scaduta il " + dueDay);
                audit.record(AuditAction.TASK_ESCALATED, round.certificationId(), null,
                        task.taskKey() + " " + task.id(), "scaduta il " + dueDay + ", gruppo " + group);
            }
        }
        execution.setVariable(ESCALATION_RAISED, escalated);
    }

    private Certificate certificateUnderMonitoring(Certification c) {
        if (c.kind() == CycleKind.CERTIFICATION) {
            return certificates.find(c.id(), CertificateIssuer.FAMILY_AUDIT).orElseThrow(() ->
                    new IllegalStateException("Certification " + c.id() + " has no Family Audit certificate"));
        }
        return certificates.validExecutive(certifications.idsOfOrganization(c.organizationId())).orElseThrow(() ->
                new IllegalStateException("Organisation " + c.organizationId() + " holds no valid Executive"));
    }

    private MonitoringRound round(DelegateExecution execution) {
        return rounds.byProcessInstance(execution.getProcessInstanceId()).orElseThrow(() ->
                new IllegalStateException("No monitoring round for process " + execution.getProcessInstanceId()));
    }

    private static String kindName(Certificate certificate) {
        return CertificateIssuer.EXECUTIVE.equals(certificate.kind()) ? "Family Audit Executive" : "Family Audit";
    }

    /** The end of the day, as due dates and timers want it: a report due on a day may come in all that day. */
    static java.util.Date endOf(LocalDate day) {
        return EngineTime.startOf(day.plusDays(1));
    }

    private static long certificationId(DelegateExecution execution) {
        return ((Number) execution.getVariable(CertificationProcess.CERTIFICATION_ID)).longValue();
    }

    /**
     * What the decision table reads from a report: of the due actions, the share done and the share late
     * without a reason (both 0..1, four decimals; 1 and 0 when no action is due).
     */
    record Shares(int dueCount, int doneCount, int lateUnexplainedCount, BigDecimal done, BigDecimal lateUnexplained) {

        static Shares of(List<ReportedAction> actions) {
            int due = 0;
            int done = 0;
            int late = 0;
            for (ReportedAction a : actions) {
                if (a.due()) {
                    due++;
                    if (a.state() == ActionState.DONE) {
                        done++;
                    } else if (a.lateWithoutReason()) {
                        late++;
                    }
                }
            }
            return new Shares(due, done, late, share(done, due, BigDecimal.ONE), share(late, due, BigDecimal.ZERO));
        }

        private static BigDecimal share(int part, int whole, BigDecimal none) {
            return whole == 0 ? none.setScale(4) : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4,
                    RoundingMode.HALF_UP);
        }
    }
}
