package it.familyaudit.workflow.plan;

import static org.assertj.core.api.Assertions.assertThat;

import it.familyaudit.workflow.engine.FieldError;
import java.math.BigDecimal;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The plan's rules on their own, as an import would use them: by path, every problem at once. */
class PlanRulesTest {

    private static PlanAction action(String code, String field, List<Integer> years, BigDecimal budget,
                                     String fundingLine, List<Indicator> indicators) {
        return new PlanAction(code, field, "Azione " + code, null, null, null, null, null, null,
                new TreeSet<>(years), null, budget, fundingLine, null, null, indicators);
    }

    private static Indicator target(String name, Integer year1, Integer year2, Integer year3) {
        return new Indicator(name, "n.", null, year1 == null ? null : BigDecimal.valueOf(year1),
                year2 == null ? null : BigDecimal.valueOf(year2), year3 == null ? null : BigDecimal.valueOf(year3));
    }

    private static List<String> paths(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void aWellFormedCompletePlanHasNoProblem() {
        PlanContent plan = PlanRepositoryTest.twoActions();
        PlanContent complete = new PlanContent(plan.fields(), List.of(plan.actions().get(0),
                action("2.1", "2", List.of(2), null, null, List.of(target("Idee", null, 10, null)))));
        assertThat(PlanRules.structure("Piano", complete)).isEmpty();
        assertThat(PlanRules.completeness(complete, true)).isEmpty();
    }

    @Test
    void codesAreDottedNumbersUniqueInThePlan() {
        PlanContent plan = new PlanContent(List.of(new PlanField("1", "Lavoro"), new PlanField("4.2", "Welfare")),
                List.of(action("1", "1", List.of(1), null, null, List.of()),
                        action("4.2.1", "4.2", List.of(1), null, null, List.of()),
                        action("4.2.1", "4.2", List.of(1), null, null, List.of()),
                        action("1.a", "1", List.of(1), null, null, List.of()),
                        action("1..2", "1", List.of(1), null, null, List.of()),
                        action(" ", "1", List.of(1), null, null, List.of())));
        assertThat(paths(PlanRules.structure("Piano", plan)))
                .containsExactly("actions[2].code", "actions[3].code", "actions[4].code", "actions[5].code");
    }

    @Test
    void yearsBudgetsAndTargetsFollowTheAction() {
        PlanContent plan = new PlanContent(List.of(new PlanField("1", "Lavoro")), List.of(
                action("1.1", "1", List.of(), null, null, List.of()),
                action("1.2", "1", List.of(0, 2), new BigDecimal("-1"), "Bilancio", List.of()),
                action("1.3", "1", List.of(1), new BigDecimal("100"), null,
                        List.of(target("Ore", 1, 2, null), target(null, 1, null, null))),
                action("1.4", "1", List.of(3), new BigDecimal("12345678901"), "Bilancio", List.of())));
        assertThat(paths(PlanRules.structure("Piano", plan))).containsExactly(
                "actions[0].years", "actions[1].years", "actions[1].budget", "actions[2].fundingLine",
                "actions[2].indicators[0].targetYear2", "actions[2].indicators[1].name", "actions[3].budget");
        assertThat(PlanRules.budgetProblem(new BigDecimal("10.005"))).isEqualTo("Al massimo 2 decimali");
        assertThat(PlanRules.budgetProblem(new BigDecimal("10.50"))).isNull();
        assertThat(PlanRules.amountProblem(new BigDecimal("1e20"))).contains("troppo grande");
    }

    @Test
    void textsFitTheirColumnsAndTheCapsHold() {
        PlanAction longTitle = new PlanAction("1.1", "1", "x".repeat(PlanRules.ACTION_TITLE + 1), null, null, null,
                "y".repeat(PlanRules.OWNER + 1), null, null, new TreeSet<>(List.of(1)), null, null, null, null,
                "z".repeat(PlanRules.REFERENCE + 1), List.of());
        List<PlanField> fields = new java.util.ArrayList<>();
        for (int i = 1; i <= PlanRules.MAX_FIELDS + 1; i++) {
            fields.add(new PlanField(String.valueOf(i), "Campo " + i));
        }
        List<FieldError> errors = PlanRules.structure(null, new PlanContent(fields, List.of(longTitle)));
        assertThat(paths(errors)).containsExactly("title", "fields", "actions[0].title", "actions[0].owner",
                "actions[0].ptapRef");
    }

    @Test
    void completenessAsksForActionsInEveryMandatoryFieldIndicatorsAndTargets() {
        PlanContent empty = PlanContent.empty();
        assertThat(paths(PlanRules.completeness(empty, true))).containsExactly("actions");

        PlanContent gaps = new PlanContent(List.of(new PlanField("1", "Lavoro"), new PlanField("2", "Cultura")),
                List.of(action("1.1", "1", List.of(1), null, null, List.of()),
                        action("1.2", "1", List.of(1), null, null, List.of(target("Ore", null, null, null)))));
        assertThat(paths(PlanRules.completeness(gaps, true)))
                .containsExactly("fields[1]", "actions[0].indicators", "actions[1].indicators[0]");
        assertThat(paths(PlanRules.completeness(gaps, false)))
                .containsExactly("actions[0].indicators", "actions[1].indicators[0]");
    }

    @Test
    void aFieldMayHaveMoneyOfItsOwnWithAFundingLine() {
        PlanContent plan = new PlanContent(List.of(
                new PlanField("1", "Lavoro", new BigDecimal("3000"), "PIAO 2026, obiettivo 4"),
                new PlanField("2", "Cultura", new BigDecimal("500"), null),
                new PlanField("3", "Comunicazione", new BigDecimal("-1"), "Bilancio"),
                new PlanField("4", "Welfare", null, "Risorse interne")), List.of());

        List<FieldError> errors = PlanRules.structure("Piano", plan);

        assertThat(errors).extracting(e -> e.field() + ": " + e.message()).containsExactly(
                "fields[1].fundingLine: Indicare la fonte di finanziamento del budget",
                "fields[2].budget: Il budget non può essere negativo");
    }

    @Test
    void anIndicatorIsMeasuredInYearsOfItsActionAndHasTargetsOnlyThere() {
        Indicator onlyYear3 = new Indicator("Benessere percepito", "%", new BigDecimal("40"), null, null,
                new BigDecimal("60"), new TreeSet<>(List.of(3)));
        Indicator outsideTheAction = new Indicator("Ore", "n.", null, BigDecimal.ONE, null, null,
                new TreeSet<>(List.of(1, 3)));
        Indicator targetNotMeasured = new Indicator("Iscritti", "n.", null, BigDecimal.ONE, BigDecimal.TEN, null,
                new TreeSet<>(List.of(2)));
        Indicator yearZero = new Indicator("Corsi", "n.", null, null, BigDecimal.ONE, null, new TreeSet<>(List.of(0, 2)));
        PlanContent plan = new PlanContent(List.of(new PlanField("1", "Lavoro")), List.of(
                action("1.1", "1", List.of(1, 2, 3), null, null, List.of(onlyYear3)),
                action("1.2", "1", List.of(1, 2), null, null, List.of(outsideTheAction, targetNotMeasured, yearZero))));

        List<FieldError> errors = PlanRules.structure("Piano", plan);

        assertThat(errors).extracting(e -> e.field() + ": " + e.message()).containsExactly(
                "actions[1].indicators[0].years: L'azione non si svolge nell'anno 3: l'indicatore si misura solo negli"
                        + " anni dell'azione",
                "actions[1].indicators[1].targetYear1: L'indicatore non si misura nell'anno 1: togliere il valore"
                        + " obiettivo o aggiungere l'anno di misura",
                "actions[1].indicators[2].years: Gli anni del piano sono 1, 2 e 3");
        assertThat(onlyYear3.measuredIn(1, plan.actions().get(0))).isFalse();
        assertThat(onlyYear3.measuredIn(3, plan.actions().get(0))).isTrue();
        assertThat(target("Sempre", 1, 2, 3).measuredYears(plan.actions().get(0))).containsExactly(1, 2, 3);
    }
}
