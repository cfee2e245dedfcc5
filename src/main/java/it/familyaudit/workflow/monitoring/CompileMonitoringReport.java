package it.familyaudit.workflow.monitoring;

import static it.familyaudit.workflow.monitoring.MonitoringForms.ACTION_REPORTS;
import static it.familyaudit.workflow.monitoring.MonitoringForms.INDICATOR_VALUES;
import static it.familyaudit.workflow.monitoring.MonitoringForms.actionRows;

import it.familyaudit.workflow.audit.AuditAction;
import it.familyaudit.workflow.audit.AuditTrail;
import it.familyaudit.workflow.certification.Phase;
import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.monitoring.MonitoringForms.Report;
import it.familyaudit.workflow.tasks.StepOutcome;
import it.familyaudit.workflow.tasks.TaskSubmission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The referent compiles the year's monitoring report; its completion records the state of every action, the
 * indicators measured and the notes, whether the report came on time, and the submission in the audit trail.
 */
@Component
final class CompileMonitoringReport extends RoundStep {

    private final AuditTrail audit;

    CompileMonitoringReport(MonitoringRepository rounds, AuditTrail audit) {
        super(MonitoringProcess.COMPILE_REPORT, Phase.MONITORING_REPORT, rounds);
        this.audit = audit;
    }

    @Override
    public Map<String, Object> formVariables(DelegateTask task, long certificationId) {
        MonitoringRound round = round(task);
        List<ReportedAction> actions = rounds.actions(round.id());
        Map<String, Object> vars = new HashMap<>(header(round));
        vars.put(ACTION_REPORTS, actionRows(actions));
        vars.put(INDICATOR_VALUES, indicatorRows(actions));
        if (round.notes() != null) {
            vars.put("notes", round.notes());
        }
        return vars;
    }

    @Override
    public void validate(TaskSubmission s, List<FieldError> errors) {
        Report.read(rounds.actions(round(s).id()), s.values(), true, errors);
    }

    @Override
    public StepOutcome complete(TaskSubmission s) {
        MonitoringRound round = round(s);
        Report report = Report.read(rounds.actions(round.id()), s.values(), true, new ArrayList<>());
        boolean onTime = !EngineTime.today().isAfter(round.reportDue());
        rounds.submitReport(round.id(), report.actions(), report.measurements(), s.values().text("notes"),
                s.actor(), onTime);
        audit.record(s.actor(), AuditAction.REPORT_SUBMITTED, s.certificationId(), null,
                "rapporto di monitoraggio anno " + round.roundNo(), report.actions().size() + " azioni");
        long done = report.actions().stream().filter(a -> a.state() == ActionState.DONE).count();
        return StepOutcome.recorded("Rapporto di monitoraggio dell'anno " + round.roundNo() + " presentato: "
                + report.actions().size() + " azioni, " + done + " realizzate"
                + (round.firstSubmittedAt() == null && !onTime ? " (oltre la scadenza del " + round.reportDue() + ")"
                        : ""));
    }

    static List<Map<String, Object>> indicatorRows(List<ReportedAction> actions) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ReportedAction a : actions) {
            for (IndicatorValue k : a.indicators()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("actionCode", a.code());
                row.put("indicatorNo", k.indicatorNo());
                row.put("indicatorName", k.name());
                if (k.unit() != null) {
                    row.put("unit", k.unit());
                }
                if (k.target() != null) {
                    row.put("target", k.target());
                }
                if (k.measured() != null) {
                    row.put("measuredValue", k.measured());
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
