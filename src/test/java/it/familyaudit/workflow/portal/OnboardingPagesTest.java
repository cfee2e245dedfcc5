package it.familyaudit.workflow.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.familyaudit.workflow.security.Roles;
import it.familyaudit.workflow.support.ApiTestBase;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The agency brings an organisation and its people in through the portal, and each person sets
 * their own password once with the link the agency hands on: who may open which page, what a
 * form with errors shows, what a link allows (once, until it expires, while it is the newest), what
 * the audit trail and the token table hold.
 */
class OnboardingPagesTest extends ApiTestBase {

    private static final String AGENCY = "agency";
    private static final String GOOD_PASSWORD = "una-password-lunga 7";
    private static final AtomicInteger VISITORS = new AtomicInteger();

    @Autowired
    JdbcClient db;

    @Test
    void theAgencyRegistersAnOrganisationAndAReferentWhoSetsAPasswordOnceAndSignsIn() throws Exception {
        String code = "onb-" + suffix();
        assertThat(page(AGENCY, "/")).contains("/ente/organizzazioni/nuova", "/ente/professionisti",
                "Registra un&#39;organizzazione");
        assertThat(page(AGENCY, "/ente/organizzazioni/nuova")).contains("Registra un&#39;organizzazione",
                "name=\"_csrf\"", "Comune");

        MockHttpServletResponse registered = send(AGENCY, post("/ente/organizzazioni/nuova").param("code", code)
                .param("name", "Comune di Prova").param("kind", "MUNICIPALITY"));
        assertThat(registered.getRedirectedUrl()).isEqualTo("/ente/organizzazioni/" + code);
        assertThat(identity.createTenantQuery().tenantId(code).singleResult().getName()).isEqualTo("Comune di Prova");
        assertThat(mvc.perform(get("/ente/organizzazioni/" + code).with(user(AGENCY)).flashAttr("registered", "Comune di Prova"))
                .andReturn().getResponse().getContentAsString()).contains("Organizzazione registrata",
                "Ora aggiungi le persone di Comune di Prova", "Nessuna persona registrata");

        String email = "maria." + suffix() + "@comune.example.it";
        IssuedLink link = addPerson("/ente/organizzazioni/" + code + "/persone", "Maria", "Rossi", email, Roles.REFERENT);
        String userId = link.userId();
        assertThat(userId).startsWith("m.rossi");
        assertThat(link.purpose()).isEqualTo("SET");
        assertThat(link.address()).startsWith("http://localhost/password/");
        User created = identity.createUserQuery().userId(userId).singleResult();
        assertThat(created.getEmail()).isEqualTo(email);
        assertThat(identity.createUserQuery().userId(userId).memberOfGroup(Roles.REFERENT).count()).isOne();
        assertThat(identity.createTenantQuery().userMember(userId).singleResult().getId()).isEqualTo(code);

        // The agency sees the link once, with its deadline; the organisation's page lists the person.
        String shown = linkPage(link);
        assertThat(shown).contains("Passa questo collegamento alla persona: vale fino al", "una sola volta",
                link.address(), userId, "Maria Rossi");
        assertThat(send(AGENCY, get("/ente/collegamento")).getRedirectedUrl()).isEqualTo("/");
        assertThat(page(AGENCY, "/ente/organizzazioni/" + code)).contains("Maria Rossi", email, "Referente interno",
                "Nuovo collegamento");

        // The person opens it without signing in, sets a password, and signs in with it.
        String token = tokenOf(link);
        MockHttpServletResponse form = anonymous(get("/password/" + token));
        assertThat(form.getStatus()).isEqualTo(200);
        assertThat(form.getContentAsString()).contains("Scegli la tua password", userId, "Almeno 10 caratteri");
        assertThat(form.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(form.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(mvc.perform(formLogin("/accedi").user(userId).password(GOOD_PASSWORD)).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo("/accedi?errore");

        MockHttpServletResponse set = setPassword(token, GOOD_PASSWORD, GOOD_PASSWORD);
        assertThat(set.getRedirectedUrl()).isEqualTo("/accedi?impostata&utente=" + userId);
        assertThat(set.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(anonymous(get("/accedi").param("impostata", "").param("utente", userId)).getContentAsString())
                .contains("Password impostata", "value=\"" + userId + "\"");
        mvc.perform(formLogin("/accedi").user(userId).password(GOOD_PASSWORD)).andExpect(authenticated().withUsername(userId));

        // Once only: the second use, to open or to send, gets the page for links that do not work.
        MockHttpServletResponse again = anonymous(get("/password/" + token));
        assertThat(again.getStatus()).isEqualTo(404);
        assertThat(again.getContentAsString()).contains("Collegamento non valido o scaduto");
        assertThat(setPassword(token, "un-altra-password 8", "un-altra-password 8").getStatus()).isEqualTo(404);
        mvc.perform(formLogin("/accedi").user(userId).password("un-altra-password 8")).andExpect(unauthenticated());
    }

    @Test
    void theAuditTrailNamesTheAgencyMemberWhoCreatedTheUserAndTheLink() throws Exception {
        String code = registeredOrganisation();
        IssuedLink link = addPerson("/ente/organizzazioni/" + code + "/persone", "Luca", "Bianchi",
                "luca." + suffix() + "@comune.example.it", Roles.MANAGEMENT);
        setPassword(tokenOf(link), GOOD_PASSWORD, GOOD_PASSWORD);

        List<String> events = db.sql("""
                SELECT actor, action, organization_code, detail FROM fa_audit_event WHERE subject = :user ORDER BY id
                """).param("user", link.userId())
                .query((rs, row) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4))
                .list();
        assertThat(events).hasSize(5);
        assertThat(events.get(0)).isEqualTo("agency USER_CREATED null null");
        assertThat(events.get(1)).isEqualTo("agency ROLE_GRANTED null ruolo management");
        assertThat(events.get(2)).isEqualTo("agency ORGANISATION_MEMBER_ADDED " + code + " utente");
        assertThat(events.get(3)).startsWith("agency PASSWORD_LINK_ISSUED " + code + " prima password, valido fino al ");
        assertThat(events.get(4)).isEqualTo(link.userId() + " PASSWORD_SET null prima password");
    }

    @Test
    void theTokenIsStoredOnlyAsItsHash() throws Exception {
        String code = registeredOrganisation();
        IssuedLink link = addPerson("/ente/organizzazioni/" + code + "/persone", "Sara", "Verdi",
                "sara." + suffix() + "@comune.example.it", Roles.WORKING_GROUP);
        String token = tokenOf(link);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Base64.getUrlDecoder().decode(token)));

        List<Map<String, Object>> rows = db.sql("SELECT * FROM fa_password_token WHERE user_id = :user")
                .param("user", link.userId()).query().listOfRows();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("TOKEN_HASH")).isEqualTo(hash);
        assertThat(rows.get(0).get("PURPOSE")).isEqualTo("SET");
        assertThat(rows.get(0).get("USED_AT")).isNull();
        String everything = db.sql("SELECT * FROM fa_password_token").query().listOfRows().toString();
        assertThat(everything).doesNotContain(token).doesNotContain(token.substring(0, 20));
        assertThat(token).hasSize(43);
    }

