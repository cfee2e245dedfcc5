package it.familyaudit.workflow.monitoring;

import it.familyaudit.workflow.certification.CertificationService;
import it.familyaudit.workflow.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The years of monitoring and the plan's figures, for whoever may see the certification: the API and the portal ask here. */
@Service
public class MonitoringReadings {

    private final CertificationService certifications;
    private final MonitoringFigures figures;

    MonitoringReadings(CertificationService certifications, MonitoringFigures figures) {
        this.certifications = certifications;
        this.figures = figures;
    }

    @Transactional(readOnly = true)
    public MonitoringView.Rounds rounds(CurrentUser user, long certificationId) {
        return figures.rounds(certifications.visible(user, certificationId));
    }

    @Transactional(readOnly = true)
    public MonitoringView.PlanFigures planFigures(CurrentUser user, long certificationId) {
        return figures.planFigures(certifications.visible(user, certificationId));
    }
}
