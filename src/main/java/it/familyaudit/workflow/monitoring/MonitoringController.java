package it.familyaudit.workflow.monitoring;

import it.familyaudit.workflow.certification.CertificationService;
import it.familyaudit.workflow.security.CurrentUsers;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The years after the certificate, for whoever may see the certification. */
@RestController
@RequestMapping("/api/certifications/{id}")
class MonitoringController {

    private final CertificationService certifications;
    private final MonitoringFigures figures;
    private final CurrentUsers users;

    MonitoringController(CertificationService certifications, MonitoringFigures figures, CurrentUsers users) {
        this.certifications = certifications;
        this.figures = figures;
        this.users = users;
    }

    /** Every year of monitoring: state, dates, figures, recommendation and decision; overdue-task alerts. */
    @GetMapping("/monitoring")
    @Transactional(readOnly = true)
    MonitoringView.Rounds monitoring(@PathVariable long id) {
        return figures.rounds(certifications.visible(users.current(), id));
    }

    /** For each plan year, actions by state, indicators against target, budget planned; the trend over the years. */
    @GetMapping("/plan/figures")
    @Transactional(readOnly = true)
    MonitoringView.PlanFigures planFigures(@PathVariable long id) {
        return figures.planFigures(certifications.visible(users.current(), id));
    }
}
