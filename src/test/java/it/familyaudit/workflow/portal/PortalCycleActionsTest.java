package it.familyaudit.workflow.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import it.familyaudit.workflow.support.ApiDriver;
import it.familyaudit.workflow.support.PortalTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Withdrawal and the revision of an approved plan, each on its page with a confirmation: nothing
 * happens without it, field errors come back with what was typed, the services' rules decide.
 */
class PortalCycleActionsTest extends PortalTestBase {

    @Test
    void aRevisionIsOpenedSubmittedAndDecidedInThePortal() throws Exception {
        long id = driver.runToCertificate();
        String page = "/certificazioni/" + id;
        assertThat(html(driver.referent, page)).contains("Aprire una revisione del piano")
                .doesNotContain("Ritirare l&#39;organizzazione");
        assertThat(html("evaluator", page)).doesNotContain("Aprire una revisione del piano");
        assertThat(open("evaluator", get(page + "/piano/revisione")).getStatus()).isEqualTo(403);

        // Without the confirmation nothing opens.
        MockHttpServletResponse unconfirmed = open(driver.referent, post(page + "/piano/revisione"));
        assertThat(unconfirmed.getStatus()).isEqualTo(400);
        assertThat(unconfirmed.getContentAsString()).contains("Spuntare la conferma", "href=\"#campo-conferma\"");
        assertThat(html(driver.referent, page)).doesNotContain("versione 2");

        MockHttpServletResponse opened = open(driver.referent, post(page + "/piano/revisione").param("conferma", "si"));
        assertThat(opened.getStatus()).isEqualTo(302);
        assertThat(opened.getRedirectedUrl()).isEqualTo(page + "?versione=2#piano");
        assertThat(html(driver.referent, page)).contains("Presentare la revisione alla direzione", "versione 2 (bozza)");

        // What changed is required: the error comes back with the summary typed.
        MockHttpServletResponse missing = open(driver.referent, post(page + "/piano/revisione/presentazione")
                .param("summary", "Nuovi orari <estivi>").param("conferma", "si"));
        assertThat(missing.getStatus()).isEqualTo(400);
        assertThat(missing.getContentAsString()).contains("Descrivere le modifiche", "Nuovi orari &lt;estivi&gt;",
                "aria-invalid=\"true\"");
        assertThat(open(driver.referent, post(page + "/piano/revisione/presentazione").param("conferma", "si")
                .param("changeNote", "Orari estivi per tutti")).getStatus()).isEqualTo(302);

        // Management decides it: approving needs a signatory.
        assertThat(html(driver.manager, page)).contains("Decidere sulla revisione del piano");
        String decision = page + "/piano/versioni/2/decisione";
        assertThat(html(driver.manager, decision)).contains("Versione 2: presentata, in attesa di decisione");
        MockHttpServletResponse unsigned = open(driver.manager, post(decision).param("decision", "approve")
                .param("conferma", "si"));
        assertThat(unsigned.getStatus()).isEqualTo(400);
        assertThat(unsigned.getContentAsString()).contains("Indicare chi firma il piano", "checked");
        assertThat(open(driver.manager, post(decision).param("decision", "approve").param("signatoryName", "Anna Bianchi")
                .param("signatoryRole", "Sindaca").param("conferma", "si")).getStatus()).isEqualTo(302);
        assertThat(html(driver.referent, page)).contains("versione 2 (approvata)", "Aprire una revisione del piano");
        // Deciding again is the state's refusal, as a page.
        assertThat(open(driver.manager, post(decision).param("decision", "reject").param("note", "no")
                .param("conferma", "si")).getStatus()).isEqualTo(409);
    }

