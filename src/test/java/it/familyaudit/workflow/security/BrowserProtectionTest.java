package it.familyaudit.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import it.familyaudit.workflow.support.ApiDriver;
import it.familyaudit.workflow.support.HttpTestBase;
import it.familyaudit.workflow.support.WebappSession;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * What a browser is told to protect the user: security headers on every response, the webapps'
 * cookies, their CSRF token, and an API that never opens a session.
 */
class BrowserProtectionTest extends HttpTestBase {

    private static final String HSTS = "Strict-Transport-Security";
    private static final String LOGIN = "/camunda/api/admin/auth/user/default/login/tasklist";
    private static final String TASKLIST = "/camunda/app/tasklist/default/";

    @Autowired
    TaskService tasks;

    @Test
    void everyResponseOfOursCarriesTheBrowserProtections() throws Exception {
        Map<String, HttpRequest.Builder> requests = new LinkedHashMap<>();
        requests.put("start page", request("/"));
        requests.put("index.html", request("/index.html"));
        requests.put("its stylesheet", request("/index.css"));
        requests.put("API", request("/api/tasks", "referent", "referent-demo"));
        requests.put("API without credentials", request("/api/tasks"));
        requests.put("API, unknown certification", request("/api/certifications/987654321", "agency", "agency-demo"));
        requests.put("API, bad JSON", request("/api/certifications", "referent", "referent-demo")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{")));
        requests.put("engine REST", asAdmin("/engine-rest/task/count"));
        requests.put("error page", request("/error"));
        requests.put("anything else", request("/somewhere/else"));
        for (Map.Entry<String, HttpRequest.Builder> r : requests.entrySet()) {
            HttpResponse<String> response = send(r.getValue());
            String what = r.getKey() + " (" + response.statusCode() + ")";
            assertThat(header(response, "Content-Security-Policy")).as(what).contains(SecurityConfig.CONTENT_SECURITY_POLICY);
            assertThat(SecurityConfig.CONTENT_SECURITY_POLICY).contains("default-src 'self'", "frame-ancestors 'self'",
                    "object-src 'none'", "base-uri 'self'");
            assertThat(header(response, "X-Content-Type-Options")).as(what).contains("nosniff");
            assertThat(header(response, "X-Frame-Options")).as(what).contains("SAMEORIGIN");
            assertThat(header(response, "Referrer-Policy")).as(what).contains("same-origin");
            assertThat(header(response, HSTS)).as(what + ": plain HTTP gets no HSTS").isEmpty();
        }
    }

    @Test
    void theWebappsKeepTheirOwnContentSecurityPolicy() throws Exception {
        HttpResponse<String> tasklist = send(request(TASKLIST));

        assertThat(tasklist.statusCode()).isEqualTo(200);
        String policy = header(tasklist, "Content-Security-Policy").orElseThrow();
        assertThat(policy).isNotEqualTo(SecurityConfig.CONTENT_SECURITY_POLICY).contains("nonce-");
        assertThat(tasklist.headers().allValues("Content-Security-Policy")).hasSize(1);
        assertThat(header(tasklist, "X-Content-Type-Options")).contains("nosniff");
        assertThat(header(tasklist, "Referrer-Policy")).contains("same-origin");
    }

    @Test
    void hstsOnlyWhenTheRequestCameOverTls() throws Exception {
        for (String path : List.of("/index.html", TASKLIST)) {
            assertThat(header(send(request(path).header("X-Forwarded-Proto", "https")), HSTS)).as(path)
                    .contains("max-age=31536000 ; includeSubDomains");
            assertThat(header(send(request(path)), HSTS)).as(path).isEmpty();
        }
        assertThat(header(send(request("/api/tasks", "referent", "referent-demo").header("X-Forwarded-Proto", "https")),
                HSTS)).isPresent();

        MockHttpServletResponse direct = mvc.perform(get("/api/tasks").secure(true)
                .with(httpBasic("referent", "referent-demo"))).andReturn().getResponse();
        assertThat(direct.getHeader(HSTS)).isEqualTo("max-age=31536000 ; includeSubDomains");
    }

    @Test
    void webappCookiesAreHttpOnlySameSiteAndSecureOverTls() throws Exception {
        Map<String, String> plain = WebappSession.setCookies(send(request(TASKLIST)));
        assertThat(plain).containsKeys("JSESSIONID", "XSRF-TOKEN");
        assertThat(attributes(plain.get("JSESSIONID"))).contains("httponly", "samesite=lax").doesNotContain("secure")
                .doesNotHaveDuplicates();
        assertThat(attributes(plain.get("XSRF-TOKEN"))).contains("samesite=lax").doesNotContain("secure");

        Map<String, String> behindTls = WebappSession.setCookies(send(request(TASKLIST).header("X-Forwarded-Proto", "https")));
        assertThat(attributes(behindTls.get("JSESSIONID"))).contains("httponly", "samesite=lax", "secure");
        assertThat(attributes(behindTls.get("XSRF-TOKEN"))).contains("samesite=lax", "secure");
    }

    @Test
    void theApiAndTheEngineRestApiNeverOpenASession() throws Exception {
        ApiDriver driver = newDriver();
        for (HttpRequest.Builder r : List.of(request("/api/tasks", driver.referent, ApiDriver.PASSWORD),
                request("/api/tasks"), request("/api/certifications", driver.referent, ApiDriver.PASSWORD)
                        .POST(HttpRequest.BodyPublishers.noBody()),
                asAdmin("/engine-rest/task/count"), request("/swagger-ui/index.html", "agency", "agency-demo"))) {
            HttpResponse<String> response = send(r);
            assertThat(response.headers().allValues("Set-Cookie")).as(response.request().uri() + " " + response.statusCode())
                    .isEmpty();
        }
    }

    @Test
    void aWebappChangeWithoutTheCsrfTokenIsRefused() throws Exception {
        ApiDriver driver = newDriver();
        driver.start();
        String task = driver.taskId(driver.referent, "SubmitApplicationTask");
        String claim = "/camunda/api/engine/engine/default/task/" + task + "/claim";
        String me = "{\"userId\":\"" + driver.referent + "\"}";

        WebappSession forged = new WebappSession(port);
        forged.open(TASKLIST);
        HttpResponse<String> forgedLogin = forged.post(WebappSession.LOGIN,
                WebappSession.credentials(driver.referent, ApiDriver.PASSWORD), false);
        assertThat(forgedLogin.statusCode()).as("login without the token").isEqualTo(403);
        assertThat(header(forgedLogin, "X-XSRF-TOKEN")).as("Camunda's CSRF filter refused it").contains("Required");

        HttpResponse<String> noToken = signedIn(driver.referent).post(claim, me, false);
        assertThat(noToken.statusCode()).as("claim without the token").isEqualTo(403);
        assertThat(header(noToken, "X-XSRF-TOKEN")).contains("Required");
        assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();

        WebappSession guessing = signedIn(driver.referent);
        guessing.useToken("0123456789ABCDEF0123456789ABCDEF");
        assertThat(guessing.post(claim, me, true).statusCode()).as("claim with a wrong token").isEqualTo(403);
        assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();

        assertThat(signedIn(driver.referent).post(claim, me, true).statusCode()).as("claim with the token").isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo(driver.referent);
    }

    private WebappSession signedIn(String user) throws Exception {
        return WebappSession.signedIn(port, user, ApiDriver.passwordOf(user));
    }

    private static List<String> attributes(String setCookie) {
        assertThat(setCookie).isNotNull();
        List<String> attributes = new ArrayList<>();
        String[] parts = setCookie.split(";");
        for (int i = 1; i < parts.length; i++) {
            attributes.add(parts[i].trim().toLowerCase());
        }
        return attributes;
    }

    private static Optional<String> header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name);
    }
}
