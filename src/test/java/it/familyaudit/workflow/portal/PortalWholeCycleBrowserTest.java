package it.familyaudit.workflow.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import it.familyaudit.workflow.monitoring.MonitoringRepository;
import it.familyaudit.workflow.support.ApiDriver;
import it.familyaudit.workflow.support.MonitoringApiDriver;
import it.familyaudit.workflow.support.PortalBrowserTestBase;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A new organisation from its application to its certificate through the portal only, in a real
 * browser (Debian's headless Chromium): each role signs in with the form, finds its task on the
 * certification's page, fills the task's form and completes it; the working group builds its plan
 * in the plan editor. No call to the API, no Tasklist: the organisation and its users are the only
 * thing set up beforehand; then, a year on, the first monitoring round's four steps. axe-core checks
 * every task page as it is shown.
 *
 * <p>Needs {@code /usr/bin/chromium}, {@code /usr/bin/chromedriver} and axe-core in
 * {@code .ci/axe/node_modules}; skipped without them, except when {@code CI=true}.
 */
class PortalWholeCycleBrowserTest extends PortalBrowserTestBase {

    private static final Pattern CERTIFICATION_PAGE = Pattern.compile("/certificazioni/(\\d+)(?:[?#].*)?$");

    private final List<String> problems = new ArrayList<>();

    @Autowired
    MonitoringRepository rounds;

    @Test
    void aNewOrganisationGoesFromItsApplicationToItsCertificateAndItsFirstYearThroughThePortalOnly() throws Exception {
        ApiDriver d = newDriver(); // the organisation and its three users only: no cycle started
        String today = ApiDriver.today();

        // 1. The referent starts the certification from the home page.
        signIn(d.referent);
        browser.get(url("/"));
        assertThat(text()).contains("Avviare un nuovo percorso");
        press(By.linkText("Avviare un nuovo percorso"));
        waitFor(b -> b.getCurrentUrl().contains("/certificazioni/nuova"), "the page to start a cycle");
        problems.addAll(checkShown(d.referent, "/certificazioni/nuova"));
        choose(browser.findElement(By.id("tipo-CERTIFICATION")));
        tick(By.id("campo-conferma"));
        press(By.xpath("//input[@id='campo-conferma']/ancestor::form//button[@type='submit']"));
        waitFor(b -> CERTIFICATION_PAGE.matcher(b.getCurrentUrl()).find(), "the new certification's page");
        Matcher m = CERTIFICATION_PAGE.matcher(browser.getCurrentUrl());
        assertThat(m.find()).isTrue();
        String certification = "/certificazioni/" + m.group(1);
        problems.addAll(checkShown(d.referent, "certification (started)"));

        // 2. The application, from the certification's page.
        task(d.referent, certification, "Presentare la domanda", values(
                "scope", "whole", "employeesInvolved", "120", "internalActNumber", "DG 12/2026",
                "internalActDate", today, "referentName", "Giulia Bianchi",
                "referentEmail", "giulia.bianchi@example.it", "referentPhone", "+39 0583 4281"), true);

        // 3. Each role in turn.
        task("agency", certification, "Registrare il pagamento", values(
                "paymentNoticeNumber", "301000000000012345", "paymentDate", today, "amountPaid", "1000"), false);
        task("agency", certification, "Assegnare consulente e valutatore", values(
                "consultantId", "consultant", "evaluatorId", "evaluator"), false);
        task("consultant", certification, "Registrare il workshop di avvio", values(
                "workshopDate", today, "participants", "Segretario generale e dirigenti",
                "objectives", "Conciliare vita e lavoro", "fieldsOfAction", "Orari, lavoro agile",
                "workingGroupProfile", "Dodici persone rappresentative", "timetable", "Sei mesi"), false);
        workingGroup(d.manager, certification);
        task(d.referent, certification, "Aprire la campagna del questionario", values(
                "opensOn", today, "closesOn", LocalDate.parse(today).plusDays(14).toString(),
                "employeesInvited", "120", "invitationMode", "link"), false);
        task(d.referent, certification, "Raccolta delle risposte in corso", values("closeNow", "true"), false);
        plan(d.workingGroup, certification);
        task(d.workingGroup, certification, "Redigere il piano aziendale", values(
                "planSummary", "Flessibilità e comunicazione interna", "changeNote", "Prima stesura"), false);
        task(d.manager, certification, "Approvare e firmare il piano", values(
                "planDecision", "approve", "signatoryName", "Marco Rossi", "signatoryRole", "Segretario generale"), false);
        task("evaluator", certification, "Registrare la visita di valutazione", values(
                "visitDate", today, "findings", "Requisiti soddisfatti", "reportText", "Rapporto di valutazione",
                "evaluationOutcome", "positive"), false);
        task("council", certification, "Decidere sulla certificazione", values(
                "councilDecision", "grant", "decisionDate", today, "motivation", "Piano adeguato"), false);

        // 4. The certificate on the referent's page, and the organisation in the public register.
        signIn(d.referent);
        browser.get(url(certification));
        problems.addAll(checkShown(d.referent, "certification (certified)"));
        assertThat(browser.findElements(By.cssSelector("a[href$='/certificato.pdf']")))
                .as("the certificate's link on " + certification + ": " + text()).isNotEmpty();
        assertThat(text()).contains("Certificato Family Audit", "Certificata", "Monitoraggio annuale\nin corso",
                "Nessuna attività aperta");
        signOut();
        browser.get(url("/registro"));
        problems.addAll(checkShown(null, "/registro"));
        assertThat(text()).as("the register").contains(d.organization.replace("org", "Comune di Prova "));

        // 5. A year on (the engine's clock moved, as time passes): the monitoring round opens by its
        // timer, and its four steps are done in the portal too.
        new MonitoringApiDriver(d, management, rounds).open(Long.parseLong(certification.replaceAll("\\D", "")));
        String later = ApiDriver.today();
        yearlyReport(d.referent, certification);
        task(d.manager, certification, "Approvare il rapporto di monitoraggio", values("reportDecision", "approve"),
                false);
        task("evaluator", certification, "Verificare il rapporto di monitoraggio", values(
                "auditDate", later, "findings", "Azioni avviate come previsto", "auditRecommendation", "confirm"), false);
        task("council", certification, "Decidere sulla conferma del certificato", values(
                "monitoringDecision", "confirm", "decisionDate", later, "motivation", "Esito del monitoraggio"), false);
        signIn(d.referent);
        browser.get(url(certification));
        assertThat(text()).as("the first year on " + certification).contains("Certificato confermato");
        signOut();

        // 6. No critical or serious violation on any page shown.
        assertThat(problems).as("axe-core: critical and serious violations").isEmpty();
    }

    /** The referent's yearly report: every action of the plan done, every indicator measured. */
    private void yearlyReport(String user, String certification) throws IOException {
        signIn(user);
        openTask(user, certification, "Compilare il rapporto di monitoraggio");
        Map<String, String> report = new LinkedHashMap<>();
        for (WebElement state : browser.findElements(By.cssSelector("select[name$='.state']"))) {
            report.put(state.getAttribute("name"), "done");
        }
        for (WebElement measured : browser.findElements(By.cssSelector("input[name$='.measuredValue']"))) {
            report.put(measured.getAttribute("name"), "25");
        }
        assertThat(report).as("the report's rows").isNotEmpty();
        fill(report);
        complete(user, "Compilare il rapporto di monitoraggio");
        signOut();
    }

    /** Signs in, opens the task from the certification's page, checks it, fills it, completes it, signs out. */
    private void task(String user, String certification, String taskName, Map<String, String> values,
                      boolean alreadySignedIn) throws IOException {
        if (!alreadySignedIn) {
            signIn(user);
        }
        openTask(user, certification, taskName);
        fill(values);
        complete(user, taskName);
        signOut();
    }

    private void openTask(String user, String certification, String taskName) throws IOException {
        browser.get(url(certification));
        List<WebElement> links = browser.findElements(By.cssSelector("a[aria-label='Svolgi: " + taskName + "']"));
        assertThat(links).as("%s: a link 'Svolgi' for '%s' on %s, which reads: %s", user, taskName, certification,
                text()).isNotEmpty();
        press(links.get(0));
        waitFor(b -> b.getCurrentUrl().contains("/attivita/"), "the task page of " + taskName);
        problems.addAll(checkShown(user, "task " + taskName));
    }

    private void complete(String user, String taskName) throws IOException {
        if (!browser.findElements(By.id("campo-conferma")).isEmpty()) {
            tick(By.id("campo-conferma"));
        }
        String before = browser.getCurrentUrl();
        press(By.cssSelector("#modulo button.btn-primary[type=submit]"));
        waitFor(b -> !b.getCurrentUrl().equals(before) || !b.findElements(By.id("errori")).isEmpty(),
                "the task " + taskName + " submitted");
        if (!browser.findElements(By.id("errori")).isEmpty()) {
            screenshot("portal-cycle-refused-" + taskName.replaceAll("[^A-Za-z]+", "-") + ".png");
            fail(user + " could not complete '" + taskName + "': " + browser.findElement(By.id("errori")).getText());
        }
        assertThat(text()).as("after '%s' by %s", taskName, user).contains("Attività completata");
    }

    /** The management forms the working group: five members, the rows added with the page's button. */
    private void workingGroup(String user, String certification) throws IOException {
        signIn(user);
        openTask(user, certification, "Costituire il gruppo di lavoro");
        String[][] members = {
            {"Sara Neri", "F", "30-39", "istruttori", "full-time-permanent"},
            {"Mario Blu", "M", "50-59", "funzionari", "part-time-permanent"},
            {"Anna Rosa", "F", "40-49", "operatori", "full-time-fixed"},
            {"Luca Verdi", "M", "under30", "istruttori", "full-time-permanent"},
            {"Ida Gialli", "F", "60plus", "dirigenza", "full-time-permanent"}};
        for (int i = 1; i < members.length; i++) {
            if (browser.findElements(By.name("members[" + i + "].memberName")).isEmpty()) {
                press(By.cssSelector("button[name=_aggiungi]"));
                int row = i;
                waitFor(b -> !b.findElements(By.name("members[" + row + "].memberName")).isEmpty(), "row " + i);
            }
        }
        problems.addAll(checkShown(user, "task Costituire il gruppo di lavoro (righe)"));
        for (int i = 0; i < members.length; i++) {
            String p = "members[" + i + "].";
            fill(values(p + "memberName", members[i][0], p + "memberRole", "Membro", p + "gender", members[i][1],
                    p + "ageBand", members[i][2], p + "jobCategory", members[i][3], p + "contractType", members[i][4]));
        }
        complete(user, "Costituire il gruppo di lavoro");
        signOut();
    }

    /** The working group builds a small plan in the editor: one field, one action with one indicator. */
    private void plan(String user, String certification) throws IOException {
        signIn(user);
        browser.get(url(certification));
        List<WebElement> edit = browser.findElements(By.linkText("Modifica il piano"));
        assertThat(edit).as("%s: 'Modifica il piano' on %s, which reads: %s", user, certification, text()).isNotEmpty();
        press(edit.get(0));
        waitFor(b -> b.getCurrentUrl().contains("/piano/bozza"), "the plan editor");
        problems.addAll(checkShown(user, "plan editor (empty)"));
        fill(values("title", "Piano Family Audit"));
        if (browser.findElements(By.id("p-fields-0-code")).isEmpty()) {
            press(By.id("p-fields"));
            waitFor(b -> !b.findElements(By.id("p-fields-0-code")).isEmpty(), "a field of the plan");
        }
        fill(values("fields[0].code", "1", "fields[0].name", "Organizzazione del lavoro"));
        // The editor offers the usual fields of investigation, each to have an action: a small plan keeps one.
        for (int guard = 0; guard < 20 && !browser.findElements(By.name("fields[1].code")).isEmpty(); guard++) {
            int fields = browser.findElements(By.cssSelector("input[name$='].code'][name^='fields[']")).size();
            press(By.cssSelector("button[name=_azione][value='campo-elimina:1']"));
            waitFor(b -> b.findElements(By.cssSelector("input[name$='].code'][name^='fields[']")).size() < fields,
                    "a field removed");
        }
        assertThat(browser.findElements(By.cssSelector("input[name$='].code'][name^='fields[']"))).hasSize(1);
        save();
        press(By.id("p-fields-0-add"));
        waitFor(b -> !b.findElements(By.id("p-actions-0-title")).isEmpty(), "an action of the plan");
        open("p-actions-0-title");
        if (browser.findElement(By.id("p-actions-0-code")).getAttribute("value").isBlank()) {
            fill(values("actions[0].code", "1.1"));
        }
        fill(values("actions[0].title", "Ripensare la flessibilità", "actions[0].owner", "Ufficio personale",
                "actions[0].budget", "1500", "actions[0].fundingLine", "Bilancio, capitolo formazione"));
        tick(By.id("p-actions-0-years-1"));
        tick(By.id("p-actions-0-years-2"));
        if (browser.findElements(By.id("p-actions-0-indicators-0-name")).isEmpty()) {
            press(By.id("p-actions-0-indicators"));
            waitFor(b -> !b.findElements(By.id("p-actions-0-indicators-0-name")).isEmpty(), "an indicator");
            open("p-actions-0-indicators-0-name");
        }
        fill(values("actions[0].indicators[0].name", "Dipendenti con orario flessibile",
                "actions[0].indicators[0].unit", "%", "actions[0].indicators[0].baseline", "10",
                "actions[0].indicators[0].targetYear1", "20", "actions[0].indicators[0].targetYear2", "35"));
        save();
        screenshot("portal-cycle-plan-editor.png");
        problems.addAll(checkShown(user, "plan editor (saved)"));
        assertThat(browser.findElements(By.id("errori"))).as("the plan saved: %s", text()).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#problemi li"))).as("what the plan still lacks: %s",
                browser.findElements(By.id("problemi")).stream().map(WebElement::getText).toList()).isEmpty();
        signOut();
    }

    private void save() {
        // A mark on the page shown, gone once the page the save answers with is loaded.
        browser.executeScript("window.__fa_stale = true");
        press(By.cssSelector("#piano button.btn-primary[value=salva]"));
        waitFor(b -> !Boolean.TRUE.equals(browser.executeScript("return window.__fa_stale === true")), "the plan saved");
    }

    /** Opens the details element an input is in. */
    private void open(String id) {
        browser.executeScript("const d = arguments[0].closest('details'); if (d) d.open = true;",
                browser.findElement(By.id(id)));
    }

    private static Map<String, String> values(String... pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return values;
    }

    /** Fills the inputs named by the keys as a user would: types, chooses, clicks; dates through their value. */
    private void fill(Map<String, String> values) {
        values.forEach((name, value) -> {
            List<WebElement> inputs = browser.findElements(By.name(name));
            assertThat(inputs).as("an input named %s on %s", name, browser.getCurrentUrl()).isNotEmpty();
            WebElement input = inputs.get(0);
            String type = String.valueOf(input.getAttribute("type"));
            browser.executeScript("const d = arguments[0].closest('details'); if (d) d.open = true;"
                    + " arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", input);
            if (input.getTagName().equals("select")) {
                new Select(input).selectByValue(value);
            } else if (type.equals("radio")) {
                choose(inputs.stream().filter(i -> value.equals(i.getAttribute("value"))).findFirst()
                        .orElseThrow(() -> new AssertionError("no choice " + value + " for " + name)));
            } else if (type.equals("checkbox")) {
                if (!input.isSelected()) {
                    choose(input);
                }
            } else if (type.equals("date")) {
                browser.executeScript("arguments[0].value = arguments[1];"
                        + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", input, value);
            } else {
                input.clear();
                input.sendKeys(value);
            }
        });
    }

    private void tick(By box) {
        WebElement input = browser.findElement(box);
        if (!input.isSelected()) {
            choose(input);
        }
    }

    /** Clicks a radio button or check box where a user does: on its label, which the kit draws over it. */
    private void choose(WebElement input) {
        String id = input.getAttribute("id");
        List<WebElement> labels = id == null || id.isEmpty() ? List.of()
                : browser.findElements(By.cssSelector("label[for='" + id + "']"));
        press(labels.isEmpty() ? input : labels.get(0));
        assertThat(input.isSelected()).as("%s chosen", id).isTrue();
    }

    private void press(By button) {
        press(browser.findElement(button));
    }

    /** Clicks as a user would, once in view (the kit scrolls smoothly, which a click mid-scroll misses). */
    private void press(WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }

    private void waitFor(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition, String what) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            fail("Waited in vain for " + what + " at " + browser.getCurrentUrl() + ", which reads: " + text());
        }
    }

    @Override
    protected String screenshotPrefix() {
        return "portal-cycle-";
    }

    private String text() {
        return browser.findElement(By.tagName("body")).getText();
    }
}
