package it.familyaudit.workflow.portal;

import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.plan.PlanAction;
import it.familyaudit.workflow.plan.PlanContent;
import it.familyaudit.workflow.plan.PlanField;
import it.familyaudit.workflow.plan.PlanView;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
                fields.add(new Field(f, actions, PlanContent.budget(List.of(f), actions)));
            }
        }
        if (!unfiled.isEmpty()) {
            fields.add(new Field(null, unfiled, PlanContent.budget(List.of(), unfiled)));
        }
        return new PlanSection(plan, fields, PlanContent.budget(plan.fields(), plan.actions()));
    }

    /** The day of a moment of the plan's history, where the engine keeps time. */
    public LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, EngineTime.ZONE);
    }
}
