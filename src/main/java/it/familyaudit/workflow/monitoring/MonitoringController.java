package it.familyaudit.workflow.monitoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.familyaudit.workflow.security.CurrentUsers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The years after the certificate, for whoever may see the certification. */
@Tag(name = "Monitoraggio / Monitoring", description = "Gli anni dopo il certificato / The years after the certificate")
@RestController
@RequestMapping("/api/certifications/{id}")
class MonitoringController {

    private final MonitoringReadings readings;
    private final CurrentUsers users;

    MonitoringController(MonitoringReadings readings, CurrentUsers users) {
        this.readings = readings;
        this.users = users;
    }

    /** Every year of monitoring: state, dates, figures, recommendation and decision; overdue-task alerts. */
    @Operation(summary = "Gli anni di monitoraggio della certificazione / The monitoring years",
            description = "Ogni round annuale con scadenze, stato, azioni e indicatori rendicontati. / Each yearly round with its dates, status, actions and reported indicators.")
    @GetMapping("/monitoring")
    MonitoringView.Rounds monitoring(@PathVariable long id) {
        return readings.rounds(users.current(), id);
    }

    /** For each plan year, actions by state, indicators against target, budget planned; the trend over the years. */
    @Operation(summary = "Avanzamento del piano anno per anno / Plan progress year by year",
            description = "Azioni previste e realizzate, indicatori rispetto all'obiettivo. / Actions due and done, indicators against target.")
    @GetMapping("/plan/figures")
    MonitoringView.PlanFigures planFigures(@PathVariable long id) {
        return readings.planFigures(users.current(), id);
    }
}
