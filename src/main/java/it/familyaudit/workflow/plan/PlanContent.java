package it.familyaudit.workflow.plan;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What a plan version says: its fields of investigation in order, and its actions in order. The six
 * macro-areas of the current standard are the default list; a plan may use its own.
 */
public record PlanContent(List<PlanField> fields, List<PlanAction> actions) {

    public static final List<PlanField> STANDARD_FIELDS = List.of(
            new PlanField("1", "Organizzazione del lavoro"),
            new PlanField("2", "Cultura aziendale"),
            new PlanField("3", "Comunicazione"),
            new PlanField("4", "Welfare aziendale"),
            new PlanField("5", "Welfare territoriale"),
            new PlanField("6", "Nuove tecnologie"));

    public PlanContent {
        fields = List.copyOf(fields);
        actions = List.copyOf(actions);
    }

    public static PlanContent empty() {
        return new PlanContent(STANDARD_FIELDS, List.of());
    }

    /**
     * What these fields' own money and these actions' budgets come to; {@code null} when none has any
     * (everything on internal resources).
     */
    public static BigDecimal budget(Collection<PlanField> fields, Collection<PlanAction> actions) {
        return Stream.concat(fields.stream().map(PlanField::budget), actions.stream().map(PlanAction::budget))
                .filter(Objects::nonNull).reduce(BigDecimal::add).orElse(null);
    }

    public List<PlanAction> actionsOf(String fieldCode) {
        return actions.stream().filter(a -> a.fieldCode().equals(fieldCode)).toList();
    }
}
