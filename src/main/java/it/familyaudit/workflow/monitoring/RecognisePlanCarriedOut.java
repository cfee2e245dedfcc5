package it.familyaudit.workflow.monitoring;

import static it.familyaudit.workflow.monitoring.MonitoringForms.notInFuture;

import it.familyaudit.workflow.certification.CertificationProcess;
import it.familyaudit.workflow.certification.CertificationStep;
import it.familyaudit.workflow.certification.Phase;
import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.tasks.StepOutcome;
import it.familyaudit.workflow.tasks.TaskSubmission;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * After the last round is confirmed, the council recognises the plan as carried out; its completion records the
 * recognition, its date and motivation, on the last round.
 */
@Component
final class RecognisePlanCarriedOut extends CertificationStep {

    private final MonitoringRepository rounds;

    RecognisePlanCarriedOut(MonitoringRepository rounds) {
        super(CertificationProcess.RECOGNISE_PLAN_CARRIED_OUT, Phase.PLAN_RECOGNITION);
        this.rounds = rounds;
    }

    @Override
    public Map<String, Object> formVariables(DelegateTask task, long certificationId) {
        String summary = rounds.rounds(certificationId).stream()
                .map(r -> "Anno " + r.roundNo() + ": " + r.status().italian()
                        + (r.doneShare() == null ? "" : ", azioni dovute realizzate " + percent(r.doneShare())))
                .collect(Collectors.joining("\n"));
        return Map.of("roundsSummary", summary);
    }

    @Override
    public void validate(TaskSubmission s, List<FieldError> errors) {
        notInFuture(s.values().date("decisionDate"), "decisionDate", errors);
        if (!Boolean.TRUE.equals(s.values().values().get("planCarriedOut"))) {
            errors.add(new FieldError("planCarriedOut",
                    "Il Consiglio conferma di riconoscere il piano come attuato"));
        }
        List<MonitoringRound> all = rounds.rounds(s.certificationId());
        if (all.isEmpty() || all.stream().anyMatch(r -> r.status() != RoundStatus.CONFIRMED)) {
            errors.add(new FieldError("planCarriedOut", "Non tutti gli anni di monitoraggio sono confermati"));
        }
    }

    @Override
    public StepOutcome complete(TaskSubmission s) {
        List<MonitoringRound> all = rounds.rounds(s.certificationId());
        rounds.recordRecognition(all.get(all.size() - 1).id(), s.values().date("decisionDate"),
                s.values().text("motivation"), s.actor());
        return new StepOutcome("recognise", "Il Consiglio dell'Audit riconosce il piano come attuato: "
                + s.values().text("motivation"), Map.of());
    }

    static String percent(BigDecimal share) {
        return share.movePointRight(2).setScale(0, RoundingMode.HALF_UP) + "%";
    }
}
