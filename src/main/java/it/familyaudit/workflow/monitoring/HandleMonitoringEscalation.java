package it.familyaudit.workflow.monitoring;

import it.familyaudit.workflow.certification.CertificationStep;
import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.tasks.StepOutcome;
import it.familyaudit.workflow.tasks.TaskAlerts;
import it.familyaudit.workflow.tasks.TaskSubmission;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The agency acts on the round's tasks escalated for being late; its completion records the escalations as handled
 * and the action taken.
 */
@Component
final class HandleMonitoringEscalation extends CertificationStep {

    private final TaskAlerts alerts;

    HandleMonitoringEscalation(TaskAlerts alerts) {
        super(MonitoringProcess.HANDLE_ESCALATION, null);
        this.alerts = alerts;
    }

    @Override
    public Map<String, Object> formVariables(DelegateTask task, long certificationId) {
        String list = alerts.unhandledEscalations(certificationId).stream()
                .map(a -> "«" + a.taskName() + "» (" + a.candidateGroup() + "), scaduta il "
                        + LocalDate.ofInstant(a.due(), EngineTime.ZONE))
                .collect(Collectors.joining("\n"));
        return Map.of("escalatedTasks", list.isEmpty() ? "Nessuna" : list);
    }

    @Override
    public StepOutcome complete(TaskSubmission s) {
        int handled = alerts.handleEscalations(s.certificationId(), s.actor());
        return StepOutcome.recorded("L'ente di certificazione interviene sui ritardi (" + handled
                + " attività segnalate): " + s.values().text("actionTaken"));
    }
}
