package it.familyaudit.workflow.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.icegreen.greenmail.util.GreenMail;
import it.familyaudit.workflow.monitoring.MonitoringRepository;
import it.familyaudit.workflow.monitoring.MonitoringRound;
import it.familyaudit.workflow.plan.PlanRepository;
import it.familyaudit.workflow.support.ApiDriver;
import it.familyaudit.workflow.support.LocalSmtp;
import it.familyaudit.workflow.support.MonitoringApiDriver;
import it.familyaudit.workflow.support.PlanSeeds;
import it.familyaudit.workflow.support.ApiTestBase;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import it.familyaudit.workflow.engine.EngineTime;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail through a real SMTP server (GreenMail, in this JVM): who is told what, in which language, with a link
 * that opens the page; nothing for a completion that rolls back; an SMTP server down for a while loses and
 * doubles nothing; reminders, escalations, the digest and the preferences that choose them.
 */
class MailTest extends ApiTestBase {

    static final LocalSmtp local = new LocalSmtp();
    static final int SMTP_PORT = local.port;
    static final GreenMail smtp = local.server;

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("family-audit.mail.portal-url", () -> "https://audit.example.test");
    }

    @Autowired
    OutboxSender sender;
    @Autowired
    DueDateReminders reminders;
    @Autowired
    Digests digests;
    @Autowired
    MailPreferences preferences;
    @Autowired
    Outbox outbox;
    @Autowired
    JdbcClient db;
    @Autowired
    TaskService tasks;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    PlanRepository plans;
    @Autowired
    MonitoringRepository rounds;

    @BeforeAll
    static void startSmtp() {
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    /**
     * The database is shared with the other tests of this JVM, whose mails nobody drains: they are set
     * aside, so that each test sends its own.
     */
    @BeforeEach
    void onlyThisTestsMail() throws Exception {
        if (!smtp.isRunning()) {
            smtp.start();
        }
        smtp.purgeEmailFromAllMailboxes();
        db.sql("UPDATE fa_mail_outbox SET status = 'FAILED', last_error = 'other test' WHERE status IN "
                + "('PENDING', 'HELD', 'SENDING')").update();
    }

    @Test
    void eachPersonIsToldOfWhatIsTheirsOnceInTheirLanguageWithALinkThatOpensThePage() throws Exception {
        preferences.save(new MailPreference(driver.manager, false, "en", true, true));
        long id = driver.runToPlanDrafting();
        sender.drain();

        String org = "Comune di Prova " + driver.organization.substring(3);
        Map<String, List<String>> subjects = subjectsByRecipient(org);
        assertThat(subjects.get(driver.referent)).contains(
                "[Family Audit] Da fare: Presentare la domanda – " + org,
                "[Family Audit] Da fare: Aprire la campagna del questionario – " + org,
                "[Family Audit] Il questionario ai dipendenti è aperto – " + org,
                "[Family Audit] Il questionario ai dipendenti è chiuso – " + org);
        assertThat(subjects.get(driver.manager)).as("management chose English").contains(
                "[Family Audit] To do: Form the working group – " + org).allMatch(s -> !s.contains("Da fare"));
        assertThat(subjects.get(driver.workingGroup)).contains(
                "[Family Audit] Da fare: Redigere il piano aziendale – " + org);
        assertThat(subjects.get("agency")).contains("[Family Audit] Da fare: Registrare il pagamento – " + org);
        assertThat(subjects.get("consultant")).contains(
                "[Family Audit] Da fare: Registrare il workshop di avvio – " + org);
        assertThat(subjects.get("consultant2")).as("a consultant not assigned to it").isNull();
        assertThat(subjects.get("referent")).as("another organisation's referent").isNull();
        subjects.forEach((who, list) -> assertThat(list).as("one mail per event for %s", who).doesNotHaveDuplicates());

        MimeMessage draft = message(driver.workingGroup, "Redigere il piano");
        String text = text(draft);
        assertThat(text).contains("Gentile Utente " + driver.workingGroup, "«Redigere il piano aziendale»",
                "Dear Utente " + driver.workingGroup, "Open the task", "https://audit.example.test/preferenze");
        assertThat(html(draft)).contains("<html lang=\"it\"", "lang=\"en\"", "href=\"https://audit.example.test/attivita/");
        String path = link(text, "/attivita/");
        assertThat(mvc.perform(get(path).with(user(driver.workingGroup))).andReturn().getResponse().getStatus())
                .as("the mail's link opens the task's page").isEqualTo(200);
        assertThat(message(driver.referent, "questionario ai dipendenti è chiuso").getContent().toString())
                .doesNotContainIgnoringCase("codice");
        assertThat(path).isEqualTo("/attivita/" + driver.taskId(driver.workingGroup, "DraftPlanTask"));
        assertThat(text(message(driver.referent, "è aperto"))).contains("/certificazioni/" + id + "#questionario");
    }

    @Test
    void aCompletionThatRollsBackLeavesNoMailBehind() throws Exception {
        long id = driver.start();
        String task = driver.taskId(driver.referent, "SubmitApplicationTask");
        int before = mailsOf(id);

        transaction.executeWithoutResult(status -> {
            identity.setAuthentication(driver.referent, List.of("referent"), List.of(driver.organization));
            try {
                tasks.complete(task, new HashMap<>(ApiDriver.application(120)));
            } finally {
                identity.clearAuthentication();
            }
            assertThat(mailsOf(id)).as("the agency's payment task was written, mail with it").isGreaterThan(before);
            status.setRollbackOnly();
        });

        assertThat(mailsOf(id)).isEqualTo(before);
        assertThat(sender.drain()).isEqualTo(before);
        assertThat(smtp.getReceivedMessages()).extracting(Message::getSubject).noneMatch(s -> s.contains("pagamento"));
    }

    @Test
    void anSmtpServerDownForAWhileDelaysMailButLosesAndDoublesNone() throws Exception {
        smtp.stop();
        long id = driver.start();
        assertThat(sender.drain()).isZero();
        OutboxMail waiting = outbox.byIds(ids(id)).get(0);
        assertThat(waiting.status()).isEqualTo("PENDING");
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.lastError()).isNotBlank();
        assertThat(waiting.nextAttemptAt()).isAfter(EngineTime.now());
        assertThat(sender.drain()).as("not before its next try").isZero();

        smtp.start();
        ClockUtil.setCurrentTime(Date.from(EngineTime.now().plus(Duration.ofMinutes(2))));
        assertThat(sender.drain()).isEqualTo(1);
        assertThat(sender.drain()).isZero();

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(outbox.byIds(ids(id)).get(0).status()).isEqualTo("SENT");
        assertThat(smtp.getReceivedMessages()[0].getMessageID()).startsWith("<family-audit-" + waiting.id() + "-");
    }

    @Test
    void remindersComeBeforeTheDueDateAndAnEscalationTheDayAfterOnlyOnce() throws Exception {
        preferences.save(new MailPreference(driver.manager, false, "it", true, false));
        MailPreference agency = preferences.of("agency");
        preferences.save(new MailPreference("agency", false, "it", false, false));
        try {
            Instant opened = EngineTime.now();
            driver.start(); // the application is due in 14 days
            String org = "Comune di Prova " + driver.organization.substring(3);
            sender.drain();
            smtp.purgeEmailFromAllMailboxes();

            at(opened.plus(Duration.ofDays(3)));
            reminders.run();
            assertThat(sender.drain()).as("nothing is due within a week yet").isZero();

            at(opened.plus(Duration.ofDays(7)).plus(Duration.ofHours(1)));
            reminders.run();
            reminders.run();
            sender.drain();
            assertThat(subjectsByRecipient(org).get(driver.referent))
                    .containsExactly("[Family Audit] Promemoria: «Presentare la domanda» scade tra 7 giorni – " + org);

            at(opened.plus(Duration.ofDays(13)).plus(Duration.ofHours(1)));
            reminders.run();
            sender.drain();
            assertThat(subjectsByRecipient(org).get(driver.referent)).hasSize(2)
                    .contains("[Family Audit] Promemoria: «Presentare la domanda» scade domani – " + org);

            at(opened.plus(Duration.ofDays(15)).plus(Duration.ofHours(1)));
            reminders.run();
            reminders.run();
            sender.drain();
            Map<String, List<String>> after = subjectsByRecipient(org);
            assertThat(after.get("agency")).as("the agency cannot turn escalations off")
                    .containsExactly("[Family Audit] Attività scaduta: «Presentare la domanda» – " + org);
            assertThat(after.get(driver.manager)).as("management turned them off").isNull();
            assertThat(after.get(driver.referent)).hasSize(2);
            assertThat(text(message("agency", "Attività scaduta"))).contains("doveva essere completata entro il");
        } finally {
            preferences.save(agency);
        }
    }

    @Test
    void whoChoseTheDigestGetsOneMailADayListingEverything() throws Exception {
        preferences.save(new MailPreference(driver.referent, true, "it", true, true));
        Instant start = EngineTime.now();
        long id = driver.start();
        driver.completeOk(driver.referent, "SubmitApplicationTask", ApiDriver.application(120));
        driver.completeOk("agency", "RecordPaymentTask", ApiDriver.payment(1000));
        driver.completeOk("agency", "AssignProfessionalsTask", ApiDriver.professionals("consultant", "evaluator"));
        driver.completeOk("consultant", "RecordKickoffWorkshopTask", ApiDriver.kickoff(LocalDate.parse(ApiDriver.today())));
        driver.completeOk(driver.manager, "FormWorkingGroupTask", ApiDriver.workingGroup());
        sender.drain();
        assertThat(recipientsOf(smtp.getReceivedMessages())).doesNotContain(driver.referent + "@example.test");

        ZonedDateTime next = start.atZone(EngineTime.ZONE).toLocalDate().plusDays(1).atTime(7, 30)
                .atZone(EngineTime.ZONE);
        at(next.toInstant());
        digests.run();
        digests.run();
        sender.drain();

        List<MimeMessage> mine = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> recipientsOf(new MimeMessage[] {m}).contains(driver.referent + "@example.test")).toList();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).getSubject()).startsWith("[Family Audit] Riepilogo del ")
                .endsWith(": " + countHeld(id) + " novità");
        assertThat(text(mine.get(0))).contains("Presentare la domanda", "Aprire la campagna del questionario",
                "https://audit.example.test/attivita/", "Here are the");
    }

    @Test
    void theCertificateTheCouncilsDecisionAndEachYearsMonitoringReachThePeopleOfTheCycle() throws Exception {
        long id = driver.runToCertificate();
        PlanSeeds.approved(plans, db, id, PlanSeeds.actions(3));
        MonitoringApiDriver monitoring = new MonitoringApiDriver(driver, management, rounds);
        MonitoringRound round = monitoring.open(id);
        sender.drain();

        String org = "Comune di Prova " + driver.organization.substring(3);
        Map<String, List<String>> subjects = subjectsByRecipient(org);
        for (String who : List.of(driver.referent, driver.manager, "consultant", "evaluator")) {
            assertThat(subjects.get(who)).as(who).contains("[Family Audit] Certificato rilasciato – " + org,
                    "[Family Audit] Decisione del Consiglio dell'Audit – " + org);
        }
        assertThat(subjects.get(driver.workingGroup)).as("the working group's news is the plan's")
                .noneMatch(s -> s.contains("Certificato"));
        assertThat(subjects.get(driver.referent)).contains("[Family Audit] Si apre un anno di monitoraggio – " + org,
                "[Family Audit] Da fare: Compilare il rapporto di monitoraggio – " + org);
        assertThat(subjects.get(driver.manager)).contains("[Family Audit] Si apre un anno di monitoraggio – " + org);
        assertThat(subjects.get("council")).contains("[Family Audit] Da fare: Decidere sulla certificazione – " + org);
        assertThat(text(message(driver.referent, "Certificato rilasciato"))).contains("Rilasciato il certificato",
                "/certificazioni/" + id, "has been granted a certificate");

        // The report is late: the monitoring's own check reminds the referent, then escalates
        smtp.purgeEmailFromAllMailboxes();
        MonitoringApiDriver.moveClockTo(round.reportDue().plusDays(2));
        monitoring.executeJobs();
        MonitoringApiDriver.moveClockTo(round.reportDue().plusDays(20));
        monitoring.executeJobs();
        sender.drain();
        Map<String, List<String>> late = subjectsByRecipient(org);
        assertThat(late.get(driver.referent)).contains(
                "[Family Audit] Promemoria: «Compilare il rapporto di monitoraggio» è in ritardo – " + org);
        assertThat(late.get(driver.manager)).contains(
                "[Family Audit] Attività scaduta: «Compilare il rapporto di monitoraggio» – " + org);
        assertThat(late.get("agency")).contains(
                "[Family Audit] Attività scaduta: «Compilare il rapporto di monitoraggio» – " + org,
                "[Family Audit] Da fare: Intervenire sui ritardi del monitoraggio – " + org);
        late.forEach((who, list) -> assertThat(list).as("one mail per event for %s", who).doesNotHaveDuplicates());
    }

    @Test
    void fiveMonthsAfterTheKickOffTheReferentConsultantEvaluatorAndAgencyAreWarned() throws Exception {
        driver.runToQuestionnaire(); // the kick-off workshop was today: the six months run from it
        sender.drain();
        smtp.purgeEmailFromAllMailboxes();

        at(EngineTime.now().plus(Duration.ofDays(155)));
        driver.executeJobs();
        sender.drain();

        String org = "Comune di Prova " + driver.organization.substring(3);
        String warning = "[Family Audit] Manca un mese alla scadenza dei sei mesi – " + org;
        Map<String, List<String>> subjects = subjectsByRecipient(org);
        for (String who : List.of(driver.referent, "consultant", "evaluator", "agency")) {
            assertThat(subjects.get(who)).as(who).containsExactly(warning);
        }
        assertThat(subjects.get(driver.manager)).isNull();
        assertThat(text(message("agency", "Manca un mese"))).contains("cinque dei sei mesi", "five of the six months");
    }

    @Test
    void twoSendersDrainingAtOnceAsTwoNodesWouldSendEachMailOnce() throws Exception {
        List<Outbox.Entry> entries = new ArrayList<>();
        String batch = UUID.randomUUID().toString();
        for (int i = 0; i < 60; i++) {
            entries.add(new Outbox.Entry("test:" + batch + ":" + i, NoticeKind.TASK_OPENED, null, null, "u" + i,
                    "Persona " + i, "u" + i + "@example.test", "it", "[Family Audit] Prova " + i,
                    "{\"org\":\"Comune di Prova\",\"taskName\":\"Prova\",\"path\":\"/\"}", "PENDING", null));
        }
        transaction.executeWithoutResult(s -> outbox.add(entries));

        ExecutorService nodes = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> drained = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            drained.add(nodes.submit(() -> {
                go.await();
                return sender.drain();
            }));
        }
        go.countDown();
        int sent = 0;
        for (Future<Integer> f : drained) {
            sent += f.get(60, TimeUnit.SECONDS);
        }
        nodes.shutdown();

        assertThat(sent).isEqualTo(60);
        assertThat(smtp.getReceivedMessages()).hasSize(60);
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(m -> {
            try {
                return m.getMessageID();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).distinct().count()).isEqualTo(60);
    }

    // --- Helpers ---------------------------------------------------------------------------------

    private static void at(Instant moment) {
        ClockUtil.setCurrentTime(Date.from(moment));
    }

    private int mailsOf(long certificationId) {
        return db.sql("SELECT COUNT(*) FROM fa_mail_outbox WHERE certification_id = :id").param("id", certificationId)
                .query(Integer.class).single();
    }

    private int countHeld(long certificationId) {
        return db.sql("""
                SELECT COUNT(*) FROM fa_mail_outbox WHERE certification_id = :id AND status = 'DIGESTED'
                  AND recipient_id = :user""").param("id", certificationId).param("user", driver.referent)
                .query(Integer.class).single();
    }

    private List<Long> ids(long certificationId) {
        return db.sql("SELECT id FROM fa_mail_outbox WHERE certification_id = :id ORDER BY id")
                .param("id", certificationId).query(Long.class).list();
    }

    /** Subjects received for this organisation, by the user id of the address they went to. */
    private static Map<String, List<String>> subjectsByRecipient(String org) throws Exception {
        Map<String, List<String>> found = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (!m.getSubject().endsWith(org)) {
                continue;
            }
            for (String to : recipientsOf(new MimeMessage[] {m})) {
                found.computeIfAbsent(to.replace("@example.test", ""), k -> new ArrayList<>()).add(m.getSubject());
            }
        }
        return found;
    }

    private static List<String> recipientsOf(MimeMessage[] messages) {
        List<String> to = new ArrayList<>();
        try {
            for (MimeMessage m : messages) {
                Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString).forEach(to::add);
            }
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
        return to;
    }

    private static MimeMessage message(String userId, String subjectPart) throws Exception {
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getSubject().contains(subjectPart) && recipientsOf(new MimeMessage[] {m})
                    .contains(userId + "@example.test")) {
                return m;
            }
        }
        throw new AssertionError("No mail «" + subjectPart + "» to " + userId);
    }

    static String text(Part part) throws Exception {
        return find(part, "text/plain");
    }

    static String html(Part part) throws Exception {
        return find(part, "text/html");
    }

    private static String find(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = find(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The path of the first link of the portal in a mail's text. */
    private static String link(String text, String startingWith) {
        Matcher m = Pattern.compile("https://audit\\.example\\.test(" + Pattern.quote(startingWith) + "[^\\s]*)")
                .matcher(text);
        assertThat(m.find()).as("a link to %s in %s", startingWith, text).isTrue();
        return m.group(1);
    }
}
