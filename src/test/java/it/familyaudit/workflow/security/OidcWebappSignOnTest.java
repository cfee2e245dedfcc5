package it.familyaudit.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.familyaudit.workflow.support.ApiDriver;
import it.familyaudit.workflow.support.WebappSession;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Single sign-on in the Camunda webapps, over real HTTP as a browser goes through it: Tasklist's
 * sign-in address sends it to the provider, the provider's login form sends it back with a code,
 * and the application lands it in Tasklist, signed in like a local user of the same roles and
 * organisation.
 */
class OidcWebappSignOnTest extends SingleSignOnTestBase {

    private static final String SIGN_IN = "/oauth2/authorization/" + REGISTRATION;
    private static final String CALLBACK = "/login/oauth2/code/" + REGISTRATION;
    private static final String WHO_AM_I = "/camunda/api/admin/auth/user/default";
    private static final String LOGOUT = "/camunda/api/admin/auth/user/default/logout";
    private static final String TASKS = "/camunda/api/engine/engine/default/task?maxResults=1000";

    /** The browser's requests to the provider: its login form needs no cookie of ours. */
    private static final HttpClient TO_PROVIDER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Autowired
    TaskService tasks;

    @Test
    void aReferentSignsInThroughTheProviderAndTasklistShowsTheirOrganisationsTasksOnly() throws Exception {
        ApiDriver a = newDriver();
        ApiDriver b = newDriver();
        a.start();
        b.start();
        String user = newUserId();
        WebappSession browser = new WebappSession(port);
        // The portal's sign-in page offers the provider next to the form.
        assertThat(browser.open("/accedi").body()).contains("href=\"" + SIGN_IN + "\"", "Accedi con");

        HttpResponse<String> landed = signIn(browser, user, claims(user, List.of("referent"), a.organization));

        assertThat(landed.statusCode()).as(landed.body()).isEqualTo(302);
        // The portal's home, which lists the tasks as links into Tasklist: signed in there too.
        assertThat(location(landed)).isEqualTo("http://localhost:" + port + "/");
        assertThat(browser.open("/").body()).contains("Esci");
        assertThat(browser.open(WebappSession.TASKLIST).statusCode()).isEqualTo(200);
        JsonNode me = whoAmI(browser);
        assertThat(me.path("userId").asText()).isEqualTo(user);
        assertThat(apps(me)).contains("tasklist").doesNotContain("cockpit", "admin");
        assertThat(groupsOf(user)).containsExactly("referent");
        assertThat(tenantsOf(user)).containsExactly(a.organization);

        HttpResponse<String> visible = browser.open(TASKS);
        assertThat(visible.statusCode()).as(visible.body()).isEqualTo(200);
        Set<String> tenants = new HashSet<>();
        json.readTree(visible.body()).forEach(t -> tenants.add(t.path("tenantId").asText()));
        assertThat(tenants).containsExactly(a.organization);
    }

    @Test
    void theSignedInUserWorksInTasklistWithItsCsrfTokenAsBefore() throws Exception {
        ApiDriver a = newDriver();
        a.start();
        String task = a.taskId(a.referent, "SubmitApplicationTask");
        String user = newUserId();
        String claim = "/camunda/api/engine/engine/default/task/" + task + "/claim";
        String body = "{\"userId\":\"" + user + "\"}";

        HttpResponse<String> forged = signedIn(user, List.of("referent"), a.organization).post(claim, body, false);
        assertThat(forged.statusCode()).as("claim without the token").isEqualTo(403);
        assertThat(forged.headers().firstValue("X-XSRF-TOKEN")).as("Camunda's CSRF filter refused it").contains("Required");
        assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();

        HttpResponse<String> claimed = signedIn(user, List.of("referent"), a.organization).post(claim, body, true);
        assertThat(claimed.statusCode()).as("claim with the token: %s", claimed.body()).isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo(user);
    }

    @Test
    void theSignInAsksForACodeWithStateNonceAndPkceAndTheCodeCountsOnlyInTheSessionThatAskedForIt() throws Exception {
        WebappSession browser = new WebappSession(port);
        HttpResponse<String> toProvider = browser.open(SIGN_IN);

        assertThat(toProvider.statusCode()).isEqualTo(302);
        URI authorize = URI.create(location(toProvider));
        assertThat(authorize.toString()).startsWith(provider.authorizationEndpointUrl(ISSUER).toString());
        Map<String, String> query = query(authorize);
        assertThat(query).containsEntry("response_type", "code").containsEntry("client_id", CLIENT_ID)
                .containsEntry("redirect_uri", "http://localhost:" + port + CALLBACK)
                .containsEntry("code_challenge_method", "S256")
                .containsKeys("state", "nonce", "code_challenge");
        assertThat(query.get("scope").split(" ")).contains("openid");

        // Someone else's browser brings the code back: no session asked for it, nobody is signed in.
        String user = newUserId();
        URI callback = URI.create(location(submitLogin(authorize, user, claims(user, List.of("referent"), null))));
        WebappSession stranger = new WebappSession(port);
        HttpResponse<String> refused = stranger.open(callback.getRawPath() + "?" + callback.getRawQuery());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(refused.body()).contains("Accesso non riuscito", "Sign-in failed");
        assertThat(stranger.open(WHO_AM_I).statusCode()).as("not signed in").isEqualTo(404);
        assertThat(identity.createUserQuery().userId(user).count()).as("nobody provisioned").isZero();
    }

