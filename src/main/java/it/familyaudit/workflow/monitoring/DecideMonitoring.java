package it.familyaudit.workflow.monitoring;

import static it.familyaudit.workflow.monitoring.MonitoringForms.notInFuture;

import it.familyaudit.workflow.certification.Phase;
import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.tasks.FormValues;
import it.familyaudit.workflow.tasks.StepOutcome;
import it.familyaudit.workflow.tasks.TaskSubmission;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The council decides on the year's monitoring; its completion records the decision and its motivation and, when it
 * asks for corrective measures, the measures and their deadline.
 */
@Component
final class DecideMonitoring extends RoundStep {

    DecideMonitoring(MonitoringRepository rounds) {
        super(MonitoringProcess.DECIDE, Phase.MONITORING_DECISION, rounds);
    }

    @Override
    public Map<String, Object> formVariables(DelegateTask task, long certificationId) {
        MonitoringRound round = round(task);
        Map<String, Object> vars = new HashMap<>(header(round));
        if (round.recommendation() != null) {
            vars.put("recommendedOutcome", Recommendation.italian(round.recommendation()));
            vars.put("recommendationReason", round.recommendationReason());
        }
        rounds.evaluatorRecommendation(round.id())
                .ifPresent(r -> vars.put("evaluatorRecommendation", Recommendation.italian(r)));
        return vars;
    }

    @Override
    public void validate(TaskSubmission s, List<FieldError> errors) {
        FormValues v = s.values();
        notInFuture(v.date("decisionDate"), "decisionDate", errors);
        if ("corrective".equals(v.text(MonitoringProcess.MONITORING_DECISION))) {
            if (!v.has("correctiveMeasures")) {
                errors.add(new FieldError("correctiveMeasures", "Indicare le misure correttive richieste"));
            }
            LocalDate deadline = v.date("correctiveDeadline");
            if (deadline == null) {
                errors.add(new FieldError("correctiveDeadline", "Indicare la scadenza delle misure correttive"));
            } else if (!deadline.isAfter(EngineTime.today())) {
                errors.add(new FieldError("correctiveDeadline", "La scadenza deve essere nel futuro"));
            }
        }
    }

    @Override
    public StepOutcome complete(TaskSubmission s) {
        MonitoringRound round = round(s);
        FormValues v = s.values();
        String decision = v.text(MonitoringProcess.MONITORING_DECISION);
        boolean corrective = "corrective".equals(decision);
        LocalDate deadline = corrective ? v.date("correctiveDeadline") : null;
        rounds.decide(round.id(), decision, v.date("decisionDate"), v.text("motivation"),
                corrective ? v.text("correctiveMeasures") : null, deadline, s.actor());
        Map<String, Object> variables = new HashMap<>();
        variables.put(MonitoringProcess.MONITORING_DECISION, decision);
        if (corrective) {
            variables.put(MonitoringProcess.CORRECTIVE_DEADLINE_AT, MonitoringRounds.endOf(deadline));
        }
        return new StepOutcome(decision, "Il Consiglio dell'Audit decide sull'anno " + round.roundNo() + ": "
                + Recommendation.decision(decision) + (corrective ? " entro il " + deadline : "") + ". "
                + v.text("motivation"), variables);
    }
}
