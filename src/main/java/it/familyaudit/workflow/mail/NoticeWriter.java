package it.familyaudit.workflow.mail;

import it.familyaudit.workflow.certification.TimelineRecorded;
import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.mail.Recipients.About;
import it.familyaudit.workflow.mail.Recipients.Recipient;
import it.familyaudit.workflow.security.Roles;
import it.familyaudit.workflow.tasks.TaskAlertRaised;
import it.familyaudit.workflow.tasks.TaskAlerts;
import it.familyaudit.workflow.tasks.TaskOpened;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the cycle's events into mails in the outbox, in the transaction of the event: a task completion that
 * rolls back leaves no mail behind. One mail per event per person (the outbox's key), written only to those
 * who want that kind of mail, held for those who chose the daily digest. No mail carries questionnaire
 * answers or invitation codes: a notice names the organisation, the step, the due day and the page.
 */
@Component
class NoticeWriter {

    /** Whose news each event of the timeline is. */
    private static final List<String> ORGANISATION = List.of(Roles.REFERENT, Roles.MANAGEMENT);
    private static final List<String> PEOPLE_OF_THE_CYCLE = List.of(Roles.REFERENT, Roles.MANAGEMENT, Roles.CONSULTANT,
            Roles.EVALUATOR);
    private static final List<String> PLAN_PEOPLE = List.of(Roles.WORKING_GROUP, Roles.REFERENT, Roles.CONSULTANT);
    private static final List<String> SURVEY_PEOPLE = List.of(Roles.REFERENT, Roles.WORKING_GROUP, Roles.CONSULTANT);
    private static final List<String> CLOCK_PEOPLE = List.of(Roles.REFERENT, Roles.CONSULTANT, Roles.EVALUATOR,
            Roles.AGENCY);
    private static final List<String> ESCALATED_TO = List.of(Roles.MANAGEMENT, Roles.AGENCY);
    private static final Set<String> COUNCIL_TASKS = Set.of("DecideCertificationTask", "DecideMonitoringTask",
            "RecognisePlanCarriedOutTask");

    /**
     * The key of a task's escalation, whoever raises it (the scan of due dates the day after, or the monitoring's
     * check after its grace period): its people are told once that it is late.
     */
    static final String LATE = "late:";

    private final Recipients recipients;
    private final MailPreferences preferences;
    private final Outbox outbox;
    private final MailWords words;

    NoticeWriter(Recipients recipients, MailPreferences preferences, Outbox outbox, MailWords words) {
        this.recipients = recipients;
        this.preferences = preferences;
        this.outbox = outbox;
        this.words = words;
    }

    /** The people of a task: its assignee, or its groups in its organisation. */
    @EventListener
    void on(TaskOpened task) {
        recipients.about(task.certificationId()).ifPresent(about -> {
            write(NoticeKind.TASK_OPENED, about, task.taskId(), "task:" + task.taskId(),
                    recipients.ofTask(about, task.assignee(), task.candidateGroups()),
                    MailWords.Params.of(about.organizationName(), task.taskKey(), task.taskName(), day(task.due()),
                            null, null, "/attivita/" + task.taskId()));
        });
    }

    /** The monitoring's alerts of overdue tasks: a reminder to the task's group, an escalation above it. */
    @EventListener
    void on(TaskAlertRaised alert) {
        recipients.about(alert.certificationId()).ifPresent(about -> {
            boolean escalation = alert.kind() == TaskAlerts.Kind.ESCALATION;
            List<String> roles = escalation ? ESCALATED_TO : Arrays.stream(alert.candidateGroup().split(",\\s*")).toList();
            task(escalation ? NoticeKind.ESCALATION : NoticeKind.REMINDER, about, alert.taskId(), alert.taskKey(),
                    alert.taskName(), alert.due(), (escalation ? LATE : "overdue:") + alert.taskId(),
                    recipients.of(about, roles));
        });
    }

    /** The timeline's events that people want to hear of. */
    @EventListener
    void on(TimelineRecorded entry) {
        NoticeKind kind;
        List<String> roles;
        String path = "/certificazioni/" + entry.certificationId();
        switch (entry.kind()) {
            case "CERTIFICATE_ISSUED", "CERTIFICATE_CONFIRMED", "CERTIFICATE_REVOKED" -> {
                kind = NoticeKind.valueOf(entry.kind());
                roles = PEOPLE_OF_THE_CYCLE;
            }
            case "MONITORING_OPENED" -> {
                kind = NoticeKind.MONITORING_OPENED;
                roles = ORGANISATION;
                path += "#monitoraggio";
            }
            case "QUESTIONNAIRE_CLOSED" -> {
                kind = NoticeKind.QUESTIONNAIRE_CLOSED;
                roles = SURVEY_PEOPLE;
                path += "#questionario";
            }
            case "DEADLINE_WARNING" -> {
                kind = NoticeKind.DEADLINE_WARNING;
                roles = CLOCK_PEOPLE;
            }
            case "TASK_COMPLETED" -> {
                if ("OpenQuestionnaireCampaignTask".equals(entry.taskKey())) {
                    kind = NoticeKind.QUESTIONNAIRE_OPENED;
                    roles = SURVEY_PEOPLE;
                    path += "#questionario";
                } else if ("ApprovePlanTask".equals(entry.taskKey()) && "changes".equals(entry.decision())) {
                    kind = NoticeKind.PLAN_SENT_BACK;
                    roles = PLAN_PEOPLE;
                    path += "#piano";
                } else if (COUNCIL_TASKS.contains(entry.taskKey())) {
                    kind = NoticeKind.COUNCIL_DECISION;
                    roles = PEOPLE_OF_THE_CYCLE;
                } else {
                    return;
                }
            }
            default -> {
                return;
            }
        }
        String finalPath = path;
        recipients.about(entry.certificationId()).ifPresent(about -> write(kind, about, null, "event:" + entry.entryId(),
                recipients.of(about, roles), MailWords.Params.of(about.organizationName(), entry.taskKey(), null,
                        null, null, entry.summary(), finalPath)));
    }

    /** A reminder or an escalation of one task, from the monitoring's alerts or the scan of due dates. */
    void task(NoticeKind kind, About about, String taskId, String taskKey, String taskName, Instant due, String eventKey,
              List<Recipient> people) {
        LocalDate dueDay = day(due);
        Integer days = dueDay == null ? null
                : (int) ChronoUnit.DAYS.between(day(EngineTime.now()), dueDay); // below 0: late
        write(kind, about, taskId, eventKey, people, MailWords.Params.of(about.organizationName(), taskKey, taskName,
                dueDay, days, null, "/attivita/" + taskId));
    }

    private void write(NoticeKind kind, About about, String taskId, String eventKey, List<Recipient> people,
                       MailWords.Params params) {
        if (people.isEmpty()) {
            return;
        }
        Map<String, MailPreference> chosen = preferences.of(people.stream().map(Recipient::userId).toList());
        List<Outbox.Entry> entries = new ArrayList<>();
        String facts = words.params(params);
        Map<String, String> subjects = new HashMap<>();
        for (Recipient r : people) {
            MailPreference p = chosen.get(r.userId());
            if (!p.wants(kind, r.agency())) {
                continue;
            }
            String status = r.email() == null ? "FAILED" : p.digest() && !kind.urgent() ? "HELD" : "PENDING";
            entries.add(new Outbox.Entry(eventKey + ":" + r.userId(), kind, about.certificationId(), taskId, r.userId(),
                    r.name(), r.email(), p.language(),
                    subjects.computeIfAbsent(p.language(), language -> words.subject(kind, language, params)), facts, status,
                    r.email() == null ? "Nessun indirizzo e-mail per questa persona / No e-mail address" : null));
        }
        outbox.add(entries);
    }

    private static LocalDate day(Instant at) {
        return at == null ? null : LocalDate.ofInstant(at, EngineTime.ZONE);
    }
}