    @Test
    void anAddressNamingNoRegisteredProviderIsNotFound() throws Exception {
        HttpResponse<String> unknown = new WebappSession(port).open("/oauth2/authorization/nobody");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void claimsNamingALocalUserWithAPasswordAreRefusedWithAPageAndTheLocalUserIsUntouched() throws Exception {
        ApiDriver a = newDriver();
        for (String local : List.of(a.referent, "admin")) {
            List<String> groupsBefore = groupsOf(local);
            WebappSession browser = new WebappSession(port);

            HttpResponse<String> refused = signIn(browser, UUID.randomUUID().toString(),
                    claims(local, List.of("agency"), a.organization));

            assertThat(refused.statusCode()).as(local).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(refused.headers().firstValue("Content-Security-Policy"))
                    .contains(SecurityConfig.CONTENT_SECURITY_POLICY);
            assertThat(refused.body()).contains("Accesso non riuscito", "è un utente locale", "is a local user");
            assertThat(browser.open(WHO_AM_I).statusCode()).as("%s not signed in", local).isEqualTo(404);
            assertThat(groupsOf(local)).as(local).containsExactlyInAnyOrderElementsOf(groupsBefore);
        }
        // The local user's own way in still works.
        assertThat(whoAmI(WebappSession.signedIn(port, a.referent, ApiDriver.PASSWORD)).path("userId").asText())
                .isEqualTo(a.referent);
    }

    @Test
    void adminInTheRolesClaimGivesNoAdministratorRightsAndCockpitAndAdminStayClosed() throws Exception {
        ApiDriver a = newDriver();
        String user = newUserId();

        WebappSession browser = signedIn(user, List.of("admin", "camunda-admin", "referent"), a.organization);

        assertThat(groupsOf(user)).containsExactly("referent");
        assertThat(apps(whoAmI(browser))).contains("tasklist").doesNotContain("cockpit", "admin");
        assertThat(browser.open("/camunda/app/cockpit/default/").statusCode()).isEqualTo(403);
        assertThat(browser.open("/camunda/app/admin/default/").statusCode()).isEqualTo(403);
    }

    @Test
    void aUserWithoutAnyRoleIsToldToAskForOne() throws Exception {
        ApiDriver a = newDriver();
        String user = newUserId();
        WebappSession browser = new WebappSession(port);

        HttpResponse<String> refused = signIn(browser, user, claims(user, List.of(), a.organization));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("non ha un ruolo Family Audit", "has no Family Audit role");
        assertThat(browser.open(WHO_AM_I).statusCode()).isEqualTo(404);
    }

    @Test
    void logoutEndsTheSessionAndNeedsTheCsrfTokenAsBefore() throws Exception {
        ApiDriver a = newDriver();
        String user = newUserId();
        HttpResponse<String> forged = signedIn(user, List.of("referent"), a.organization).post(LOGOUT, "", false);
        assertThat(forged.statusCode()).as("logout without the token").isEqualTo(403);
        assertThat(forged.headers().firstValue("X-XSRF-TOKEN")).contains("Required");

        WebappSession browser = signedIn(user, List.of("referent"), a.organization);
        String session = browser.cookie("JSESSIONID");
        assertThat(browser.post(LOGOUT, "", true).statusCode()).isEqualTo(200);

        HttpResponse<String> tasklist = browser.open(WebappSession.TASKLIST);
        assertThat(WebappSession.setCookies(tasklist)).as("the old session is gone: a new one starts")
                .containsKey("JSESSIONID");
        assertThat(browser.cookie("JSESSIONID")).isNotEqualTo(session);
        assertThat(browser.open(WHO_AM_I).statusCode()).as("signed out").isEqualTo(404);
    }

    // Helpers

    /** Signed in and on Tasklist's page, which hands out the new session's CSRF token. */
    private WebappSession signedIn(String user, List<String> roles, String organisation) throws Exception {
        WebappSession browser = new WebappSession(port);
        HttpResponse<String> landed = signIn(browser, UUID.randomUUID().toString(), claims(user, roles, organisation));
        assertThat(landed.statusCode()).as(landed.body()).isEqualTo(302);
        assertThat(browser.open(WebappSession.TASKLIST).statusCode()).isEqualTo(200);
        return browser;
    }

    /**
     * The whole way, one redirect at a time: our sign-in address sends the browser to the provider,
     * the provider's login form sends it back with a code, and the answer to that is returned.
     */
    private HttpResponse<String> signIn(WebappSession browser, String subject, Map<String, Object> claims)
            throws Exception {
        HttpResponse<String> toProvider = browser.open(SIGN_IN);
        assertThat(toProvider.statusCode()).isEqualTo(302);
        URI callback = URI.create(location(submitLogin(URI.create(location(toProvider)), subject, claims)));
        assertThat(callback.getAuthority()).isEqualTo("localhost:" + port);
        assertThat(callback.getPath()).isEqualTo(CALLBACK);
        return browser.open(callback.getRawPath() + "?" + callback.getRawQuery());
    }

    /** mock-oauth2-server's login form, filled in as a person would: the user (subject) and the claims. */
    private HttpResponse<String> submitLogin(URI authorize, String subject, Map<String, Object> claims)
            throws Exception {
        String form = "username=" + URLEncoder.encode(subject, StandardCharsets.UTF_8)
                + "&claims=" + URLEncoder.encode(json.writeValueAsString(claims), StandardCharsets.UTF_8);
        HttpResponse<String> answer = TO_PROVIDER.send(HttpRequest.newBuilder(authorize)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        return answer;
    }

    private JsonNode whoAmI(WebappSession browser) throws Exception {
        HttpResponse<String> me = browser.open(WHO_AM_I);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        return json.readTree(me.body());
    }

    private static Set<String> apps(JsonNode authentication) {
        Set<String> apps = new HashSet<>();
        authentication.path("authorizedApps").forEach(app -> apps.add(app.asText()));
        return apps;
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                "no Location in the " + response.statusCode() + " answer to " + response.uri()));
    }

    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                        p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : ""));
    }
}
