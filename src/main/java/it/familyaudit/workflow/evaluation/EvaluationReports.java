package it.familyaudit.workflow.evaluation;

import it.familyaudit.workflow.certification.CertificationService;
import it.familyaudit.workflow.certification.Certifications;
import it.familyaudit.workflow.evaluation.EvaluationRefusals.EvaluationReportNotFound;
import it.familyaudit.workflow.security.CurrentUser;
import it.familyaudit.workflow.security.People;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evaluators' reports of a certification, for whoever may see the certification: the same people, the same
 * 404 for everyone else, as its plan.
 */
@Service
public class EvaluationReports {

    private final EvaluationReportRepository reports;
    private final CertificationService certifications;
    private final Certifications cycles;
    private final People people;

    EvaluationReports(EvaluationReportRepository reports, CertificationService certifications, Certifications cycles,
                      People people) {
        this.reports = reports;
        this.certifications = certifications;
        this.cycles = cycles;
        this.people = people;
    }

    /** Every report of the certification, the oldest first; none before the evaluator's visit. */
    @Transactional(readOnly = true)
    public List<EvaluationReport> of(CurrentUser user, long certificationId) {
        certifications.visible(user, certificationId);
        return reports.of(certificationId);
    }

    /** One report as a PDF; 404 when it is not one of this certification's. */
    @Transactional(readOnly = true)
    public byte[] pdf(CurrentUser user, long certificationId, long reportId) {
        certifications.visible(user, certificationId);
        EvaluationReport report = reports.one(certificationId, reportId).orElseThrow(EvaluationReportNotFound::new);
        String organization = cycles.organizationNames(List.of(certificationId)).get(certificationId);
        return EvaluationReportPdf.render(new EvaluationReportPdf.Input(organization, certificationId, report,
                people.nameOf(report.evaluator())));
    }
}
