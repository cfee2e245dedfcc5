package it.familyaudit.workflow.monitoring;

import it.familyaudit.workflow.certification.CertificationStep;
import it.familyaudit.workflow.certification.Phase;
import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.tasks.TaskSubmission;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** A step of a round: the round is the one whose process the task belongs to. */
abstract class RoundStep extends CertificationStep {

    final MonitoringRepository rounds;

    RoundStep(String taskKey, Phase phase, MonitoringRepository rounds) {
        super(taskKey, phase);
        this.rounds = rounds;
    }

    MonitoringRound round(DelegateTask task) {
        return rounds.byProcessInstance(task.getProcessInstanceId()).orElseThrow();
    }

    /** The certification's current round: rounds run one after the other, each scheduled when the last closed. */
    MonitoringRound round(TaskSubmission s) {
        return rounds.current(s.certificationId()).orElseThrow();
    }

    /** What every form of the round shows on top: which year, when the report is due, what it says. */
    Map<String, Object> header(MonitoringRound round) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("roundNo", round.roundNo());
        vars.put("reportDueDate", round.reportDue().toString());
        vars.put("reportSummary", summary(round, rounds.actions(round.id())));
        return vars;
    }

    static String summary(MonitoringRound round, List<ReportedAction> actions) {
        long carried = actions.stream().filter(ReportedAction::carriedOver).count();
        long due = actions.stream().filter(ReportedAction::due).count();
        long done = actions.stream().filter(a -> a.due() && a.state() == ActionState.DONE).count();
        long late = actions.stream().filter(ReportedAction::lateWithoutReason).count();
        StringBuilder text = new StringBuilder("Anno " + round.roundNo() + ": " + actions.size() + " azioni da rendicontare");
        if (carried > 0) {
            text.append(" (").append(carried).append(" da anni precedenti)");
        }
        text.append(", ").append(due).append(" dovute entro questo rapporto.");
        if (round.submittedAt() != null) {
            text.append(" Realizzate ").append(done).append(" delle dovute; in ritardo senza motivazione ").append(late)
                    .append(". Rapporto presentato il ")
                    .append(LocalDate.ofInstant(round.firstSubmittedAt(), EngineTime.ZONE))
                    .append(Boolean.TRUE.equals(round.reportOnTime()) ? " (puntuale)" : " (in ritardo)")
                    .append(", scadenza ").append(round.reportDue()).append('.');
        } else {
            text.append(" Rapporto atteso entro il ").append(round.reportDue()).append('.');
        }
        return text.toString();
    }
}