    @Test
    void anExpiredLinkGetsTheSamePageAsAnUnknownOneOrAUsedOne() throws Exception {
        String code = registeredOrganisation();
        IssuedLink link = addPerson("/ente/organizzazioni/" + code + "/persone", "Anna", "Neri",
                "anna." + suffix() + "@comune.example.it", Roles.REFERENT);
        String token = tokenOf(link);
        String unknown = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
        String notValid = anonymous(get("/password/" + unknown)).getContentAsString();
        assertThat(notValid).contains("Collegamento non valido o scaduto");

        // 72 hours by default: a minute before they are over the link works, a minute after it does not.
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(72).minusMinutes(1))));
        assertThat(anonymous(get("/password/" + token)).getStatus()).isEqualTo(200);
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(2))));
        MockHttpServletResponse expired = anonymous(get("/password/" + token));
        assertThat(expired.getStatus()).isEqualTo(404);
        assertThat(expired.getContentAsString()).isEqualTo(notValid);
        assertThat(setPassword(token, GOOD_PASSWORD, GOOD_PASSWORD).getContentAsString()).isEqualTo(notValid);
        assertThat(identity.checkPassword(link.userId(), GOOD_PASSWORD)).isFalse();
        // Not tokens at all, or a spelling of one that is never written (its last character carries stray bits).
        for (String malformed : List.of("abc", "A".repeat(500), "A".repeat(42) + "B")) {
            MockHttpServletResponse response = anonymous(get("/password/" + malformed));
            assertThat(response.getStatus()).as(malformed).isEqualTo(404);
            assertThat(response.getContentAsString()).isEqualTo(notValid);
        }
    }

    @Test
    void aWeakPasswordIsRefusedWithThePolicysOwnRulesAndTheLinkKeepsWorking() throws Exception {
        String code = registeredOrganisation();
        IssuedLink link = addPerson("/ente/organizzazioni/" + code + "/persone", "Paolo", "Galli",
                "paolo." + suffix() + "@comune.example.it", Roles.REFERENT);
        String token = tokenOf(link);

        MockHttpServletResponse weak = setPassword(token, "corta", "corta");
        assertThat(weak.getStatus()).isEqualTo(400);
        assertThat(weak.getContentAsString()).contains("Alcuni campi vanno corretti", "href=\"#password\"",
                "Almeno 10 caratteri", "Almeno un carattere che non sia una lettera", "aria-invalid=\"true\"")
                .doesNotContain("value=\"corta\"", "At least");
        assertThat(setPassword(token, link.userId(), link.userId()).getContentAsString()).contains("Diversa dal nome utente");
        assertThat(setPassword(token, GOOD_PASSWORD, "un-altra cosa 1").getContentAsString())
                .contains("Le due password non coincidono", "href=\"#repeated\"");
        assertThat(setPassword(token, "", "").getContentAsString()).contains("Nuova password: Obbligatoria");
        // In English, the policy's English words.
        assertThat(anonymous(post("/password/" + token).with(csrf()).param("lang", "en").param("password", "short")
                .param("repeated", "short")).getContentAsString())
                .contains("At least 10 characters").doesNotContain("Almeno 10 caratteri");

        assertThat(setPassword(token, GOOD_PASSWORD, GOOD_PASSWORD).getRedirectedUrl()).startsWith("/accedi?impostata");
        assertThat(identity.checkPassword(link.userId(), GOOD_PASSWORD)).isTrue();
    }

    @Test
    void aNewLinkReplacesTheOlderOneAndLiftsALockAfterFailedSignIns() throws Exception {
        String code = registeredOrganisation();
        IssuedLink first = addPerson("/ente/organizzazioni/" + code + "/persone", "Elena", "Conti",
                "elena." + suffix() + "@comune.example.it", Roles.WORKING_GROUP);
        setPassword(tokenOf(first), GOOD_PASSWORD, GOOD_PASSWORD);
        // A wrong password locks the account for a few seconds: the right one is refused meanwhile.
        assertThat(identity.checkPassword(first.userId(), "sbagliata-123")).isFalse();
        assertThat(identity.checkPassword(first.userId(), GOOD_PASSWORD)).isFalse();

        MvcResult reissued = mvc.perform(post("/ente/organizzazioni/" + code + "/persone/" + first.userId()
                + "/collegamento").with(user(AGENCY)).with(csrf())).andReturn();
        IssuedLink older = (IssuedLink) reissued.getFlashMap().get("link");
        assertThat(older.purpose()).isEqualTo("RESET");
        assertThat(linkPage(older)).contains("Nuovo collegamento creato");
        IssuedLink newest = (IssuedLink) mvc.perform(post("/ente/organizzazioni/" + code + "/persone/" + first.userId()
                + "/collegamento").with(user(AGENCY)).with(csrf())).andReturn().getFlashMap().get("link");
        assertThat(anonymous(get("/password/" + tokenOf(older))).getStatus()).isEqualTo(404);

        String renewed = "nuova-password-9";
        assertThat(setPassword(tokenOf(newest), renewed, renewed).getRedirectedUrl()).startsWith("/accedi?impostata");
        assertThat(identity.checkPassword(first.userId(), renewed)).isTrue();
    }

    @Test
    void theAgencyAddsConsultantsAndEvaluatorsButNeverTouchesTheAdministratorTheAgencyOrTheCouncil() throws Exception {
        IssuedLink evaluator = addPerson("/ente/professionisti", "Giorgio", "Marini",
                "giorgio." + suffix() + "@studio.example.it", Roles.EVALUATOR);
        assertThat(identity.createUserQuery().userId(evaluator.userId()).memberOfGroup(Roles.EVALUATOR).count()).isOne();
        assertThat(identity.createTenantQuery().userMember(evaluator.userId()).count()).isZero();
        assertThat(page(AGENCY, "/ente/professionisti")).contains("Giorgio Marini", "Valutatore", "Paolo Conti");

        String fake = "finto." + suffix() + "@example.it";
        MockHttpServletResponse asAdmin = send(AGENCY, post("/ente/professionisti").param("firstName", "Finto")
                .param("lastName", "Amministratore").param("email", fake).param("role", Roles.ADMIN));
        assertThat(asAdmin.getStatus()).isEqualTo(400);
        assertThat(asAdmin.getContentAsString()).contains("Scegliere uno dei ruoli proposti");
        MockHttpServletResponse referentAsProfessional = send(AGENCY, post("/ente/professionisti")
                .param("firstName", "Finto").param("lastName", "Referente").param("email", fake)
                .param("role", Roles.REFERENT));
        assertThat(referentAsProfessional.getStatus()).isEqualTo(400);
        assertThat(identity.createUserQuery().userEmail(fake).count()).isZero();

        for (String out : List.of("admin", "agency", "council")) {
            assertThat(send(AGENCY, post("/ente/professionisti/" + out + "/collegamento")).getStatus()).as(out)
                    .isEqualTo(403);
            assertThat(send(AGENCY, post("/ente/organizzazioni/capannori/persone/" + out + "/collegamento")).getStatus())
                    .as(out).isEqualTo(403);
        }
        assertThat(send(AGENCY, post("/ente/professionisti/nobody-" + suffix() + "/collegamento")).getStatus())
                .isEqualTo(404);
        assertThat(db.sql("SELECT COUNT(*) FROM fa_password_token WHERE user_id IN ('admin', 'agency', 'council')")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aTakenCodeABadEmailAndMissingFieldsAreFieldErrorsWithWhatWasTyped() throws Exception {
        MockHttpServletResponse taken = send(AGENCY, post("/ente/organizzazioni/nuova").param("code", "capannori")
                .param("name", "Un altro Comune").param("kind", "MUNICIPALITY"));
        assertThat(taken.getStatus()).isEqualTo(409);
        assertThat(taken.getContentAsString()).contains("Codice: Questo codice è già di un&#39;organizzazione registrata",
                "href=\"#code\"", "id=\"code-errore\"", "value=\"Un altro Comune\"", "aria-invalid=\"true\"");

        MockHttpServletResponse bad = send(AGENCY, post("/ente/organizzazioni/nuova").param("code", "Ab cd!")
                .param("name", "").param("kind", "CASTLE"));
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString()).contains("href=\"#code\"", "href=\"#name\"", "href=\"#kind\"",
                "Da 2 a 63 caratteri", "value=\"ab cd!\"");

        String code = registeredOrganisation();
        MockHttpServletResponse badEmail = send(AGENCY, post("/ente/organizzazioni/" + code + "/persone")
                .param("firstName", "Marta").param("lastName", "Fontana").param("email", "marta-at-comune")
                .param("role", Roles.REFERENT));
        assertThat(badEmail.getStatus()).isEqualTo(400);
        assertThat(badEmail.getContentAsString()).contains("E-mail: Indirizzo e-mail non valido", "href=\"#email\"",
                "value=\"Marta\"", "value=\"Fontana\"", "value=\"marta-at-comune\"");
        assertThat(identity.createUserQuery().userLastName("Fontana").memberOfTenant(code).count()).isZero();

        MockHttpServletResponse empty = send(AGENCY, post("/ente/organizzazioni/" + code + "/persone"));
        assertThat(empty.getContentAsString()).contains("href=\"#firstName\"", "href=\"#lastName\"", "href=\"#email\"",
                "href=\"#role\"");

        // The same address twice is most likely the same person twice.
        String email = "doppio." + suffix() + "@comune.example.it";
        addPerson("/ente/organizzazioni/" + code + "/persone", "Dario", "Doppio", email, Roles.REFERENT);
        MockHttpServletResponse twice = send(AGENCY, post("/ente/organizzazioni/" + code + "/persone")
                .param("firstName", "Dario").param("lastName", "Doppio").param("email", email.toUpperCase())
                .param("role", Roles.MANAGEMENT));
        assertThat(twice.getContentAsString()).contains("Questo indirizzo è già di una persona registrata");
        assertThat(send(AGENCY, get("/ente/organizzazioni/unknown-" + suffix())).getStatus()).isEqualTo(404);
    }

    @Test
    void everyAgencyPageIsTheAgencysAloneAndAVisitorIsSentToSignIn() throws Exception {
        String code = registeredOrganisation();
        List<String> wrong = new ArrayList<>();
        for (String who : List.of("referent", "management", "working-group", "consultant", "evaluator", "council",
                "admin")) {
            for (MockHttpServletRequestBuilder page : agencyPages(code)) {
                MockHttpServletResponse response = mvc.perform(page.with(user(who)).with(csrf())).andReturn().getResponse();
                if (response.getStatus() != 403) {
                    wrong.add(who + " " + response.getStatus() + " " + response.getRedirectedUrl());
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(send("referent", get("/ente/professionisti")).getContentAsString())
                .contains("Solo l&#39;ente di certificazione registra organizzazioni e persone");
        for (MockHttpServletRequestBuilder page : agencyPages(code)) {
            MockHttpServletResponse response = mvc.perform(page.with(csrf())).andReturn().getResponse();
            assertThat(response.getStatus()).isEqualTo(302);
            assertThat(response.getRedirectedUrl()).endsWith("/accedi");
        }
        // A form without its token is refused even to the agency.
        assertThat(mvc.perform(post("/ente/organizzazioni/nuova").with(user(AGENCY)).param("code", "z-" + suffix())
                .param("name", "Z").param("kind", "OTHER")).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(identity.createUserQuery().userFirstName("X").count()).isZero();
    }

    @Test
    void guessingLinksIsSlowedDown() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i <= PasswordLinkThrottle.PER_MINUTE; i++) {
            statuses.add(mvc.perform(get("/password/" + UUID.randomUUID()).with(r -> {
                r.setRemoteAddr("192.0.2.61");
                return r;
            })).andReturn().getResponse().getStatus());
        }
        assertThat(statuses.subList(0, PasswordLinkThrottle.PER_MINUTE)).containsOnly(404);
        assertThat(statuses.get(PasswordLinkThrottle.PER_MINUTE)).isEqualTo(429);
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** Every page and form of the agency's, as new requests (a request builder keeps what it was given). */
    private static List<MockHttpServletRequestBuilder> agencyPages(String code) {
        return List.of(get("/ente/organizzazioni/nuova"), get("/ente/organizzazioni/" + code),
                get("/ente/professionisti"), get("/ente/collegamento"),
                post("/ente/organizzazioni/nuova").param("code", "x-" + suffix()).param("name", "X").param("kind", "OTHER"),
                post("/ente/organizzazioni/" + code + "/persone").param("firstName", "X").param("lastName", "Y")
                        .param("email", "x." + suffix() + "@example.it").param("role", Roles.REFERENT),
                post("/ente/organizzazioni/capannori/persone/referent/collegamento"),
                post("/ente/professionisti").param("firstName", "X").param("lastName", "Y")
                        .param("email", "y." + suffix() + "@example.it").param("role", Roles.CONSULTANT),
                post("/ente/professionisti/consultant/collegamento"));
    }

    /** Adds a person through the agency's form and answers the link the next page shows. */
    private IssuedLink addPerson(String action, String firstName, String lastName, String email, String role)
            throws Exception {
        MvcResult result = mvc.perform(post(action).with(user(AGENCY)).with(csrf()).param("firstName", firstName)
                .param("lastName", lastName).param("email", email).param("role", role)).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).as(result.getResponse().getContentAsString())
                .isEqualTo("/ente/collegamento");
        return (IssuedLink) result.getFlashMap().get("link");
    }

    private String linkPage(IssuedLink link) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/ente/collegamento").with(user(AGENCY))
                .flashAttr("link", link)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private String registeredOrganisation() throws Exception {
        String code = "onb-" + suffix();
        assertThat(send(AGENCY, post("/ente/organizzazioni/nuova").param("code", code).param("name", "Comune " + code)
                .param("kind", "MUNICIPALITY")).getStatus()).isEqualTo(302);
        return code;
    }

    private MockHttpServletResponse setPassword(String token, String password, String repeated) throws Exception {
        return anonymous(post("/password/" + token).with(csrf()).param("password", password).param("repeated", repeated));
    }

    private static String tokenOf(IssuedLink link) {
        return link.address().substring(link.address().indexOf("/password/") + "/password/".length());
    }

    private String page(String who, String path) throws Exception {
        MockHttpServletResponse response = send(who, get(path));
        assertThat(response.getStatus()).as(path).isIn(200, 404);
        return response.getContentAsString();
    }

    private MockHttpServletResponse send(String who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(who)).with(csrf())).andReturn().getResponse();
    }

    /**
     * A visitor's request, each from an address of its own: the guessing limit counts per address,
     * and the tests' own requests must not use it up.
     */
    private MockHttpServletResponse anonymous(MockHttpServletRequestBuilder request) throws Exception {
        int n = VISITORS.incrementAndGet();
        String address = "10.77." + (n / 250) % 250 + "." + n % 250;
        return mvc.perform(request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        })).andReturn().getResponse();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
