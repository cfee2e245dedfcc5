package it.familyaudit.workflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

/**
 * Camunda Tasklist in a real browser (Debian's headless Chromium), as an Italian referent uses it:
 * log in, open the group filter, claim "Presentare la domanda", see the Camunda Form in Italian,
 * have an entry that only the server refuses come back with the server's Italian message, then
 * complete the task and see the certification move on to the payment.
 *
 * <p>Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} ({@code apt-get install
 * chromium chromium-driver}; {@code .ci/run} installs them). Without them the test is skipped,
 * except when {@code CI=true}, where it fails. Selenium Manager never runs: the driver and the
 * browser are given by path, so nothing is downloaded.
 *
 * <p>On failure the page is saved to {@code target/tasklist-failure.html} and {@code .png};
 * {@code target/tasklist-form.png} shows the form as a person sees it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class TasklistBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path TARGET = Path.of("target");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String TASK_NAME = "Presentare la domanda";
    private static final String TASK_KEY = "SubmitApplicationTask";
    /** form-js formats dates by the browser's locale, which the test sets to Italian. */
    private static final DateTimeFormatter ITALIAN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /**
     * Selenium knows the DevTools protocol of a few Chrome versions only and warns about any other;
     * the test needs none of it. Held here: java.util.logging keeps loggers only weakly.
     */
    private static final List<Logger> QUIET_SELENIUM = Stream.of("org.openqa.selenium.devtools",
            "org.openqa.selenium.chromium").map(Logger::getLogger).toList();

    @TempDir
    static Path browserProfile;

    @LocalServerPort
    int port;
    @Autowired
    RestClient.Builder restClients;

    private ChromeDriver browser;
    private WebDriverWait wait;
    private RestClient api;

    @BeforeAll
    static void browserInstalled() {
        List<String> missing = Stream.of(CHROMIUM, CHROMEDRIVER)
                .filter(p -> !Files.isExecutable(p)).map(Path::toString).toList();
        if (missing.isEmpty()) {
            return;
        }
        String message = "Tasklist browser test needs Debian's chromium and chromium-driver, missing: " + missing
                + " (apt-get install -y chromium chromium-driver)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + "; CI=true, so this fails instead of being skipped");
        }
        Assumptions.abort(message);
    }

    @BeforeEach
    void startBrowser() throws IOException {
        api = restClients.clone().baseUrl("http://localhost:" + port).build();
        QUIET_SELENIUM.forEach(logger -> logger.setLevel(Level.SEVERE));

        // The driver and the browser by path: Selenium Manager has nothing to look up or download.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory(browserProfile, "chromium"),
                "--window-size=1400,1100", "--lang=it-IT");
        // Tasklist picks its language from navigator.languages.
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "it-IT,it"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        // Headless Chromium keeps en-US as its Intl locale whatever --lang says; form-js formats and
        // parses dates with it, so make it Italian as on an Italian desktop.
        browser.executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", "it-IT"));
        wait = new WebDriverWait(browser, TIMEOUT);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void referentSubmitsTheApplicationInItalianTasklist() throws IOException {
        Started started = startCertification();
        String taskId = openTaskId(started);
        try {
            logIn(started.referent());
            openGroupFilterAndTask(taskId);
            // Camunda 7.24 CE puts a "time to migrate" banner in the header; user-styles.css hides it.
            assertThat(browser.findElements(By.cssSelector("[cam-widget-header] .ce-eol-banner")))
                    .isNotEmpty().noneMatch(WebElement::isDisplayed);
            claim();

            // The Camunda Form, rendered by Tasklist's form-js, with the labels of submit-application.form.
            assertThat(label("Ambito della certificazione").isDisplayed()).isTrue();
            assertThat(label("Dipendenti coinvolti").isDisplayed()).isTrue();
            assertThat(label("Data dell'atto interno").isDisplayed()).isTrue();

            // 1. What form-js lets through but the server refuses: some units without naming
            //    them, and an internal act dated in the future.
            choose("Ambito della certificazione", "Alcune unità organizzative");
            type("Dipendenti coinvolti", "120");
            type("Numero dell'atto interno", "DG 12/2026");
            typeDate("Data dell'atto interno", today().plusYears(1));
            type("Nome e cognome del referente", "Giulia Bianchi");
            type("E-mail del referente", "giulia.bianchi@example.it");
            type("Telefono del referente", "+39 0583 4281");
            expectValues(Map.of("Dipendenti coinvolti", "120", "Numero dell'atto interno", "DG 12/2026",
                    "Data dell'atto interno", ITALIAN_DATE.format(today().plusYears(1)),
                    "E-mail del referente", "giulia.bianchi@example.it"));
            screenshot(TARGET.resolve("tasklist-form.png"));
            complete();

            // Tasklist shows the engine's 400 as a notification: its own Italian heading, our message.
            WebElement error = wait.until(visibilityOfElementLocated(By.xpath(
                    "//div[contains(@class,'page-notifications')]//div[contains(@class,'alert-danger')]"
                            + "[contains(., 'Dati non validi')]")));
            assertThat(error.getText())
                    .contains("Si è verificato un errore durante l'invio del modulo dell'attività")
                    .contains("Dati non validi")
                    .contains("Indicare le unità coinvolte")
                    .contains("La data non può essere nel futuro");
            // It covers the bottom of the form (and the Complete button): close it, as a person would.
            error.findElement(By.cssSelector("button.close[ng-click^='removeNotification']")).click();
            wait.until(ExpectedConditions.stalenessOf(error));
            assertThat(openTaskIds(started.referent())).as("the refused task stays open").contains(taskId);

            // 2. Corrected: the units named, the act dated today. (Not by choosing another scope:
            //    once Tasklist has called form-js's submit(), on Complete or Save, a select that
            //    has a value no longer opens until it is cleared with its cross.)
            type("Unità coinvolte", "Ufficio tecnico; Servizi sociali");
            typeDate("Data dell'atto interno", today());
            expectValues(Map.of("Dipendenti coinvolti", "120", "Numero dell'atto interno", "DG 12/2026",
                    "Data dell'atto interno", ITALIAN_DATE.format(today()),
                    "Unità coinvolte", "Ufficio tecnico; Servizi sociali"));
            complete();

            // Tasklist drops the completed task from the list and asks for the next one.
            wait.until(invisibilityOfElementLocated(taskLink(taskId)));
            wait.until(textToBePresentInElementLocated(By.cssSelector("body"), "Seleziona un'attività dall'elenco."));
            wait.until(b -> !openTaskIds(started.referent()).contains(taskId));
            String phase = wait.until(b -> {
                String p = certification(started.id()).path("phase").asText();
                return "PAYMENT".equals(p) ? p : null;
            });
            assertThat(phase).isEqualTo("PAYMENT");
        } catch (RuntimeException | AssertionError e) {
            keepEvidence();
            throw e;
        }
    }

    // --- The API side -----------------------------------------------------------------------------

    private record Started(long id, String referent) {
    }

    /**
     * Starts a certification for the demo municipality as its referent. Tests share the in-memory
     * database, so should that organisation already have an active certification, the second demo
     * organisation's referent starts one instead.
     */
    private Started startCertification() {
        StringBuilder refused = new StringBuilder();
        for (String referent : List.of("referent", "referent2")) {
            ResponseEntity<JsonNode> response = call(HttpMethod.POST, "/api/certifications", referent);
            if (response.getStatusCode().value() == 201) {
                return new Started(response.getBody().path("id").asLong(), referent);
            }
            refused.append(referent).append(": ").append(response.getStatusCode()).append(' ')
                    .append(response.getBody()).append('\n');
        }
        throw new AssertionError("No demo referent could start a certification:\n" + refused);
    }

    private String openTaskId(Started started) {
        for (JsonNode task : myTasks(started.referent())) {
            if (task.path("certificationId").asLong() == started.id() && TASK_KEY.equals(task.path("taskKey").asText())) {
                assertThat(task.path("name").asText()).isEqualTo(TASK_NAME);
                return task.path("id").asText();
            }
        }
        throw new AssertionError("No open " + TASK_KEY + " for certification " + started.id());
    }

    private List<String> openTaskIds(String user) {
        return myTasks(user).stream().map(t -> t.path("id").asText()).toList();
    }

    private List<JsonNode> myTasks(String user) {
        ResponseEntity<JsonNode> response = call(HttpMethod.GET, "/api/tasks?size=200", user);
        assertThat(response.getStatusCode().value()).as("GET /api/tasks as %s", user).isEqualTo(200);
        List<JsonNode> tasks = new ArrayList<>();
        response.getBody().path("tasks").forEach(tasks::add);
        return tasks;
    }

    private JsonNode certification(long id) {
        ResponseEntity<JsonNode> response = call(HttpMethod.GET, "/api/certifications/" + id, "agency");
        assertThat(response.getStatusCode().value()).as("GET certification %s as agency", id).isEqualTo(200);
        return response.getBody();
    }

    /** The demo users' password is their id followed by "-demo". */
    private ResponseEntity<JsonNode> call(HttpMethod method, String path, String user) {
        return api.method(method).uri(path)
                .headers(h -> h.setBasicAuth(user, user + "-demo"))
                .retrieve()
                .onStatus(status -> true, (request, response) -> { })
                .toEntity(JsonNode.class);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Rome"));
    }

    // --- The browser side -------------------------------------------------------------------------

    private void logIn(String user) {
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/");
        WebElement username = wait.until(visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
        // The Italian locale is in use from the login page on.
        assertThat(username.getAttribute("placeholder")).isEqualTo("Nome utente");
        username.sendKeys(user);
        browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(user + "-demo");
        browser.findElement(By.cssSelector("button[type='submit']")).click();
    }

    private void openGroupFilterAndTask(String taskId) {
        By groupFilter = By.xpath("//div[contains(@class,'task-filter')]//a[contains(., 'Attività del mio gruppo')]");
        wait.until(elementToBeClickable(groupFilter)).click();
        WebElement link = wait.until(elementToBeClickable(taskLink(taskId)));
        assertThat(link.getText().strip()).isEqualTo(TASK_NAME);
        link.click();
        wait.until(textToBePresentInElementLocated(By.cssSelector(".task-card h2.task"), TASK_NAME));
        // The form tab has rendered the Camunda Form.
        wait.until(visibilityOfElementLocated(By.cssSelector("form.fjs-form")));
    }

    private static By taskLink(String taskId) {
        return By.cssSelector("ol.tasks-list a[href='#/?task=" + taskId + "']");
    }

    /** Tasklist keeps the form read-only until the task is claimed. */
    private void claim() {
        wait.until(elementToBeClickable(By.xpath("//button[contains(@class,'claim')][normalize-space()='Prendi in carico']")))
                .click();
        wait.until(invisibilityOfElementLocated(By.cssSelector("[cam-tasklist-form] .disabled-form")));
    }

    private WebElement label(String text) {
        return wait.until(visibilityOfElementLocated(By.xpath(
                "//form[contains(@class,'fjs-form')]//label[starts-with(normalize-space(.), " + literal(text) + ")]")));
    }

    /** The input a form-js label belongs to. */
    private WebElement input(String label) {
        return browser.findElement(By.id(label(label).getAttribute("for")));
    }

    /**
     * Types into a form-js field and leaves it with Tab, as a person does. form-js debounces typing
     * and takes the value at once only on blur; typing into the next field before that lets a
     * re-render wipe what was typed.
     */
    private void type(String label, String value) {
        WebElement input = wait.until(elementToBeClickable(input(label)));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(value, Keys.TAB);
        wait.until(b -> value.equals(input.getDomProperty("value")));
    }

    /** form-js's date picker reads a typed date, in the browser locale's format, when the field loses focus. */
    private void typeDate(String label, LocalDate date) {
        type(label, ITALIAN_DATE.format(date));
    }

    /** What form-js shows in each field just before submitting: nothing typed got lost. */
    private void expectValues(Map<String, String> values) {
        new WebDriverWait(browser, TIMEOUT).withMessage("form values " + values).until(b -> values.entrySet().stream()
                .allMatch(e -> e.getValue().equals(input(e.getKey()).getDomProperty("value"))));
    }

    /**
     * form-js's select is a custom drop-down that a mouse-down toggles; when it still has the focus
     * from an earlier choice, the first click closes it instead. So click until it is open (as a
     * person would), then pick the option by its label.
     */
    private void choose(String label, String option) {
        String id = label(label).getAttribute("for");
        By display = By.id(id + "-display");
        By item = By.xpath("//div[contains(@class,'fjs-dropdownlist-item')][normalize-space()=" + literal(option) + "]");
        WebElement choice = wait.until(b -> {
            List<WebElement> shown = b.findElements(item).stream().filter(WebElement::isDisplayed).toList();
            if (shown.isEmpty()) {
                b.findElement(display).click();
                return null;
            }
            return shown.get(0);
        });
        choice.click();
        wait.until(textToBePresentInElementLocated(display, option));
    }

    private void complete() {
        WebElement button = wait.until(elementToBeClickable(By.xpath("//button[@type='submit'][normalize-space()='Completa']")));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
    }

    private void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    }

    private void keepEvidence() {
        try {
            Files.writeString(TARGET.resolve("tasklist-failure.html"), browser.getPageSource());
            screenshot(TARGET.resolve("tasklist-failure.png"));
        } catch (IOException | RuntimeException e) {
            // Evidence is a courtesy: the test's own failure is what matters.
        }
    }

    /** An XPath string literal for text that may hold an apostrophe. */
    private static String literal(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }
}
