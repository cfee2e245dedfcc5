package it.familyaudit.workflow.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal in a real browser (Debian's headless Chromium) with axe-core at hand: sign in and out
 * with the form, and check the page shown against WCAG 2.1 A and AA, keeping a screenshot of it in
 * {@code target/}.
 *
 * <p>Needs {@code /usr/bin/chromium}, {@code /usr/bin/chromedriver} and axe-core from npm in
 * {@code .ci/axe/node_modules} ({@code .ci/run} installs all three). Without them the tests are
 * skipped, except when {@code CI=true}, where they fail.
 */
public abstract class PortalBrowserTestBase extends HttpTestBase {

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
    protected static Path profiles;
    protected ChromeDriver browser;
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

    /** Opens the page and runs axe on it. */
    protected List<String> check(String user, String page) throws IOException {
        browser.get(url(page));
        return checkShown(user, page);
    }

    /** Runs axe on the page the browser shows now; its critical and serious violations, in words. */
    protected List<String> checkShown(String user, String page) throws IOException {
        assertThat(browser.getPageSource()).as(page).doesNotContain("Whitelabel", "Exception");
        // What a closed details element holds is not rendered, so axe would pass over it: open them all.
        browser.executeScript("document.querySelectorAll('details').forEach(d => d.open = true)");
        browser.executeScript(axe);
        JsonNode result = json.readTree((String) browser.executeAsyncScript(RUN_AXE));
        if (result.has("error")) {
            throw new IllegalStateException("axe failed on " + page + ": " + result.get("error").asText());
        }
        assertThat(result.path("passes").asInt()).as("axe checked " + page).isPositive();
        List<String> found = new ArrayList<>();
        for (JsonNode v : result.path("violations")) {
            if (BLOCKING.contains(v.path("impact").asText())) {
                found.add((user == null ? "anonymous" : user) + " " + page + ": " + v.path("id").asText() + " ("
                        + v.path("impact").asText() + ") " + v.path("help").asText() + " " + v.path("nodes"));
            }
        }
        screenshot(screenshotPrefix() + (user == null ? "public" : user) + page.replaceAll("[^A-Za-z0-9]+", "-")
                + ".png");
        return found;
    }

    /** What the screenshots of this test's pages are called by: {@code portal-} unless a test says otherwise. */
    protected String screenshotPrefix() {
        return "portal-";
    }

    /** Signs in with the portal's form and waits until the browser has left the sign-in page. */
    protected void signIn(String user) {
        browser.get(url("/accedi"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(ApiDriver.passwordOf(user));
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                b -> !b.getCurrentUrl().contains("/accedi") || b.getCurrentUrl().contains("errore"));
        assertThat(browser.getCurrentUrl()).as("signed in as " + user).doesNotContain("errore");
    }

    protected void signOut() {
        browser.findElement(By.cssSelector("header form[action='/esci'] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("uscita"));
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected void screenshot(String name) throws IOException {
        Files.createDirectories(TARGET);
        Files.write(TARGET.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }
}
