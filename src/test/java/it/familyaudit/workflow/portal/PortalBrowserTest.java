package it.familyaudit.workflow.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import it.familyaudit.workflow.support.ApiDriver;
import it.familyaudit.workflow.support.HttpTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

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
class PortalBrowserTest extends HttpTestBase {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path AXE = Path.of(".ci/axe/node_modules/axe-core/axe.min.js");
    private static final Path TARGET = Path.of("target");
    private static final Set<String> BLOCKING = Set.of("critical", "serious");
    private static final List<Logger> QUIET_SELENIUM = Stream.of("org.openqa.selenium.devtools",
            "org.openqa.selenium.chromium").map(Logger::getLogger).toList();
    /** Runs axe on the page and answers its critical and serious violations as JSON. */
    private static final String RUN_AXE = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
              .then(r => done(JSON.stringify({passes: r.passes.length, violations: r.violations.map(v => ({id: v.id,
                  impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))})))
              .catch(e => done('{"error": "' + e + '"}'));
            """;

    @TempDir
    static Path profiles;
    private ChromeDriver browser;
    private String axe;

    @BeforeAll
    static void browserAndAxeInstalled() {
        List<String> missing = Stream.of(CHROMIUM, CHROMEDRIVER, AXE).filter(p -> !Files.isReadable(p))
                .map(Path::toString).toList();
        if (missing.isEmpty()) {
            return;
        }
        String message = "Portal browser test needs Debian's chromium and chromium-driver and axe-core from npm, missing: "
                + missing + " (apt-get install -y chromium chromium-driver; cd .ci/axe && npm ci)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + "; CI=true, so this fails instead of being skipped");
        }
        Assumptions.abort(message);
    }

    @BeforeEach
    void startBrowser() throws IOException {
        axe = Files.readString(AXE);
        QUIET_SELENIUM.forEach(logger -> logger.setLevel(Level.SEVERE));
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory(profiles, "chromium"), "--window-size=1280,1000");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void everyPortalPageHasNoCriticalOrSeriousAccessibilityViolationForAnyRole() throws Exception {
        ApiDriver certified = newDriver();
        long certifiedId = certified.runToCertificate();
        ApiDriver drafting = newDriver();
        long draftingId = drafting.runToPlanDrafting();
        List<String> publicPages = List.of("/", "/accedi", "/registro", "/verifica", "/verifica?codice=NONE",
                "/verifica?codice=ABCDEFGHJKLMNPQR", "/accessibilita", "/?lang=en", "/registro", "/?lang=it");
        List<String> problems = new ArrayList<>();
        for (String page : publicPages) {
            problems.addAll(check(null, page));
        }
        for (String user : List.of(drafting.referent, certified.manager, "consultant", "evaluator", "agency", "council",
                "admin", "referent")) {
            signIn(user);
            for (String page : List.of("/", "/certificazioni/" + certifiedId, "/certificazioni/" + draftingId,
                    "/certificazioni/987654321", "/?fase=PLAN_DRAFTING&ordina=DAYS_IN_PHASE&verso=desc")) {
                problems.addAll(check(user, page));
            }
            signOut();
        }
        assertThat(problems).as("axe-core: critical and serious violations").isEmpty();
    }

    @Test
    void atAPhonesWidthNoPageScrollsSideways() throws Exception {
        ApiDriver drafting = newDriver();
        long draftingId = drafting.runToPlanDrafting();
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
     * The agency's pages for bringing people in, with a form sent empty (its errors) and one that
     * adds a referent (the link shown once); then, signed out, the link's page, with a weak
     * password's errors, the sign-in page after the password is set, and the link used up. At a
     * phone's width none of the agency's pages scrolls sideways.
     */
    @Test
    void theAgencysPagesForBringingPeopleInAndTheSetPasswordPagesHaveNoCriticalOrSeriousViolation() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        List<String> agencyPages = List.of("/ente/organizzazioni/nuova", "/ente/organizzazioni/capannori",
                "/ente/professionisti");
        List<String> problems = new ArrayList<>();
        signIn("agency");
        problems.addAll(check("agency", "/"));
        for (String page : agencyPages) {
            problems.addAll(check("agency", page));
        }
        browser.get(url("/ente/organizzazioni/nuova"));
        press(By.cssSelector("form[action='/ente/organizzazioni/nuova'] button[type=submit]"));
        problems.addAll(checkHere("agency", "/ente/organizzazioni/nuova, sent empty"));
        browser.get(url("/ente/organizzazioni/capannori"));
        browser.findElement(By.id("firstName")).sendKeys("Ilaria");
        browser.findElement(By.id("lastName")).sendKeys("Browser");
        browser.findElement(By.id("email")).sendKeys("ilaria." + suffix + "@comune.example.it");
        new Select(browser.findElement(By.id("role"))).selectByValue("referent");
        press(By.cssSelector("form[action$='/persone'] button[type=submit]"));
        assertThat(browser.getCurrentUrl()).endsWith("/ente/collegamento");
        problems.addAll(checkHere("agency", "/ente/collegamento"));
        String address = browser.findElement(By.id("collegamento")).getDomProperty("value");
        browser.manage().window().setSize(new Dimension(390, 844));
        List<String> wide = new ArrayList<>();
        for (String page : agencyPages) {
            browser.get(url(page));
            wide.addAll(scrollsSideways("agency", page));
        }
        browser.manage().window().setSize(new Dimension(1280, 1000));
        signOut();

        String link = address.substring(address.indexOf("/password/"));
        problems.addAll(check(null, link));
        setPassword("corta");
        problems.addAll(checkHere(null, "/password/…, a weak password"));
        setPassword("una-password-lunga 7");
        assertThat(browser.getCurrentUrl()).contains("/accedi?impostata");
        problems.addAll(checkHere(null, "/accedi?impostata"));
        problems.addAll(check(null, link));
        assertThat(browser.getPageSource()).contains("Collegamento non valido o scaduto");
        assertThat(problems).as("axe-core: critical and serious violations").isEmpty();
        assertThat(wide).isEmpty();
    }

    private void setPassword(String password) {
        for (String field : List.of("password", "repeated")) {
            browser.findElement(By.id(field)).clear();
            browser.findElement(By.id(field)).sendKeys(password);
        }
        press(By.cssSelector("form[action^='/password/'] button[type=submit]"));
    }

    /**
     * Clicks a button after bringing it to the middle of the window at once (the kit scrolls
     * smoothly, and a click during the scroll lands elsewhere).
     */
    private void press(By button) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});",
                browser.findElement(button));
        browser.findElement(button).click();
    }

    private List<String> scrollsSideways(String user, String page) {
        long scroll = (Long) browser.executeScript("return document.documentElement.scrollWidth");
        long width = (Long) browser.executeScript("return document.documentElement.clientWidth");
        return scroll > width ? List.of(user + " " + page + ": " + scroll + " px in " + width) : List.of();
    }

    private List<String> check(String user, String page) throws IOException {
        browser.get(url(page));
        return checkHere(user, page);
    }

    /** Axe on the page the browser shows now (one reached by a form, which an address cannot open again). */
    private List<String> checkHere(String user, String page) throws IOException {
        assertThat(browser.getPageSource()).as(page).doesNotContain("Whitelabel", "Exception");
        browser.executeScript(axe);
        JsonNode result = json.readTree((String) browser.executeAsyncScript(RUN_AXE));
        if (result.has("error")) {
            throw new IllegalStateException("axe failed on " + page + ": " + result.get("error").asText());
        }
        assertThat(result.path("passes").asInt()).as("axe checked " + page).isPositive();
        JsonNode violations = result.path("violations");
        List<String> found = new ArrayList<>();
        for (JsonNode v : violations) {
            if (BLOCKING.contains(v.path("impact").asText())) {
                found.add((user == null ? "anonymous" : user) + " " + page + ": " + v.path("id").asText() + " ("
                        + v.path("impact").asText() + ") " + v.path("help").asText() + " " + v.path("nodes"));
            }
        }
        screenshot("portal-" + (user == null ? "public" : user) + page.replaceAll("[^a-z0-9]+", "-") + ".png");
        return found;
    }

    private void signIn(String user) {
        browser.get(url("/accedi"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(ApiDriver.passwordOf(user));
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(browser.getCurrentUrl()).as("signed in as " + user).doesNotContain("errore");
    }

    private void signOut() {
        browser.findElement(By.cssSelector("header form[action='/esci'] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("uscita"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(TARGET);
        Files.write(TARGET.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }
}
