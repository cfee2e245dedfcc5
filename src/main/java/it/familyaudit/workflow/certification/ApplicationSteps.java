package it.familyaudit.workflow.certification;

import static it.familyaudit.workflow.certification.CertificationProcess.EMPLOYEES_INVOLVED;

import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.tasks.FormValues;
import it.familyaudit.workflow.tasks.StepOutcome;
import it.familyaudit.workflow.tasks.TaskStep;
import it.familyaudit.workflow.tasks.TaskSubmission;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application and the payment of the fee. */
@Configuration(proxyBeanMethods = false)
class ApplicationSteps {

    @Bean
    TaskStep submitApplicationStep(CertificationRepository certifications) {
        return new CertificationStep(CertificationProcess.SUBMIT_APPLICATION, Phase.APPLICATION) {

            @Override
            public void validate(TaskSubmission s, List<FieldError> errors) {
                FormValues v = s.values();
                if ("units".equals(v.text("scope")) && !v.has("scopeUnits")) {
                    errors.add(new FieldError("scopeUnits", "Indicare le unità coinvolte"));
                }
                notInFuture(v.date("internalActDate"), "internalActDate", errors);
            }

            @Override
            public StepOutcome complete(TaskSubmission s) {
                FormValues v = s.values();
                int employees = v.integer("employeesInvolved");
                certifications.recordApplication(s.certificationId(), v.text("scope"), v.text("scopeUnits"), employees,
                        v.text("internalActNumber"), v.date("internalActDate"), s.actor(), v.text("referentName"),
                        v.text("referentEmail"), v.text("referentPhone"));
                return new StepOutcome(null, "Domanda presentata: " + employees + " dipendenti coinvolti, atto n. "
                        + v.text("internalActNumber") + " del " + v.date("internalActDate"),
                        Map.of(EMPLOYEES_INVOLVED, employees));
            }
        };
    }

    @Bean
    TaskStep recordPaymentStep(CertificationRepository certifications) {
        return new CertificationStep(CertificationProcess.RECORD_PAYMENT, Phase.PAYMENT) {

            @Override
            public Map<String, Object> formVariables(DelegateTask task, long certificationId) {
                BigDecimal fee = certifications.get(certificationId).feeAmount();
                return fee == null ? Map.of() : Map.of("feeAmount", fee.longValue());
            }

            @Override
            public void validate(TaskSubmission s, List<FieldError> errors) {
                notInFuture(s.values().date("paymentDate"), "paymentDate", errors);
                BigDecimal paid = s.values().decimal("amountPaid");
                BigDecimal fee = certifications.get(s.certificationId()).feeAmount();
                if (paid != null && fee != null && paid.compareTo(fee) < 0) {
                    errors.add(new FieldError("amountPaid",
                            "L'importo pagato è inferiore alla quota dovuta (" + fee.toPlainString() + " €)"));
                }
            }

            @Override
            public StepOutcome complete(TaskSubmission s) {
                FormValues v = s.values();
                certifications.recordPayment(s.certificationId(), v.text("paymentNoticeNumber"), v.date("paymentDate"),
                        v.decimal("amountPaid"));
                return StepOutcome.recorded("Pagamento registrato: " + v.decimal("amountPaid").toPlainString()
                        + " €, avviso pagoPA " + v.text("paymentNoticeNumber") + " del " + v.date("paymentDate"));
            }
        };
    }

    static void notInFuture(LocalDate date, String field, List<FieldError> errors) {
        if (date != null && date.isAfter(EngineTime.today())) {
            errors.add(new FieldError(field, "La data non può essere nel futuro"));
        }
    }
}
