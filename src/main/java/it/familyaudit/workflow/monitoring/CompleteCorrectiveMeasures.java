package it.familyaudit.workflow.monitoring;

import static it.familyaudit.workflow.monitoring.MonitoringForms.ACTION_REPORTS;
import static it.familyaudit.workflow.monitoring.MonitoringForms.actionRows;
import static it.familyaudit.workflow.monitoring.MonitoringForms.notInFuture;

import it.familyaudit.workflow.certification.Phase;
import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.monitoring.MonitoringForms.Report;
import it.familyaudit.workflow.tasks.FormValues;
import it.familyaudit.workflow.tasks.StepOutcome;
import it.familyaudit.workflow.tasks.TaskSubmission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The referent carries out the corrective measures the council asked for; its completion records the measures taken
 * and when, and the actions' states if the form updates them.
 */
@Component
final class CompleteCorrectiveMeasures extends RoundStep {

    CompleteCorrectiveMeasures(MonitoringRepository rounds) {
        super(MonitoringProcess.COMPLETE_CORRECTIVE_MEASURES, Phase.CORRECTIVE_MEASURES, rounds);
    }

    @Override
    public Map<String, Object> formVariables(DelegateTask task, long certificationId) {
        MonitoringRound round = round(task);
        Map<String, Object> vars = new HashMap<>(header(round));
        rounds.requestedMeasures(round.id()).ifPresent(m -> vars.put("requestedMeasures", m));
        if (round.correctiveDeadline() != null) {
            vars.put("correctiveDeadline", round.correctiveDeadline().toString());
        }
        vars.put(ACTION_REPORTS, actionRows(rounds.actions(round.id())));
        return vars;
    }

    @Override
    public void validate(TaskSubmission s, List<FieldError> errors) {
        notInFuture(s.values().date("completedOn"), "completedOn", errors);
        if (s.values().has(ACTION_REPORTS)) {
            Report.read(rounds.actions(round(s).id()), s.values(), false, errors);
        }
    }

    @Override
    public StepOutcome complete(TaskSubmission s) {
        MonitoringRound round = round(s);
        FormValues v = s.values();
        rounds.correctiveMeasuresTaken(round.id(), v.text("measuresTaken"), v.date("completedOn"), s.actor());
        if (v.has(ACTION_REPORTS)) {
            rounds.saveStates(round.id(),
                    Report.read(rounds.actions(round.id()), v, false, new ArrayList<>()).actions());
        }
        return StepOutcome.recorded("Misure correttive dell'anno " + round.roundNo() + " attuate il "
                + v.date("completedOn") + ": " + v.text("measuresTaken"));
    }
}
