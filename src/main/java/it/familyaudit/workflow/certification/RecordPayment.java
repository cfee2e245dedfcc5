package it.familyaudit.workflow.certification;

import static it.familyaudit.workflow.certification.StepChecks.notInFuture;

import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.tasks.FormValues;
import it.familyaudit.workflow.tasks.StepOutcome;
import it.familyaudit.workflow.tasks.TaskSubmission;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** The agency records the payment of the fee; its completion records the pagoPA notice, the date and the amount. */
@Component
final class RecordPayment extends CertificationStep {

    private final CertificationRepository certifications;

    RecordPayment(CertificationRepository certifications) {
        super(CertificationProcess.RECORD_PAYMENT, Phase.PAYMENT);
        this.certifications = certifications;
    }

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
}