    @Test
    void theOrganisationWithdrawsAfterConfirmingItWithAReason() throws Exception {
        long id = driver.start();
        String page = "/certificazioni/" + id;
        assertThat(html(driver.referent, page)).contains("Ritirare l&#39;organizzazione dal percorso");
        assertThat(open(driver.workingGroup, get(page + "/ritiro")).getStatus()).isEqualTo(403);
        assertThat(open("agency", post(page + "/ritiro").param("reason", "x").param("conferma", "si")).getStatus())
                .isEqualTo(403);
        ApiDriver other = new ApiDriver(mvc, json, identity, organizations, management);
        assertThat(open(other.referent, get(page + "/ritiro")).getStatus()).isEqualTo(404);

        MockHttpServletResponse noReason = open(driver.referent, post(page + "/ritiro").param("conferma", "si"));
        assertThat(noReason.getStatus()).isEqualTo(400);
        assertThat(noReason.getContentAsString()).contains("Campo obbligatorio", "href=\"#campo-reason\"");
        MockHttpServletResponse unconfirmed = open(driver.referent, post(page + "/ritiro").param("reason", "Riorganizzazione"));
        assertThat(unconfirmed.getContentAsString()).contains(">Riorganizzazione</textarea>");
        assertThat(driver.status(id).path("status").asText()).isEqualTo("ACTIVE");
        // Without the form's token nothing is sent.
        assertThat(mvc.perform(post(page + "/ritiro").param("reason", "x").param("conferma", "si")
                .with(user(driver.referent))).andReturn().getResponse().getStatus()).isEqualTo(403);

        MockHttpServletResponse done = open(driver.referent, post(page + "/ritiro").param("reason", "Riorganizzazione")
                .param("conferma", "si"));
        assertThat(done.getStatus()).isEqualTo(302);
        assertThat(driver.status(id).path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(html(driver.referent, page)).contains("Ritiro richiesto: Riorganizzazione")
                .doesNotContain("Ritirare l&#39;organizzazione dal percorso");
        assertThat(open(driver.referent, post(page + "/ritiro").param("reason", "ancora").param("conferma", "si"))
                .getStatus()).isEqualTo(409);
    }

    @Test
    void theReferentStartsTheOrganisationsCycleInThePortal() throws Exception {
        ApiDriver fresh = new ApiDriver(mvc, json, identity, organizations, management);
        assertThat(html(fresh.referent, "/")).contains("Avviare un nuovo percorso");
        assertThat(html(fresh.manager, "/")).doesNotContain("Avviare un nuovo percorso");
        assertThat(open(fresh.manager, get("/certificazioni/nuova")).getStatus()).isEqualTo(403);
        assertThat(html(fresh.referent, "/certificazioni/nuova")).contains("Mantenimento", "Consolidamento");

        assertThat(open(fresh.referent, post("/certificazioni/nuova").param("kind", "CERTIFICATION")).getStatus())
                .isEqualTo(400);
        // Maintenance needs a valid Executive: the service's refusal, as a page.
        MockHttpServletResponse refused = open(fresh.referent, post("/certificazioni/nuova").param("kind", "MAINTENANCE")
                .param("conferma", "si"));
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getContentAsString()).contains("Il mantenimento richiede un certificato Family Audit Executive");
        assertThat(open(fresh.referent, post("/certificazioni/nuova").param("kind", "NOPE").param("conferma", "si"))
                .getStatus()).isEqualTo(400);

        MockHttpServletResponse started = open(fresh.referent, post("/certificazioni/nuova")
                .param("kind", "CERTIFICATION").param("conferma", "si"));
        assertThat(started.getStatus()).isEqualTo(302);
        assertThat(html(fresh.referent, started.getRedirectedUrl())).contains("Presentare la domanda",
                "Certificazione avviata per");
        assertThat(html(fresh.referent, "/")).doesNotContain("Avviare un nuovo percorso");
        // A second cycle while one runs is refused.
        assertThat(open(fresh.referent, post("/certificazioni/nuova").param("kind", "CERTIFICATION")
                .param("conferma", "si")).getStatus()).isEqualTo(409);
    }

    private MockHttpServletResponse open(String who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(who)).with(csrf())).andReturn().getResponse();
    }
}
