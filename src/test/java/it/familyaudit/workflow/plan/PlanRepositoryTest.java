package it.familyaudit.workflow.plan;

import static org.assertj.core.api.Assertions.assertThat;

import it.familyaudit.workflow.support.ApiTestBase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

public class PlanRepositoryTest extends ApiTestBase {

    @Autowired
    PlanRepository plans;

    public static PlanContent twoActions() {
        List<PlanField> fields = List.of(new PlanField("1", "Organizzazione del lavoro"), new PlanField("2", "Comunicazione"));
        Indicator courses = new Indicator("Corsi realizzati", "n.", BigDecimal.ZERO, new BigDecimal("2"), null,
                new BigDecimal("6"));
        List<PlanAction> actions = List.of(
                new PlanAction("1.1", "1", "Ripensare la flessibilità", "descrizione", "obiettivo", "attività",
                        "Ufficio personale", "CUG", "Tutto il personale", new TreeSet<>(List.of(1, 3)),
                        LocalDate.of(2027, 12, 31), new BigDecimal("1500.00"), "Bilancio 2027", "F-3", "PTAP 5",
                        List.of(courses)),
                new PlanAction("2.1", "2", "La scatola dei suggerimenti", null, null, null, null, null, null,
                        new TreeSet<>(List.of(2)), null, null, null, null, null, List.of()));
        return new PlanContent(fields, actions);
    }

    @Test
    void aDraftKeepsItsContentAndOnlyOneDraftOrSubmittedVersionExistsAtATime() throws Exception {
        long certification = driver.start();
        long draft = plans.createDraft(certification, "Piano", twoActions(), true, null, "u").orElseThrow();

        assertThat(plans.content(draft)).isEqualTo(twoActions());
        assertThat(plans.createDraft(certification, "Altro", PlanContent.empty(), true, null, "u")).isEmpty();

        assertThat(plans.replaceContent(draft, "Piano ridotto", PlanContent.empty(), false)).isTrue();
        PlanVersion version = plans.draft(certification).orElseThrow();
        assertThat(version.title()).isEqualTo("Piano ridotto");
        assertThat(version.fieldsMandatory()).isFalse();
        assertThat(version.versionNo()).isEqualTo(1);
        assertThat(plans.content(draft)).isEqualTo(PlanContent.empty());
    }
}
