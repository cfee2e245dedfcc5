package it.familyaudit.workflow.engine;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.stereotype.Component;

/**
 * The job executor's backlog for {@code /actuator/prometheus}: jobs due now (timers that fired, asynchronous
 * steps) that no node has run yet, and those that failed for good (incidents to look at).
 */
@Component
class EngineMetrics implements MeterBinder {

    private final ManagementService management;

    EngineMetrics(ManagementService management) {
        this.management = management;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("familyaudit.jobs.due", management,
                        m -> EngineAccess.asSystem(() -> m.createJobQuery().executable().count()))
                .description("Jobs due now, not yet run").register(registry);
        Gauge.builder("familyaudit.jobs.failed", management,
                        m -> EngineAccess.asSystem(() -> m.createJobQuery().noRetriesLeft().count()))
                .description("Jobs that failed with no retries left").register(registry);
    }
}
