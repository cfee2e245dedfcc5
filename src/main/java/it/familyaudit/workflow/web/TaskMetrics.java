package it.familyaudit.workflow.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import it.familyaudit.workflow.certification.TimelineRecorded;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Task completions for {@code /actuator/prometheus}, by task: counted once their transaction commits, so a
 * completion that was refused or rolled back is not one. Errors by status are Spring Boot's own
 * {@code http.server.requests}.
 */
@Component
class TaskMetrics {

    private final MeterRegistry registry;

    TaskMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(TimelineRecorded entry) {
        if ("TASK_COMPLETED".equals(entry.kind()) && entry.taskKey() != null) {
            Counter.builder("familyaudit.tasks.completed").description("Tasks completed")
                    .tag("task", entry.taskKey()).register(registry).increment();
        }
    }
}
