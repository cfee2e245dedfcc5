package it.familyaudit.workflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import it.familyaudit.workflow.support.ApiDriver;
import it.familyaudit.workflow.support.HttpTestBase;
import it.familyaudit.workflow.support.WebappSession;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One sign-in for the portal and the Camunda webapps, as a browser meets it: the same session
 * cookie, a form with its CSRF token, logout from either side ending both.
 */
class PortalSignInTest extends HttpTestBase {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    /** Camunda's own answer to "who is signed in to the webapps". */
    private static final String WEBAPPS_USER = "/camunda/api/admin/auth/user/default";

    @Test
    void aVisitorSeesThePublicHomeAndIsSentToSignInForACertificationPage() throws Exception {
        WebappSession browser = new WebappSession(port);

        HttpResponse<String> home = browser.open("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("<html lang=\"it\"", "La certificazione Family Audit", "Verifica un certificato");

        HttpResponse<String> page = browser.open("/certificazioni/1");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/accedi");
    }

    @Test
    void oneSignInToThePortalAlsoOpensTasklist() throws Exception {
        ApiDriver driver = newDriver();
        driver.start();
        WebappSession browser = signedInToThePortal(driver.referent, ApiDriver.PASSWORD);

        HttpResponse<String> home = browser.open("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Comune di Prova", "Le tue attività", "Presentare la domanda");
        HttpResponse<String> webapps = browser.open(WEBAPPS_USER);
        assertThat(webapps.statusCode()).as(webapps.body()).isEqualTo(200);
        assertThat(json.readTree(webapps.body()).path("userId").asText()).isEqualTo(driver.referent);
    }

    @Test
    void aSignInToTasklistAlsoOpensThePortal() throws Exception {
        WebappSession browser = WebappSession.signedIn(port, "agency", "agency-demo");

        HttpResponse<String> home = browser.open("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Tutte le organizzazioni", "Comune di Capannori", "Esci");
    }

    @Test
    void signingOutOfThePortalSignsOutOfTasklistToo() throws Exception {
        WebappSession browser = signedInToThePortal("referent", "referent-demo");
        String token = csrf(browser.open("/").body());

        HttpResponse<String> out = browser.post("/esci", "_csrf=" + enc(token), false);
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/?uscita");
        assertThat(browser.open(WEBAPPS_USER).statusCode()).isIn(401, 403, 404);
        assertThat(browser.open("/certificazioni/1").statusCode()).isEqualTo(302);
    }

    @Test
    void signingOutOfTasklistSignsOutOfThePortalToo() throws Exception {
        WebappSession browser = signedInToThePortal("referent", "referent-demo");
        browser.open(WebappSession.TASKLIST);

        HttpResponse<String> out = browser.post("/camunda/api/admin/auth/user/default/logout", "", true);
        assertThat(out.statusCode()).isEqualTo(200);
        HttpResponse<String> home = browser.open("/");
        assertThat(home.body()).contains("Accedi allo sportello").doesNotContain("Le tue attività");
    }

    @Test
    void aWrongPasswordIsRefusedInItalianAndSignsNobodyIn() throws Exception {
        WebappSession browser = new WebappSession(port);
        String token = csrf(browser.open("/accedi").body());

        HttpResponse<String> refused = browser.post("/accedi", WebappSession.credentials("referent", "wrong-password")
                + "&_csrf=" + enc(token), false);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/accedi?errore");
        assertThat(browser.open("/accedi?errore").body()).contains("Nome utente o password non corretti");
        assertThat(browser.open("/certificazioni/1").statusCode()).isEqualTo(302);
    }

    @Test
    void aSignInWithoutTheFormsTokenIsRefused() throws Exception {
        WebappSession browser = new WebappSession(port);
        browser.open("/accedi");

        HttpResponse<String> forged = browser.post("/accedi", WebappSession.credentials("referent", "referent-demo"),
                false);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(browser.open(WEBAPPS_USER).statusCode()).isIn(401, 403, 404);
    }

    private WebappSession signedInToThePortal(String user, String password) throws Exception {
        WebappSession browser = new WebappSession(port);
        String token = csrf(browser.open("/accedi").body());
        HttpResponse<String> in = browser.post("/accedi", WebappSession.credentials(user, password)
                + "&_csrf=" + enc(token), false);
        assertThat(in.statusCode()).as("sign-in of %s", user).isEqualTo(302);
        assertThat(in.headers().firstValue("Location").orElseThrow()).doesNotContain("errore");
        return browser;
    }

    static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("the page's form carries a CSRF token").isTrue();
        return m.group(1);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
