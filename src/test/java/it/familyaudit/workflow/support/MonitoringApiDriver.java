package it.familyaudit.workflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.monitoring.MonitoringProcess;
import it.familyaudit.workflow.monitoring.MonitoringRepository;
import it.familyaudit.workflow.monitoring.MonitoringRound;
import it.familyaudit.workflow.monitoring.ReportedAction;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Drives the yearly monitoring of one organisation through the API: moves the engine clock to a round's
 * opening and runs that organisation's due jobs (only its own: other tests' rounds share the engine), then
 * completes the round's tasks as their users would.
 */
public final class MonitoringApiDriver {

    private final ApiDriver driver;
    private final ManagementService management;
    private final MonitoringRepository rounds;

    public MonitoringApiDriver(ApiDriver driver, ManagementService management, MonitoringRepository rounds) {
        this.driver = driver;
        this.management = management;
        this.rounds = rounds;
    }

    public MonitoringRound round(long certification) {
        return rounds.current(certification).orElseThrow(() -> new AssertionError("No round of " + certification));
    }

    public List<ReportedAction> actions(long certification) {
        return rounds.actions(round(certification).id());
    }

    /** Moves the clock to the current round's opening and runs the timer: the report is open. */
    public MonitoringRound open(long certification) {
        MonitoringRound round = round(certification);
        moveClockTo(round.opensOn());
        executeJobs();
        MonitoringRound opened = round(certification);
        assertThat(opened.status().name()).as("round %s", opened.roundNo()).isEqualTo("OPEN");
        return opened;
    }

    /** Opens the current round and takes it to the council's decision, every action done. */
    public MonitoringRound runRound(long certification, String decision) throws Exception {
        return runRound(certification, decision, "evaluator");
    }

    /** A confirmed round audited by this evaluator. */
    public MonitoringRound runRoundAs(long certification, String evaluator) throws Exception {
        return runRound(certification, "confirm", evaluator);
    }

    private MonitoringRound runRound(long certification, String decision, String evaluator) throws Exception {
        open(certification);
        driver.completeOk(driver.referent, MonitoringProcess.COMPILE_REPORT, MonitoringValues.report(actions(certification)));
        driver.completeOk(driver.manager, MonitoringProcess.APPROVE_REPORT, MonitoringValues.approval());
        driver.completeOk(evaluator, MonitoringProcess.AUDIT_REPORT, MonitoringValues.audit("confirm"));
        driver.completeOk("council", MonitoringProcess.DECIDE, MonitoringValues.decision(decision));
        return rounds.round(certification, round(certification).roundNo()).orElseThrow();
    }

    public JsonNode monitoring(String user, long certification) throws Exception {
        return driver.ok(user, "GET", "/api/certifications/" + certification + "/monitoring", null);
    }

    /** Runs the organisation's due jobs, as the job executor would. */
    public void executeJobs() {
        for (int round = 0; round < 10; round++) {
            List<Job> due = management.createJobQuery().tenantIdIn(driver.organization).executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
    }

    public static void moveClockTo(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(EngineTime.ZONE).toInstant()));
    }
}
