package it.familyaudit.workflow.mail;

import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.engine.OpenTasks;
import it.familyaudit.workflow.engine.OpenTasks.OpenTask;
import it.familyaudit.workflow.mail.Recipients.About;
import it.familyaudit.workflow.security.Roles;
import it.familyaudit.workflow.tasks.CertificationJournal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * One scan of the open tasks by due date, run every few minutes by one node: each task's people are reminded
 * at each lead time before its due date (7 days and 1 day), and the day after it its organisation's management
 * and the agency are told it is late. Only the nearest reminder is sent (a node down for a week does not send
 * a stale one next to a fresh one), not one the task's opening mail already said, and each at most once (the
 * outbox's key): running the scan again writes nothing new.
 */
@Component
class DueDateReminders {

    /** How far back the scan looks for tasks to escalate: older ones were escalated, or the app was down long. */
    private static final Duration ESCALATION_WINDOW = Duration.ofDays(7);
    private static final List<String> ESCALATED_TO = List.of(Roles.MANAGEMENT, Roles.AGENCY);

    private final OpenTasks tasks;
    private final CertificationJournal journal;
    private final Recipients recipients;
    private final NoticeWriter notices;
    private final MailProperties properties;
    private final MailJobs jobs;

    DueDateReminders(OpenTasks tasks, CertificationJournal journal, Recipients recipients, NoticeWriter notices,
                     MailProperties properties, MailJobs jobs) {
        this.tasks = tasks;
        this.journal = journal;
        this.recipients = recipients;
        this.notices = notices;
        this.properties = properties;
        this.jobs = jobs;
    }

    /** @return whether this node ran the scan (another may be running it) */
    public boolean run() {
        return jobs.runAlone("reminders", this::scan);
    }

    private void scan() {
        Instant now = EngineTime.now();
        List<Duration> leads = properties.reminders(); // longest first
        for (OpenTask task : tasks.dueBetween(now, now.plus(leads.get(0)))) {
            Duration lead = leads.stream().filter(l -> !task.due().minus(l).isAfter(now)).reduce((a, b) -> b)
                    .orElseThrow();
            if (task.created() != null && !task.created().isBefore(task.due().minus(lead))) {
                continue; // opened inside this lead time: its opening mail gave the due date
            }
            about(task).ifPresent(about -> notices.task(NoticeKind.REMINDER, about, task.id(), task.taskKey(),
                    task.name(), task.due(), "reminder-" + lead + ":" + task.id(),
                    recipients.ofTask(about, task.assignee(), task.candidateGroups())));
        }
        Instant lateSince = now.minus(properties.escalationAfter());
        for (OpenTask task : tasks.dueBetween(lateSince.minus(ESCALATION_WINDOW), lateSince)) {
            about(task).ifPresent(about -> notices.task(NoticeKind.ESCALATION, about, task.id(), task.taskKey(),
                    task.name(), task.due(), NoticeWriter.LATE + task.id(), recipients.of(about, ESCALATED_TO)));
        }
    }

    private Optional<About> about(OpenTask task) {
        var certification = journal.certificationOf(task.processInstanceId());
        return certification.isPresent() ? recipients.about(certification.getAsLong()) : Optional.empty();
    }
}
