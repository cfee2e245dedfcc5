package it.familyaudit.workflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.support.ApiDriver;
import it.familyaudit.workflow.support.PortalBrowserTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The portal in a real browser (Debian's headless Chromium) as each role meets it: sign in with
 * the form, open every page, and have axe-core check each against WCAG 2.1 A and AA: no critical
 * and no serious violation. At a phone's width (390 px) no page scrolls sideways.
 *
 * <p>Needs {@code /usr/bin/chromium}, {@code /usr/bin/chromedriver} and axe-core from npm in
 * {@code .ci/axe/node_modules} ({@code .ci/run} installs all three). Without them the test is
 * skipped, except when {@code CI=true}, where it fails. Screenshots of the pages go to
 * {@code target/portal-*.png}.
 */
class PortalBrowserTest extends PortalBrowserTestBase {

    @Autowired
    JdbcClient db;

    @Test
    void everyPortalPageHasNoCriticalOrSeriousAccessibilityViolationForAnyRole() throws Exception {
        ApiDriver certified = newDriver();
        long certifiedId = certified.runToCertificate();
        ApiDriver drafting = newDriver();
        long draftingId = drafting.runToPlanDrafting(ApiDriver.questionnaireAnswersWithSmallGroups());
        // A campaign still open, its codes issued: the referent's form to replace them.
        ApiDriver surveying = newDriver();
        long surveyingId = surveying.runToQuestionnaire();
        surveying.openQuestionnaire("codes", 20);
        surveying.issueQuestionnaireCodes(surveyingId);
        List<String> publicPages = List.of("/", "/accedi", "/registro", "/verifica", "/verifica?codice=NONE",
                "/verifica?codice=ABCDEFGHJKLMNPQR", "/accessibilita", "/?lang=en", "/registro", "/?lang=it");
        List<String> problems = new ArrayList<>();
        for (String page : publicPages) {
            problems.addAll(check(null, page));
        }
        for (String user : List.of(drafting.referent, surveying.referent, certified.manager, "consultant", "evaluator",
                "agency", "council", "admin", "referent")) {
            signIn(user);
            for (String page : List.of("/", "/certificazioni/" + certifiedId, "/certificazioni/" + draftingId,
                    "/certificazioni/" + surveyingId, "/certificazioni/987654321",
                    "/?fase=PLAN_DRAFTING&ordina=DAYS_IN_PHASE&verso=desc")) {
                problems.addAll(check(user, page));
            }
            signOut();
        }
        assertThat(problems).as("axe-core: critical and serious violations").isEmpty();
    }

    @Test
    void atAPhonesWidthNoPageScrollsSideways() throws Exception {
        ApiDriver drafting = newDriver();
        long draftingId = drafting.runToPlanDrafting(ApiDriver.questionnaireAnswersWithSmallGroups());
        browser.manage().window().setSize(new Dimension(390, 844));
        List<String> wide = new ArrayList<>();
        for (String user : List.of(drafting.referent, "agency")) {
            signIn(user);
            for (String page : List.of("/", "/certificazioni/" + draftingId, "/registro")) {
                browser.get(url(page));
                long scroll = (Long) browser.executeScript("return document.documentElement.scrollWidth");
                long width = (Long) browser.executeScript("return document.documentElement.clientWidth");
                if (scroll > width) {
                    wide.add(user + " " + page + ": " + scroll + " px in " + width);
                }
                screenshot("portal-phone-" + user + page.replaceAll("[^a-z0-9]+", "-") + ".png");
            }
            signOut();
        }
        assertThat(wide).isEmpty();
    }

    /**
     * A task page as its users meet it: the application (texts, a select, a number, dates) and the
     * working group (a list whose rows are added without script), each shown, then submitted empty
     * so that every error shows, on top and beside its field; also at a phone's width.
     */
    @Test
    void aTaskPageAndItsErrorsHaveNoCriticalOrSeriousAccessibilityViolation() throws Exception {
        ApiDriver d = newDriver();
        d.start();
        String application = "/attivita/" + d.taskId(d.referent, "SubmitApplicationTask");
        List<String> problems = new ArrayList<>();
        signIn(d.referent);
        problems.addAll(check(d.referent, application));
        submitTheForm();
        assertThat(browser.findElements(By.cssSelector("#errori li a"))).hasSizeGreaterThanOrEqualTo(6);
        assertThat(browser.findElements(By.cssSelector("input.is-invalid[aria-invalid=true]"))).isNotEmpty();
        problems.addAll(checkShown(d.referent, application + " (errori)"));
        browser.manage().window().setSize(new Dimension(390, 844));
        long scroll = (Long) browser.executeScript("return document.documentElement.scrollWidth");
        long width = (Long) browser.executeScript("return document.documentElement.clientWidth");
        assertThat(scroll).as("the task page at a phone's width").isLessThanOrEqualTo(width);
        screenshot("portal-task-phone.png");
        browser.manage().window().setSize(new Dimension(1280, 1000));
        signOut();

        d.completeOk(d.referent, "SubmitApplicationTask", ApiDriver.application(120));
        d.completeOk("agency", "RecordPaymentTask", ApiDriver.payment(1000));
        d.completeOk("agency", "AssignProfessionalsTask", ApiDriver.professionals("consultant", "evaluator"));
        d.completeOk("consultant", "RecordKickoffWorkshopTask", ApiDriver.kickoff(LocalDate.parse(ApiDriver.today())));
        String workingGroup = "/attivita/" + d.taskId(d.manager, "FormWorkingGroupTask");
        signIn(d.manager);
        problems.addAll(check(d.manager, workingGroup));
        press(By.cssSelector("button[name=_aggiungi]"));
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(b -> !b.findElements(By.id("f-members-1-memberName")).isEmpty());
        problems.addAll(checkShown(d.manager, workingGroup + " (riga aggiunta)"));
        submitTheForm();
        assertThat(browser.findElements(By.cssSelector("#errori li a"))).hasSizeGreaterThanOrEqualTo(12);
        problems.addAll(checkShown(d.manager, workingGroup + " (errori)"));
        signOut();
        assertThat(problems).as("axe-core: critical and serious violations").isEmpty();
    }

    /**
     * The plan as its editors and readers meet it: the editor with what the draft still lacks, then
     * with the errors of a refused save; a spreadsheet uploaded through the page (file input, CSRF
     * token in a multipart form, on a real server) and its preview; the comparison of two versions.
     * Each checked by axe, and none scrolling sideways at a phone's width.
     */
    @Test
    @SuppressWarnings("unchecked")
    void thePlanEditorItsImportAndTheComparisonOfVersionsHaveNoCriticalOrSeriousViolationAndFitAPhone() throws Exception {
        ApiDriver d = newDriver();
        long id = d.runToPlanDrafting(ApiDriver.questionnaireAnswersWithSmallGroups());
        Map<String, Object> plan = new LinkedHashMap<>(ApiDriver.smallPlan());
        List<Object> actions = new ArrayList<>((List<?>) plan.get("actions"));
        actions.add(Map.of("code", "2.2", "fieldCode", "2", "title", "Newsletter per le famiglie con un titolo piuttosto lungo",
                "years", List.of(2, 3), "findingRef", "Q-servizi-centri-estivi"));
        plan.put("actions", actions);
        d.ok(d.workingGroup, "PUT", "/api/certifications/" + id + "/plan/draft", plan);
        String editor = "/certificazioni/" + id + "/piano/bozza";
        List<String> problems = new ArrayList<>();
        List<String> wide = new ArrayList<>();

        signIn(d.workingGroup);
        problems.addAll(check(d.workingGroup, editor));
        assertThat(browser.findElements(By.cssSelector("#problemi li a"))).isNotEmpty();
        wide.addAll(atAPhonesWidth(editor));

        clear("p-actions-0-title");
        // A field's budget without its funding line; an indicator of action 2.1 (year 1 only) measured in year 3.
        browser.findElement(By.id("p-fields-1-budget")).sendKeys("750");
        tick("p-actions-1-indicators-0-years-3");
        press(By.cssSelector("#piano button.btn-primary[value=salva]"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> !b.findElements(By.id("errori")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("input.is-invalid[aria-invalid=true]"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#errori a[href='#p-fields-1-fundingLine'],"
                + " #errori a[href='#p-actions-1-indicators-0-years-1']"))).hasSize(2);
        assertThat(browser.findElement(By.id("p-actions-1-indicators-0-years-3")).isSelected()).isTrue();
        problems.addAll(checkShown(d.workingGroup, editor + " (errori)"));
        wide.addAll(atAPhonesWidth(null));

        Path csv = Files.createTempFile(profiles, "piano", ".csv");
        Files.writeString(csv, ApiDriver.smallPlanCsv());
        browser.get(url(editor));
        browser.findElement(By.id("file-piano")).sendKeys(csv.toAbsolutePath().toString());
        press(By.cssSelector("#fogli button[type=submit]"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> b.getPageSource().contains("letto senza errori"));
        problems.addAll(checkShown(d.workingGroup, editor + "/importazione"));
        wide.addAll(atAPhonesWidth(null));
        press(By.cssSelector("main form button.btn-primary"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> b.getPageSource().contains("Il piano è stato importato"));
        signOut();

        ApiDriver revised = newDriver();
        long certified = revised.runToCertificate();
        revised.ok(revised.referent, "POST", "/api/certifications/" + certified + "/plan/revisions", null);
        // The revision renames an action, changes its budget and a target, and adds one.
        List<Object> revisedActions = new ArrayList<>(actions);
        Map<String, Object> first = new LinkedHashMap<>((Map<String, Object>) actions.get(0));
        first.put("title", "Ripensare la flessibilità oraria, anche d'estate");
        first.put("budget", 2500);
        first.put("indicators", List.of(Map.of("name", "Dipendenti con orario flessibile", "unit", "%", "baseline", 10,
                "targetYear1", 25, "targetYear2", 35)));
        revisedActions.set(0, first);
        Map<String, Object> revisedPlan = new LinkedHashMap<>(plan);
        revisedPlan.put("actions", revisedActions);
        revised.ok(revised.referent, "PUT", "/api/certifications/" + certified + "/plan/draft", revisedPlan);
        String compare = "/certificazioni/" + certified + "/piano/confronto?da=1&a=2";
        signIn(revised.manager);
        problems.addAll(check(revised.manager, compare));
        assertThat(browser.getPageSource()).contains("1 azione aggiunta", "1 azione modificata", "€ 2.500,00");
        wide.addAll(atAPhonesWidth(compare));
        signOut();

        assertThat(problems).as("axe-core: critical and serious violations").isEmpty();
        assertThat(wide).as("pages wider than a phone").isEmpty();
    }

    /**
     * The pages of mail: a person's preferences, shown, refused with a bad address (the errors on top and
     * beside the field) and saved; the agency's own, whose escalations cannot be turned off; the agency's
     * outbox, with a mail sent again and one refused. Each checked by axe, and none scrolling sideways at a
     * phone's width.
     */
    @Test
    void thePreferencesAndTheOutboxHaveNoCriticalOrSeriousViolationAndFitAPhone() throws Exception {
        ApiDriver d = newDriver();
        d.start();
        String failed = "[Family Audit] Da fare: Presentare la domanda – prova " + d.organization;
        String held = "[Family Audit] Riepilogo in attesa " + d.organization;
        outboxMail("FAILED", d.referent, failed, "Connessione rifiutata da mail.example.test:25 dopo 10 tentativi, "
                + "il server non risponde / Connection refused by mail.example.test:25 after 10 tries");
        outboxMail("HELD", d.manager, held, null);
        List<String> problems = new ArrayList<>();
        List<String> wide = new ArrayList<>();

        signIn(d.referent);
        problems.addAll(check(d.referent, "/preferenze"));
        wide.addAll(atAPhonesWidth("/preferenze"));
        var email = browser.findElement(By.id("email"));
        email.clear();
        email.sendKeys("maria@");
        press(By.cssSelector("main form button.btn-primary[type=submit]"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> !b.findElements(By.id("errori-titolo")).isEmpty());
        assertThat(browser.findElements(By.cssSelector(".alert-danger a[href='#email']"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("input#email.is-invalid[aria-invalid=true]"))).hasSize(1);
        assertThat(browser.findElement(By.id("email-errore")).getText()).contains("Indirizzo e-mail non valido");
        problems.addAll(checkShown(d.referent, "/preferenze (errori)"));
        wide.addAll(atAPhonesWidth(null));
        email = browser.findElement(By.id("email"));
        email.clear();
        email.sendKeys(d.referent + "@example.test");
        choose("delivery-daily");
        press(By.cssSelector("main form button.btn-primary[type=submit]"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> b.getPageSource().contains("Preferenze salvate"));
        assertThat(browser.findElement(By.id("delivery-daily")).isSelected()).isTrue();
        problems.addAll(checkShown(d.referent, "/preferenze (salvate)"));
        signOut();

        signIn("agency");
        problems.addAll(check("agency", "/preferenze"));
        assertThat(browser.findElement(By.id("escalations")).isEnabled()).isFalse();
        problems.addAll(check("agency", "/"));
        problems.addAll(check("agency", "/ente/posta"));
        wide.addAll(atAPhonesWidth("/ente/posta"));
        press(By.xpath("//tr[contains(., '" + failed + "')]//button"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> b.getPageSource().contains("di nuovo in coda"));
        problems.addAll(checkShown("agency", "/ente/posta (inviata di nuovo)"));
        press(By.xpath("//tr[contains(., '" + held + "')]//button"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> b.getPageSource().contains("aspetta il riepilogo"));
        problems.addAll(checkShown("agency", "/ente/posta (rifiutata)"));
        wide.addAll(atAPhonesWidth(null));
        problems.addAll(check("agency", "/ente/posta?stato=FAILED&lang=en"));
        signOut();

        assertThat(problems).as("axe-core: critical and serious violations").isEmpty();
        assertThat(wide).as("pages wider than a phone").isEmpty();
    }

    /** A mail written straight into the outbox, as the writers would, for a task opened. */
    private void outboxMail(String status, String recipient, String subject, String error) {
        Timestamp now = Timestamp.from(EngineTime.now());
        db.sql("""
                INSERT INTO fa_mail_outbox (idem_key, kind, recipient_id, address, language, subject, params, status,
                                            attempts, next_attempt_at, last_error, created_at)
                VALUES (:key, 'TASK_OPENED', :recipient, :address, 'it', :subject, '{}', :status, :attempts, :now,
                        :error, :now)
                """).param("key", "browser:" + UUID.randomUUID()).param("recipient", recipient)
                .param("address", recipient + "@example.test").param("subject", subject).param("status", status)
                .param("attempts", error == null ? 0 : 10).param("now", now).param("error", error).update();
    }

    /** The page at a phone's width (390 px): whether it scrolls sideways; {@code page} null for the one shown. */
    private List<String> atAPhonesWidth(String page) throws IOException {
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            if (page != null) {
                browser.get(url(page));
            }
            long scroll = (Long) browser.executeScript("return document.documentElement.scrollWidth");
            long width = (Long) browser.executeScript("return document.documentElement.clientWidth");
            screenshot("portal-phone" + browser.getCurrentUrl().replaceAll("^https?://[^/]+", "").replaceAll("[^a-z0-9]+", "-") + ".png");
            return scroll > width ? List.of(browser.getCurrentUrl() + ": " + scroll + " px in " + width) : List.of();
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    /** Empties a text input of the plan editor as a user would, after opening the action it is in. */
    private void clear(String id) {
        var input = browser.findElement(By.id(id));
        browser.executeScript("arguments[0].closest('details').open = true;"
                + " arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", input);
        input.clear();
    }

    /**
     * Ticks a checkbox of the plan editor as a user would, after opening the action it is in: on its
     * label, which the kit draws over it.
     */
    private void tick(String id) {
        var box = browser.findElement(By.id(id));
        browser.executeScript("arguments[0].closest('details').open = true;"
                + " arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", box);
        browser.findElement(By.cssSelector("label[for='" + id + "']")).click();
        assertThat(box.isSelected()).as("%s ticked", id).isTrue();
    }

    private void submitTheForm() {
        press(By.cssSelector("#modulo button.btn-primary[type=submit]"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> !b.findElements(By.id("errori")).isEmpty());
    }

    /** Chooses a radio button as a user would: on its label, which the kit draws over it. */
    private void choose(String id) {
        press(By.cssSelector("label[for='" + id + "']"));
        assertThat(browser.findElement(By.id(id)).isSelected()).as("%s chosen", id).isTrue();
    }

    /** Clicks a button as a user would, once it is in view (the kit scrolls smoothly, which a click mid-scroll misses). */
    private void press(By button) {
        var element = browser.findElement(button);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }
}
