package it.familyaudit.workflow.mail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/** The outbox's backlog for {@code /actuator/prometheus}: mails waiting to be sent, read at each scrape. */
@Component
class MailMetrics implements MeterBinder {

    private final Outbox outbox;

    MailMetrics(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("familyaudit.mail.outbox.backlog", outbox, Outbox::backlog)
                .description("Mails waiting to be sent (pending or being sent)").register(registry);
    }
}
