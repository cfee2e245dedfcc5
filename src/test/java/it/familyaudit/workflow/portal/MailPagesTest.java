package it.familyaudit.workflow.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.mail.MailPreference;
import it.familyaudit.workflow.mail.MailPreferences;
import it.familyaudit.workflow.mail.Outbox;
import it.familyaudit.workflow.mail.OutboxMail;
import it.familyaudit.workflow.support.PortalTestBase;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The two pages of mail: each person's preferences (address, immediate or daily, language, news and
 * escalations), saved and read back, refused all at once and beside each field without changing anything;
 * and the agency's outbox, which only the agency opens, with a mail sent again or refused with its reason.
 */
class MailPagesTest extends PortalTestBase {

    private static final String AGENCY = "agency";
    private static final Pattern ROW = Pattern.compile("<tr>\\s*<th scope=\"row\">");

    @Autowired
    MailPreferences preferences;
    @Autowired
    Outbox outbox;
    @Autowired
    JdbcClient db;

    @Test
    void aPersonChangesAddressDeliveryLanguageAndNewsAndReadsThemBack() throws Exception {
        String who = driver.referent;
        String page = html(who, "/preferenze");
        assertThat(page).contains("Le tue preferenze per le e-mail", "name=\"_csrf\"", "value=\"" + who + "@example.test\"",
                "alle ore 07:00 (ora italiana)", "Italiano (con l&#39;inglese sotto)", "Nuova attività da svolgere",
                "Certificato rilasciato", "href=\"/preferenze\"");
        assertThat(checked(page, "delivery-immediate")).isTrue();
        assertThat(checked(page, "language-it")).isTrue();
        assertThat(checked(page, "news")).isTrue();
        assertThat(checked(page, "escalations")).isTrue();

        String address = "nuovo." + suffix() + "@comune.example.it";
        MockHttpServletResponse saved = send(who, post("/preferenze").param("email", "  " + address.toUpperCase() + " ")
                .param("delivery", "daily").param("language", "en"));
        assertThat(saved.getStatus()).isEqualTo(303);
        assertThat(saved.getRedirectedUrl()).isEqualTo("/preferenze");
        assertThat(preferences.of(who)).isEqualTo(new MailPreference(who, true, "en", false, false));
        assertThat(identity.createUserQuery().userId(who).singleResult().getEmail()).isEqualTo(address);
        assertThat(db.sql("SELECT actor || ' ' || action FROM fa_audit_event WHERE subject = :who AND action = 'EMAIL_CHANGED'")
                .param("who", who).query(String.class).list()).containsExactly(who + " EMAIL_CHANGED");

        String after = mvc.perform(get("/preferenze").with(user(who)).flashAttr("saved", true)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(after).contains("Preferenze salvate.", "value=\"" + address + "\"");
        assertThat(checked(after, "delivery-daily")).isTrue();
        assertThat(checked(after, "delivery-immediate")).isFalse();
        assertThat(checked(after, "language-en")).isTrue();
        assertThat(checked(after, "news")).isFalse();
        assertThat(checked(after, "escalations")).isFalse();

        // Back to immediate mail, with news and escalations: the same address again changes nothing.
        assertThat(send(who, post("/preferenze").param("email", address).param("delivery", "immediate")
                .param("language", "it").param("news", "true").param("escalations", "true")).getStatus()).isEqualTo(303);
        assertThat(preferences.of(who)).isEqualTo(new MailPreference(who, false, "it", true, true));
        assertThat(db.sql("SELECT COUNT(*) FROM fa_audit_event WHERE subject = :who AND action = 'EMAIL_CHANGED'")
                .param("who", who).query(Integer.class).single()).isOne();
        assertThat(html(who, "/preferenze?lang=en")).contains("Your e-mail preferences", "at 07:00 (Italian time)",
                "E-mail preferences");
    }

    @Test
    void aBadAddressIsAnErrorAtTheTopAndBesideTheFieldAndChangesNothing() throws Exception {
        String who = driver.referent;
        String before = who + "@example.test";
        MailPreference saved = preferences.of(who);
        String someoneElses = driver.manager + "@example.test";
        List<String> wrong = new ArrayList<>();
        for (String typed : List.of("maria@", "a".repeat(390) + "@comune.it", someoneElses.toUpperCase(), "  ")) {
            MockHttpServletResponse refused = send(who, post("/preferenze").param("email", typed)
                    .param("delivery", "daily").param("language", "en").param("escalations", "true"));
            String page = refused.getContentAsString(StandardCharsets.UTF_8);
            if (refused.getStatus() != 400 || !page.contains("Alcuni campi vanno corretti")
                    || !page.contains("<a href=\"#email\">E-mail: ") || !page.contains("id=\"email-errore\"")
                    || !page.contains("aria-invalid=\"true\"") || !page.contains("value=\"" + typed + "\"")
                    || !page.contains("<title>Errore: Le tue preferenze per le e-mail")) {
                wrong.add(typed + ": " + refused.getStatus());
            }
            // What else was chosen is kept for the next try.
            assertThat(checked(page, "delivery-daily")).as(typed).isTrue();
            assertThat(checked(page, "language-en")).as(typed).isTrue();
            assertThat(checked(page, "news")).as(typed).isFalse();
        }
        assertThat(wrong).isEmpty();
        assertThat(send(who, post("/preferenze").param("email", "maria@").param("delivery", "daily").param("language", "en"))
                .getContentAsString(StandardCharsets.UTF_8)).contains("Indirizzo e-mail non valido");
        assertThat(send(who, post("/preferenze").param("email", someoneElses).param("delivery", "daily")
                .param("language", "en")).getContentAsString(StandardCharsets.UTF_8))
                .contains("Questo indirizzo è già di un&#39;altra persona registrata");
        assertThat(send(who, post("/preferenze").param("email", "").param("delivery", "daily").param("language", "en"))
                .getContentAsString(StandardCharsets.UTF_8)).contains("E-mail: Obbligatorio");

        // Every error at once, each a link to its field; in English for whoever reads English.
        String all = send(who, post("/preferenze").param("lang", "en").param("email", "maria@")
                .param("delivery", "weekly").param("language", "fr")).getContentAsString(StandardCharsets.UTF_8);
        assertThat(all).contains("href=\"#email\"", "href=\"#delivery\"", "href=\"#language\"", "id=\"delivery-errore\"",
                "id=\"language-errore\"", "Not a valid e-mail address", "Choose one of the options offered")
                .doesNotContain("Indirizzo e-mail non valido");

        assertThat(identity.createUserQuery().userId(who).singleResult().getEmail()).isEqualTo(before);
        assertThat(preferences.of(who)).isEqualTo(saved);
        // A form without its token is refused.
        assertThat(mvc.perform(post("/preferenze").with(user(who)).param("email", "x." + suffix() + "@example.it")
                .param("delivery", "daily").param("language", "it")).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(identity.createUserQuery().userId(who).singleResult().getEmail()).isEqualTo(before);
    }

    @Test
    void theAgencysEscalationsCannotBeTurnedOffOthersCan() throws Exception {
        MailPreference kept = preferences.of(AGENCY);
        try {
            String page = html(AGENCY, "/preferenze");
            assertThat(page).contains("All&#39;ente di certificazione queste segnalazioni arrivano sempre");
            assertThat(tag(page, "escalations")).contains("disabled", "checked");

            String email = identity.createUserQuery().userId(AGENCY).singleResult().getEmail();
            assertThat(send(AGENCY, post("/preferenze").param("email", email).param("delivery", "immediate")
                    .param("language", "it").param("escalations", "false")).getStatus()).isEqualTo(303);
            assertThat(preferences.of(AGENCY).escalations()).isTrue();
            assertThat(preferences.of(AGENCY).news()).isFalse();
            assertThat(tag(html(AGENCY, "/preferenze"), "escalations")).contains("disabled", "checked");
        } finally {
            preferences.save(kept);
        }

        String manager = driver.manager;
        assertThat(tag(html(manager, "/preferenze"), "escalations")).doesNotContain("disabled");
        send(manager, post("/preferenze").param("email", manager + "@example.test").param("delivery", "immediate")
                .param("language", "it").param("news", "true"));
        assertThat(preferences.of(manager).escalations()).isFalse();
        assertThat(preferences.of(manager).news()).isTrue();
    }

    @Test
    void anAddressFromTheSingleSignOnIsShownButNotChangedHere() throws Exception {
        String id = "sso" + suffix();
        User sso = identity.newUser(id);
        sso.setFirstName("Ada");
        sso.setLastName("Sso");
        sso.setEmail(id + "@idp.example.test");
        identity.saveUser(sso);
        try {
            String page = html(id, "/preferenze");
            assertThat(page).contains("viene dal sistema di accesso unico", "value=\"" + id + "@idp.example.test\"");
            assertThat(tag(page, "email")).contains("readonly").doesNotContain("name=");
            assertThat(send(id, post("/preferenze").param("email", "altro." + suffix() + "@example.it")
                    .param("delivery", "daily").param("language", "it")).getStatus()).isEqualTo(303);
            assertThat(identity.createUserQuery().userId(id).singleResult().getEmail()).isEqualTo(id + "@idp.example.test");
            assertThat(preferences.of(id).digest()).isTrue();
        } finally {
            identity.deleteUser(id);
        }
    }

    @Test
    void aVisitorIsSentToSignInAndTheHeaderLinksThePreferences() throws Exception {
        for (MockHttpServletRequestBuilder request : List.of(get("/preferenze"), post("/preferenze").with(csrf()),
                get("/ente/posta"), post("/ente/posta/1/invia").with(csrf()))) {
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            assertThat(response.getStatus()).isEqualTo(302);
            assertThat(response.getRedirectedUrl()).endsWith("/accedi");
        }
        assertThat(html(driver.workingGroup, "/")).contains("href=\"/preferenze\"", "Preferenze e-mail");
        assertThat(html(null, "/")).doesNotContain("href=\"/preferenze\"");
    }

    @Test
    void onlyTheAgencyOpensTheOutbox() throws Exception {
        long id = mail("FAILED", "x@example.test", "Oggetto " + suffix(), null);
        List<String> wrong = new ArrayList<>();
        for (String who : List.of("referent", "management", "working-group", "consultant", "evaluator", "council",
                "admin", driver.referent)) {
            for (MockHttpServletRequestBuilder request : List.of(get("/ente/posta"), post("/ente/posta/" + id + "/invia"))) {
                int status = send(who, request).getStatus();
                if (status != 403) {
                    wrong.add(who + " " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(send("referent", get("/ente/posta")).getContentAsString(StandardCharsets.UTF_8))
                .contains("Solo l&#39;ente di certificazione vede la posta in uscita");
        assertThat(outbox.byId(id).orElseThrow().status()).isEqualTo("FAILED");
        assertThat(html(AGENCY, "/")).contains("href=\"/ente/posta\"", "Posta in uscita");
    }

    @Test
    void theAgencySeesAFailedMailAndSendsItAgain() throws Exception {
        String subject = "[Family Audit] Da fare: prova " + suffix();
        long id = mail("FAILED", driver.referent + "@example.test", subject,
                "Connessione rifiutata dal server / Connection refused by the server");

        String list = html(AGENCY, "/ente/posta?stato=FAILED");
        String row = row(list, subject);
        assertThat(row).contains("Utente " + driver.referent, driver.referent + "@example.test", "Nuova attività da svolgere",
                "Non inviata", "Connessione rifiutata dal server", "Invia di nuovo", "/ente/posta/" + id + "/invia",
                "name=\"stato\" value=\"FAILED\"", "name=\"_csrf\"").doesNotContain("Connection refused");
        assertThat(list).contains("<option value=\"FAILED\" selected=\"selected\">Non inviata (");
        assertThat(row(html(AGENCY, "/ente/posta?stato=FAILED&lang=en"), subject))
                .contains("Not sent", "Connection refused by the server", "New task to do", "Send again");

        MvcResult resent = mvc.perform(post("/ente/posta/" + id + "/invia").param("stato", "FAILED").param("pagina", "1")
                .with(user(AGENCY)).with(csrf())).andReturn();
        assertThat(resent.getResponse().getStatus()).isEqualTo(303);
        assertThat(resent.getResponse().getRedirectedUrl()).isEqualTo("/ente/posta?stato=FAILED");
        OutboxMail again = outbox.byId(id).orElseThrow();
        assertThat(again.status()).isEqualTo("PENDING");
        assertThat(again.resentBy()).isEqualTo(AGENCY);
        assertThat(again.attempts()).isZero();
        assertThat(again.lastError()).isNull();

        String shown = follow(resent);
        assertThat(shown).contains("è di nuovo in coda: partirà tra pochi istanti", subject)
                .doesNotContain(">" + subject + "<"); // filtered on FAILED, the mail is no longer listed
        assertThat(row(html(AGENCY, "/ente/posta?stato=PENDING"), subject)).contains("Da inviare",
                "inviata di nuovo da Chiara Ricci");
        assertThat(send(AGENCY, post("/ente/posta/987654321/invia")).getStatus()).isEqualTo(404);
    }

    @Test
    void aMailHeldForTheDigestOrWithoutAnAddressIsRefusedWithItsReason() throws Exception {
        String held = "Riepilogo in attesa " + suffix();
        long heldId = mail("HELD", driver.manager + "@example.test", held, null);
        MvcResult refused = mvc.perform(post("/ente/posta/" + heldId + "/invia").with(user(AGENCY)).with(csrf())).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(303);
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/ente/posta");
        assertThat(follow(refused)).contains("role=\"alert\"", "«" + held + "» per Utente " + driver.manager
                + " non si può inviare di nuovo: aspetta il riepilogo giornaliero");
        assertThat(outbox.byId(heldId).orElseThrow().status()).isEqualTo("HELD");

        String nowhere = "Senza indirizzo " + suffix();
        long nowhereId = mail("FAILED", null, nowhere, "Nessun indirizzo e-mail per questa persona / No e-mail address");
        MvcResult noAddress = mvc.perform(post("/ente/posta/" + nowhereId + "/invia").param("stato", "FAILED")
                .param("pagina", "2").with(user(AGENCY)).with(csrf())).andReturn();
        assertThat(noAddress.getResponse().getRedirectedUrl()).isEqualTo("/ente/posta?stato=FAILED&pagina=2");
        assertThat(follow(noAddress)).contains("non aveva un indirizzo e-mail");
        assertThat(row(html(AGENCY, "/ente/posta?stato=FAILED"), nowhere)).contains("nessun indirizzo");
        assertThat(outbox.byId(nowhereId).orElseThrow().status()).isEqualTo("FAILED");
    }

    @Test
    void theOutboxShowsFiftyMailsAPageTheNewestFirst() throws Exception {
        String batch = "Pagina " + suffix() + " n.";
        for (int i = 1; i <= 51; i++) {
            mail("LOGGED", "p@example.test", batch + i, null);
        }
        int total = outbox.count(null);
        int pages = (total + 49) / 50;
        String first = html(AGENCY, "/ente/posta");
        assertThat(rows(first)).isEqualTo(50);
        assertThat(first).contains(italian(total) + " e-mail.", "E-mail, pagina 1 di " + pages, "href=\"/ente/posta?pagina=2\"");
        assertThat(first.indexOf(batch + "51<")).isPositive().isLessThan(first.indexOf(batch + "50<"));
        assertThat(first).doesNotContain(batch + "1<");
        String second = html(AGENCY, "/ente/posta?pagina=2");
        assertThat(second).contains(batch + "1<", "E-mail, pagina 2 di " + pages);
        assertThat(rows(second)).isEqualTo(Math.min(50, total - 50));
        // A page past the last shows the last; an unknown status shows them all.
        assertThat(html(AGENCY, "/ente/posta?pagina=" + (pages + 5))).contains("pagina " + pages + " di " + pages);
        assertThat(html(AGENCY, "/ente/posta?stato=NONSENSE")).contains(italian(total) + " e-mail.");
        String logged = html(AGENCY, "/ente/posta?stato=LOGGED");
        assertThat(logged).contains(italian(outbox.count("LOGGED")) + " e-mail.", "Solo nel log (nessun server di posta)");
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** A count as the Italian page writes it: 3.671 (the database holds every other test's mail too). */
    private static String italian(int count) {
        return java.text.NumberFormat.getIntegerInstance(java.util.Locale.ITALIAN).format(count);
    }

    /** A mail written straight into the outbox, as the writers would, for a task opened. */
    private long mail(String status, String address, String subject, String error) {
        String key = "test:" + UUID.randomUUID();
        Timestamp now = Timestamp.from(EngineTime.now());
        db.sql("""
                INSERT INTO fa_mail_outbox (idem_key, kind, recipient_id, address, language, subject, params, status,
                                            attempts, next_attempt_at, last_error, created_at)
                VALUES (:key, 'TASK_OPENED', :recipient, :address, 'it', :subject, '{}', :status, :attempts, :now,
                        :error, :now)
                """).param("key", key).param("recipient", address == null ? driver.workingGroup
                        : address.substring(0, address.indexOf('@'))).param("address", address).param("subject", subject)
                .param("status", status).param("attempts", "FAILED".equals(status) ? 10 : 0).param("now", now)
                .param("error", error).update();
        return db.sql("SELECT id FROM fa_mail_outbox WHERE idem_key = :key").param("key", key).query(Long.class).single();
    }

    /** The table row that holds this text. */
    private static String row(String page, String text) {
        int at = page.indexOf(text);
        assertThat(at).as("a row with " + text).isPositive();
        int start = page.lastIndexOf("<tr>", at);
        return page.substring(start, page.indexOf("</tr>", at));
    }

    private static int rows(String page) {
        Matcher m = ROW.matcher(page);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The opening tag of the input with this id. */
    private static String tag(String page, String id) {
        int at = page.indexOf("id=\"" + id + "\"");
        assertThat(at).as("an input " + id).isPositive();
        return page.substring(page.lastIndexOf("<input", at), page.indexOf(">", at) + 1);
    }

    private static boolean checked(String page, String id) {
        return tag(page, id).contains("checked");
    }

    /** The page a redirect leads to, with what it carried over. */
    private String follow(MvcResult redirect) throws Exception {
        return mvc.perform(get(redirect.getResponse().getRedirectedUrl()).with(user(AGENCY))
                .flashAttrs(redirect.getFlashMap())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse send(String who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(who)).with(csrf())).andReturn().getResponse();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
