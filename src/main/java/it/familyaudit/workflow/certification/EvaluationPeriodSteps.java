package it.familyaudit.workflow.certification;

import static it.familyaudit.workflow.certification.ApplicationSteps.notInFuture;

import it.familyaudit.workflow.FamilyAuditProperties;
import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.tasks.StepOutcome;
import it.familyaudit.workflow.tasks.TaskStep;
import it.familyaudit.workflow.tasks.TaskSubmission;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The kick-off workshop that starts the six-month clock, the agency's call when it runs out, and the council. */
@Configuration(proxyBeanMethods = false)
class EvaluationPeriodSteps {

    @Bean
    TaskStep recordKickoffWorkshopStep(CertificationRepository certifications, KickoffWorkshopRepository minutes,
                                       FamilyAuditProperties properties) {
        return new CertificationStep(CertificationProcess.RECORD_KICKOFF_WORKSHOP, Phase.KICKOFF) {

            @Override
            public void validate(TaskSubmission s, List<FieldError> errors) {
                notInFuture(s.values().date("workshopDate"), "workshopDate", errors);
            }

            @Override
            public StepOutcome complete(TaskSubmission s) {
                LocalDate date = s.values().date("workshopDate");
                LocalDate warning = date.plus(properties.evaluationWarning());
                LocalDate deadline = date.plus(properties.evaluationPeriod());
                minutes.recordWorkshop(s.certificationId(), s.values(), s.actor());
                certifications.recordKickoff(s.certificationId(), date, deadline);
                return new StepOutcome(null, "Workshop di avvio del " + date + ": il rapporto di valutazione è atteso entro il "
                        + deadline, Map.of(
                                CertificationProcess.EVALUATION_WARNING_AT, EngineTime.startOf(warning),
                                CertificationProcess.EVALUATION_DEADLINE_AT, EngineTime.startOf(deadline)));
            }
        };
    }

    @Bean
    TaskStep decideOverdueStep(CertificationRepository certifications) {
        return new CertificationStep(CertificationProcess.DECIDE_OVERDUE, null) {

            @Override
            public void validate(TaskSubmission s, List<FieldError> errors) {
                LocalDate newDeadline = s.values().date("newDeadline");
                if ("extend".equals(s.values().text("overdueDecision"))) {
                    if (newDeadline == null) {
                        errors.add(new FieldError("newDeadline", "Indicare la nuova scadenza"));
                    } else if (!newDeadline.isAfter(EngineTime.today())) {
                        errors.add(new FieldError("newDeadline", "La nuova scadenza deve essere nel futuro"));
                    }
                }
            }

            @Override
            public StepOutcome complete(TaskSubmission s) {
                String decision = s.values().text("overdueDecision");
                String reason = s.values().text("reason");
                if (!"extend".equals(decision)) {
                    return StepOutcome.decided(CertificationProcess.OVERDUE_DECISION, decision,
                            "L'ente chiude la certificazione scaduta: " + reason);
                }
                LocalDate newDeadline = s.values().date("newDeadline");
                certifications.extendDeadline(s.certificationId(), newDeadline);
                return new StepOutcome(decision, "Scadenza prorogata al " + newDeadline + ": " + reason, Map.of(
                        CertificationProcess.OVERDUE_DECISION, decision,
                        CertificationProcess.EVALUATION_DEADLINE_AT, EngineTime.startOf(newDeadline)));
            }
        };
    }

    @Bean
    TaskStep decideCertificationStep(KickoffWorkshopRepository records) {
        return new CertificationStep(CertificationProcess.DECIDE_CERTIFICATION, Phase.COUNCIL_DECISION) {

            @Override
            public void validate(TaskSubmission s, List<FieldError> errors) {
                notInFuture(s.values().date("decisionDate"), "decisionDate", errors);
            }

            @Override
            public StepOutcome complete(TaskSubmission s) {
                String decision = s.values().text("councilDecision");
                records.recordCouncilDecision(s.certificationId(), s.values(), s.actor());
                String what = switch (decision) {
                    case "grant" -> "concede il certificato Family Audit";
                    case "integration" -> "chiede integrazioni al piano";
                    default -> "nega il certificato";
                };
                return StepOutcome.decided(CertificationProcess.COUNCIL_DECISION, decision,
                        "Il Consiglio dell'Audit " + what + ": " + s.values().text("motivation"));
            }
        };
    }
}
