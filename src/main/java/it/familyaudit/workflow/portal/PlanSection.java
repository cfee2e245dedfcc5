package it.familyaudit.workflow.portal;

import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.plan.PlanAction;
import it.familyaudit.workflow.plan.PlanField;
import it.familyaudit.workflow.plan.PlanView;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A plan version as the page reads it: its actions under their fields of investigation, in the
 * plan's order, with the budget of each field (its own money and its actions') and of the whole plan.
 * Actions whose field the plan does not list (plans may leave fields out) come last, under no field;
 * a field with neither actions nor money of its own is left out.
 *
 * @param budget {@code null} when nothing has a cost
 */
record PlanSection(PlanView plan, List<Field> fields, BigDecimal budget) {

    /**
     * @param field  {@code null} for the actions under no listed field
     * @param budget the field's own budget and its actions', {@code null} when none has one
     */
    record Field(PlanField field, List<PlanAction> actions, BigDecimal budget) {
    }

    static PlanSection of(PlanView plan) {
        Map<String, List<PlanAction>> byField = new LinkedHashMap<>();
        plan.fields().forEach(f -> byField.put(f.code(), new ArrayList<>()));
        List<PlanAction> unfiled = new ArrayList<>();
        for (PlanAction a : plan.actions()) {
            List<PlanAction> listed = a.fieldCode() == null ? null : byField.get(a.fieldCode());
            (listed == null ? unfiled : listed).add(a);
        }
        List<Field> fields = new ArrayList<>();
        for (PlanField f : plan.fields()) {
            List<PlanAction> actions = byField.get(f.code());
            if (!actions.isEmpty() || f.budget() != null || f.fundingLine() != null) {
                fields.add(new Field(f, actions, sum(f.budget(), total(actions))));
            }
        }
        if (!unfiled.isEmpty()) {
            fields.add(new Field(null, unfiled, total(unfiled)));
        }
        BigDecimal budget = plan.fields().stream().map(PlanField::budget).reduce(total(plan.actions()), PlanSection::sum);
        return new PlanSection(plan, fields, budget);
    }

    /** The day of a moment of the plan's history, where the engine keeps time. */
    public LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, EngineTime.ZONE);
    }

    private static BigDecimal sum(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.add(b);
    }

    private static BigDecimal total(List<PlanAction> actions) {
        return actions.stream().map(PlanAction::budget).filter(Objects::nonNull).reduce(BigDecimal::add).orElse(null);
    }
}
