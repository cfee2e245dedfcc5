package it.familyaudit.workflow.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The drafting task's check names the plan's places in words, never as the JSON paths of the rules. */
class PlanPlacesTest {

    private static final PlanContent PLAN = new PlanContent(List.of(new PlanField("1", "Organizzazione del lavoro")),
            List.of(new PlanAction("1.1", "1", "Orari flessibili", null, null, null, null, null, null, new java.util.TreeSet<>(Set.of(1)), null,
                    null, null, null, null, List.of()), new PlanAction(null, "1", "Senza codice", null, null, null, null,
                    null, null, new java.util.TreeSet<>(Set.of(1)), null, null, null, null, null, List.of())));

    @Test
    void aPathIsSaidAsTheActionIndicatorAndAttributeItNames() {
        assertThat(PlanPlaces.italian("actions[0].indicators[1].targetYear2", PLAN))
                .isEqualTo("Azione 1.1, indicatore 2, obiettivo anno 2");
        assertThat(PlanPlaces.italian("actions[0].owner", PLAN)).isEqualTo("Azione 1.1, responsabile");
        assertThat(PlanPlaces.italian("actions[1].code", PLAN)).isEqualTo("Azione 2ª, codice");
        assertThat(PlanPlaces.italian("actions[7].years[0]", PLAN)).isEqualTo("Azione 8ª, anni");
        assertThat(PlanPlaces.italian("fields[0].name", PLAN)).isEqualTo("Campo di indagine 1, nome");
        assertThat(PlanPlaces.italian("title", PLAN)).isEqualTo("Piano, titolo");
        assertThat(PlanPlaces.italian("something", PLAN)).isEqualTo("something");
    }
}
