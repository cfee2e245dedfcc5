package it.familyaudit.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import it.familyaudit.workflow.support.ApiDriver;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Single sign-on on: the API takes Bearer tokens of an OpenID Connect provider running in this
 * JVM (mock-oauth2-server), provisions the Camunda user from the claims and treats it like a local
 * user of the same roles and organisation.
 */
class OidcSingleSignOnTest extends SingleSignOnTestBase {

    @Autowired
    JdbcClient jdbc;

    ApiDriver driver;

    @BeforeEach
    void newOrganisation() {
        driver = newDriver();
    }

    @Test
    void aReferentTokenForARegisteredOrganisationSeesThatOrganisationsTasksOnly() throws Exception {
        driver.start();
        ApiDriver elsewhere = new ApiDriver(mvc, json, identity, organizations, management);
        elsewhere.start();
        String user = newUserId();

        JsonNode tasks = tasksOf(token(user, List.of("referent"), driver.organization));

        assertThat(tasks).isNotEmpty();
        assertThat(organisationCodes(tasks)).containsOnly(driver.organization);
        assertThat(taskKeys(tasks)).contains("SubmitApplicationTask");
        assertThat(identity.createUserQuery().userId(user).count()).isEqualTo(1);
        assertThat(groupsOf(user)).containsExactly("referent");
        assertThat(tenantsOf(user)).containsExactly(driver.organization);
        assertThat(jdbc.sql("SELECT action FROM fa_audit_event WHERE subject = :user").param("user", user)
                .query(String.class).list())
                .contains("USER_CREATED", "ROLE_GRANTED", "ORGANISATION_MEMBER_ADDED");
    }

    @Test
    void callsWithTheSameClaimsWithinTheCachePeriodWriteNothingAgain() throws Exception {
        String user = newUserId();
        String token = token(user, List.of("referent"), driver.organization);
        tasksOf(token);
        // An administrator removes the role in Camunda Admin: the cached provisioning does not undo it.
        identity.deleteMembership(user, "referent");

        tasksOf(token);

        assertThat(groupsOf(user)).isEmpty();
    }

    @Test
    void theProvisionedUserCanStartItsOrganisationsCertificationLikeALocalReferent() throws Exception {
        String user = newUserId();
        String token = token(user, List.of("referent"), driver.organization);

        MvcResult started = mvc.perform(post("/api/certifications").header("Authorization", "Bearer " + token)).andReturn();

        assertThat(started.getResponse().getStatus()).as(started.getResponse().getContentAsString()).isEqualTo(201);
        assertThat(taskKeys(tasksOf(token))).containsExactly("SubmitApplicationTask");
    }

    @Test
    void claimsNamingAnUnknownOrganisationGiveNoOrganisation() throws Exception {
        driver.start();
        String user = newUserId();
        String unknown = "unknown" + UUID.randomUUID().toString().substring(0, 8);

        JsonNode tasks = tasksOf(token(user, List.of("referent"), unknown));

        assertThat(tasks).isEmpty();
        assertThat(groupsOf(user)).containsExactly("referent");
        assertThat(tenantsOf(user)).isEmpty();
        assertThat(identity.createTenantQuery().tenantId(unknown).count()).isZero();
    }

    @Test
    void adminAndUnknownRolesInTheClaimAreNotGranted() throws Exception {
        String user = newUserId();
        String token = token(user, List.of("admin", "camunda-admin", "superuser", "management"), driver.organization);

        assertThat(status(get("/api/tasks"), token)).isEqualTo(200);
        assertThat(groupsOf(user)).containsExactly("management");
        assertThat(status(get("/engine-rest/user"), token)).isEqualTo(401);
    }

    @Test
    void tokensOfAnotherIssuerExpiredOrWithAlteredClaimsAreRefused() throws Exception {
        String user = newUserId();
        Map<String, Object> claims = claims(user, List.of("referent"), driver.organization);

        String otherIssuer = provider.issueToken("another-idp", user, "family-audit", claims, 3600).serialize();
        String expired = provider.issueToken(ISSUER, user, "family-audit", claims, -3600).serialize();
        String altered = alterClaims(provider.issueToken(ISSUER, user, "family-audit", claims, 3600).serialize(),
                claims(user, List.of("agency"), driver.organization));

        for (String token : List.of(otherIssuer, expired, altered, "not-a-token")) {
            MvcResult result = mvc.perform(get("/api/tasks").header("Authorization", "Bearer " + token)).andReturn();
            assertThat(result.getResponse().getStatus()).as(token).isEqualTo(401);
            assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
        }
        assertThat(identity.createUserQuery().userId(user).count()).isZero();
    }

