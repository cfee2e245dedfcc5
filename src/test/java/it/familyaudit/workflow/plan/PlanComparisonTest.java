package it.familyaudit.workflow.plan;

import static org.assertj.core.api.Assertions.assertThat;

import it.familyaudit.workflow.plan.PlanComparison.ActionChange;
import it.familyaudit.workflow.plan.PlanComparison.Change;
import it.familyaudit.workflow.plan.PlanComparison.Kind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PlanComparisonTest {

    private static final Indicator FLEXIBLE = new Indicator("Dipendenti con orario flessibile", "%",
            new BigDecimal("10"), new BigDecimal("20"), new BigDecimal("35"), null);

    @Test
    void theSamePlanHasNoDifferences() {
        PlanView plan = plan("Piano", List.of(flexibility("Ripensare la flessibilità")));
        assertThat(PlanComparison.of(plan, plan).isEmpty()).isTrue();
    }

    @Test
    void aChangedTitleAndAnAddedActionAreNamed() {
        PlanView before = plan("Piano 2026", List.of(flexibility("Ripensare la flessibilità")));
        PlanView after = plan("Piano 2026-2028", List.of(flexibility("Ripensare la flessibilità oraria"),
                action("2.1", "2", "La scatola dei suggerimenti")));

        PlanComparison c = PlanComparison.of(before, after);

        assertThat(c.plan()).containsExactly(new Change("title", "Piano 2026", "Piano 2026-2028"));
        assertThat(c.actions(Kind.ADDED)).extracting(a -> a.after().code()).containsExactly("2.1");
        assertThat(c.actions(Kind.CHANGED)).singleElement().satisfies(a -> {
            assertThat(a.action().code()).isEqualTo("1.1");
            assertThat(a.changes()).containsExactly(new Change("title", "Ripensare la flessibilità",
                    "Ripensare la flessibilità oraria"));
            assertThat(a.indicators()).isEmpty();
        });
        assertThat(c.actions(Kind.REMOVED)).isEmpty();
    }

    @Test
    void everyAttributeOfAnActionIsComparedYearsDeadlineAndBudgetToo() {
        PlanAction before = flexibility("Flessibilità");
        PlanAction after = new PlanAction("1.1", "2", "Flessibilità", "Nuova descrizione", "Obiettivo", "Attività",
                "Ufficio del personale", "Dirigenti", "Tutti", new TreeSet<>(List.of(1, 2, 3)),
                LocalDate.of(2028, 6, 30), null, null, "Q-flessibilita", "PTAP 2.1", before.indicators());

        ActionChange c = PlanComparison.of(plan("P", List.of(before)), plan("P", List.of(after))).actions().get(0);

        assertThat(c.changes()).extracting(Change::attribute).containsExactly("fieldCode", "description", "owner",
                "actors", "recipients", "years", "deadline", "budget", "fundingLine", "findingRef", "ptapRef");
        assertThat(c.changes()).contains(new Change("years", new TreeSet<>(List.of(1, 2)), new TreeSet<>(List.of(1, 2, 3))),
                new Change("budget", new BigDecimal("1500.00"), null),
                new Change("deadline", LocalDate.of(2027, 12, 31), LocalDate.of(2028, 6, 30)));
    }

    @Test
    void anActionRemovedAndOneRenumberedWithTheSameTitleAreToldApart() {
        PlanView before = plan("P", List.of(flexibility("Flessibilità"), action("1.2", "1", "Sportello genitori")));
        PlanView after = plan("P", List.of(action("1.3", "1", "Sportello genitori")));

        PlanComparison c = PlanComparison.of(before, after);

        assertThat(c.actions(Kind.REMOVED)).extracting(a -> a.before().code()).containsExactly("1.1");
        assertThat(c.actions(Kind.CHANGED)).singleElement()
                .satisfies(a -> assertThat(a.changes()).containsExactly(new Change("code", "1.2", "1.3")));
        assertThat(c.actions(Kind.ADDED)).isEmpty();
    }

    @Test
    void indicatorsAreMatchedByNameThenInOrderSoThatARenameIsAChange() {
        Indicator suggestions = new Indicator("Suggerimenti raccolti", null, null, new BigDecimal("30"), null, null);
        PlanAction before = withIndicators(flexibility("F"), List.of(FLEXIBLE, suggestions));
        Indicator renamed = new Indicator("Suggerimenti ricevuti", null, null, new BigDecimal("30"), null, null);
        Indicator retargeted = new Indicator(FLEXIBLE.name(), "%", new BigDecimal("10"), new BigDecimal("25"),
                new BigDecimal("35"), null);
        Indicator added = new Indicator("Richieste di part-time accolte", null, null, null, new BigDecimal("5"), null);
        PlanAction after = withIndicators(before, List.of(renamed, retargeted, added));

        ActionChange c = PlanComparison.of(plan("P", List.of(before)), plan("P", List.of(after))).actions().get(0);

        assertThat(c.changes()).isEmpty();
        assertThat(c.indicators()).extracting(i -> i.kind() + " " + i.indicator().name() + " " + i.changes())
                .containsExactly(
                        "CHANGED Suggerimenti ricevuti [Change[attribute=name, before=Suggerimenti raccolti, after=Suggerimenti ricevuti]]",
                        "CHANGED Dipendenti con orario flessibile [Change[attribute=targetYear1, before=20, after=25]]",
                        "ADDED Richieste di part-time accolte []");
    }

    @Test
    void valuesCompareByAmountNotByHowTheyAreWritten() {
        PlanAction before = withIndicators(flexibility("F"), List.of(FLEXIBLE));
        PlanAction after = withIndicators(before, List.of(new Indicator(FLEXIBLE.name(), "%", new BigDecimal("10.00"),
                new BigDecimal("20.0"), new BigDecimal("35"), null)));
        assertThat(PlanComparison.of(plan("P", List.of(before)), plan("P", List.of(after))).isEmpty()).isTrue();
    }

    @Test
    void fieldsAddedRemovedAndRenamedAndTheRuleOnFields() {
        PlanView before = new PlanView(null, "P", true, List.of(new PlanField("1", "Organizzazione"),
                new PlanField("2", "Cultura"), new PlanField("6", "Nuove tecnologie")), List.of(), List.of());
        PlanView after = new PlanView(null, "P", false, List.of(new PlanField("1", "Organizzazione del lavoro"),
                new PlanField("2", "Cultura"), new PlanField("7", "Pari opportunità")), List.of(), List.of());

        PlanComparison c = PlanComparison.of(before, after);

        assertThat(c.plan()).containsExactly(new Change("fieldsMandatory", true, false));
        assertThat(c.fields()).extracting(f -> f.kind() + " " + (f.before() == null ? "-" : f.before().name()) + " → "
                + (f.after() == null ? "-" : f.after().name()))
                .containsExactly("CHANGED Organizzazione → Organizzazione del lavoro", "ADDED - → Pari opportunità",
                        "REMOVED Nuove tecnologie → -");
    }

    @Test
    void aFieldsMoneyAndTheYearsAnIndicatorIsMeasuredInAreCompared() {
        PlanView before = new PlanView(null, "P", true, List.of(new PlanField("1", "Organizzazione del lavoro"),
                new PlanField("2", "Comunicazione")), List.of(flexibility("F")), List.of());
        PlanAction measuredLater = withIndicators(flexibility("F"), List.of(new Indicator(FLEXIBLE.name(),
                FLEXIBLE.unit(), FLEXIBLE.baseline(), null, FLEXIBLE.targetYear2(), null, new TreeSet<>(List.of(2)))));
        PlanView after = new PlanView(null, "P", true, List.of(new PlanField("1", "Organizzazione del lavoro",
                new BigDecimal("3000"), "PIAO 2026"), new PlanField("2", "Comunicazione")), List.of(measuredLater),
                List.of());

        PlanComparison c = PlanComparison.of(before, after);

        assertThat(c.fields()).singleElement().satisfies(f -> {
            assertThat(f.renamed()).isFalse();
            assertThat(f.money()).containsExactly(new Change("budget", null, new BigDecimal("3000.00")),
                    new Change("fundingLine", null, "PIAO 2026"));
        });
        assertThat(c.actions()).singleElement().satisfies(a -> assertThat(a.indicators()).singleElement()
                .satisfies(k -> assertThat(k.changes()).extracting(Change::attribute)
                        .containsExactly("targetYear1", "years")));
    }

    private static PlanView plan(String title, List<PlanAction> actions) {
        return new PlanView(null, title, true, List.of(new PlanField("1", "Organizzazione del lavoro"),
                new PlanField("2", "Comunicazione")), actions, List.of());
    }

    private static PlanAction flexibility(String title) {
        return new PlanAction("1.1", "1", title, null, "Obiettivo", "Attività", "Ufficio personale", null, null,
                new TreeSet<>(List.of(1, 2)), LocalDate.of(2027, 12, 31), new BigDecimal("1500"), "Bilancio", null, null,
                List.of(FLEXIBLE));
    }

    private static PlanAction action(String code, String field, String title) {
        return new PlanAction(code, field, title, null, null, null, null, null, null, new TreeSet<>(List.of(1)), null,
                null, null, null, null, List.of());
    }

    private static PlanAction withIndicators(PlanAction a, List<Indicator> indicators) {
        return new PlanAction(a.code(), a.fieldCode(), a.title(), a.description(), a.objective(), a.activities(),
                a.owner(), a.actors(), a.recipients(), a.years(), a.deadline(), a.budget(), a.fundingLine(),
                a.findingRef(), a.ptapRef(), indicators);
    }
}