    @Test
    void aTokenCannotTakeOverALocalUserWithAPassword() throws Exception {
        assertThat(status(get("/api/tasks"), token(driver.referent, List.of("referent"), driver.organization)))
                .isEqualTo(401);
        assertThat(status(get("/api/tasks"), token("admin", List.of("agency"), null))).isEqualTo(401);
        assertThat(groupsOf("admin")).doesNotContain("agency");
    }

    @Test
    void singleSignOnUsersHaveNoPasswordForHttpBasicAndLocalUsersKeepTheirs() throws Exception {
        String user = newUserId();
        tasksOf(token(user, List.of("referent"), driver.organization));

        assertThat(mvc.perform(get("/api/tasks").with(httpBasic(user, ""))).andReturn().getResponse()
                .getStatus()).isEqualTo(401);
        // After that failure the sign-in throttling holds the account back: refused either way.
        for (String password : List.of("guess", user)) {
            assertThat(mvc.perform(get("/api/tasks").with(httpBasic(user, password))).andReturn().getResponse()
                    .getStatus()).isIn(401, 429);
        }
        assertThat(mvc.perform(get("/api/tasks").with(httpBasic(driver.referent, ApiDriver.PASSWORD))).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void theWebappsLoginFormRefusesASingleSignOnUserWithoutAServerErrorAndStillTakesLocalUsers() throws Exception {
        String user = newUserId();
        tasksOf(token(user, List.of("referent"), driver.organization));

        assertThat(webappLogin(user, "guess").statusCode()).isEqualTo(401);
        assertThat(webappLogin(driver.referent, ApiDriver.PASSWORD).statusCode()).isEqualTo(200);
    }

    /** Tasklist's own login, as the browser sends it: a page first for the CSRF cookie, then the form. */
    private HttpResponse<String> webappLogin(String user, String password) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://localhost:" + port;
        http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        HttpRequest.Builder login = HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password));
        cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().ifPresent(token -> login.header("X-XSRF-TOKEN", token));
        return http.send(login.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void changedClaimsApplyAtTheNextCall() throws Exception {
        ApiDriver elsewhere = new ApiDriver(mvc, json, identity, organizations, management);
        String user = newUserId();
        tasksOf(token(user, List.of("referent"), driver.organization));

        tasksOf(token(user, List.of("management", "working-group"), elsewhere.organization));

        assertThat(groupsOf(user)).containsExactlyInAnyOrder("management", "working-group");
        assertThat(tenantsOf(user)).containsExactly(elsewhere.organization);
    }

    @Test
    void withoutTheUserIdClaimTheSubjectNamesTheUser() throws Exception {
        String subject = newUserId();
        Map<String, Object> claims = new HashMap<>(claims(subject, List.of("referent"), driver.organization));
        claims.remove("preferred_username");

        tasksOf(provider.issueToken(ISSUER, subject, "family-audit", claims, 3600).serialize());

        assertThat(tenantsOf(subject)).containsExactly(driver.organization);
    }

    // Helpers

    /** The provider signs with its own key; the subject is an opaque id, as real providers send it. */
    private static String token(String user, List<String> roles, String organisation) {
        return provider.issueToken(ISSUER, UUID.randomUUID().toString(), "family-audit",
                claims(user, roles, organisation), 3600).serialize();
    }

    /** The same header and signature over other claims: what a forger without the key could send. */
    private String alterClaims(String token, Map<String, Object> claims) throws Exception {
        String[] parts = token.split("\\.");
        Map<String, Object> payload = new HashMap<>(json.readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class));
        payload.putAll(claims);
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(json.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + forged + "." + parts[2];
    }

    private int status(MockHttpServletRequestBuilder request, String token)
            throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + token)).andReturn().getResponse().getStatus();
    }

    private JsonNode tasksOf(String token) throws Exception {
        MvcResult result = mvc.perform(get("/api/tasks?size=200").header("Authorization", "Bearer " + token)).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        return json.readTree(result.getResponse().getContentAsByteArray()).path("tasks");
    }

    private static List<String> organisationCodes(JsonNode tasks) {
        List<String> codes = new ArrayList<>();
        tasks.forEach(t -> codes.add(t.path("organizationCode").asText()));
        return codes;
    }

    private static List<String> taskKeys(JsonNode tasks) {
        List<String> keys = new ArrayList<>();
        tasks.forEach(t -> keys.add(t.path("taskKey").asText()));
        return keys;
    }
}
