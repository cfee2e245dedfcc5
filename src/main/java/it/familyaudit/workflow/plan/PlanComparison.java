package it.familyaudit.workflow.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * What changed from one plan to another (two versions, or the draft and a spreadsheet about to
 * replace it): the plan's title and rule, the fields of investigation, and each action with its
 * attributes and indicators, before and after. Words are the reader's business; this says which
 * attribute changed and from what to what.
 *
 * <p>Fields and actions are the same one when their codes are; one left over on each side with the
 * same name (a field) or title (an action) is the same one renumbered. An action's indicators are the
 * same one when their names are; those left over are paired in order (an indicator renamed). The
 * order of fields, actions and indicators is not compared.
 *
 * @param plan    the plan's own attributes that changed: {@code title}, {@code fieldsMandatory}
 * @param fields  the fields added, removed or changed (code or name), in the order of the plan after,
 *                then the removed ones in the order of the plan before
 * @param actions likewise the actions
 */
public record PlanComparison(List<Change> plan, List<FieldChange> fields, List<ActionChange> actions) {

    public enum Kind { ADDED, REMOVED, CHANGED }

    /**
     * One attribute before and after, each {@code null} when empty. Values as the plan holds them:
     * text, {@code Boolean} ({@code fieldsMandatory}), {@code LocalDate} ({@code deadline}),
     * {@code BigDecimal} ({@code budget}, where {@code null} is no cost, and an indicator's values),
     * {@code SortedSet<Integer>} ({@code years}).
     *
     * @param attribute the property's name, as in {@link PlanJson}: {@code title}, {@code targetYear2}
     */
    public record Change(String attribute, Object before, Object after) {
    }

    /**
     * A field added (only {@code after}), removed (only {@code before}), or changed: its {@code code},
     * {@code name}, {@code budget} or {@code fundingLine}.
     */
    public record FieldChange(Kind kind, PlanField before, PlanField after, List<Change> changes) {

        public FieldChange {
            changes = List.copyOf(changes);
        }

        /** Whether it was renumbered or renamed, not only given other money. */
        public boolean renamed() {
            return changes.stream().anyMatch(c -> c.attribute().equals("code") || c.attribute().equals("name"));
        }

        /** What changed other than its code and name. */
        public List<Change> money() {
            return changes.stream().filter(c -> !c.attribute().equals("code") && !c.attribute().equals("name")).toList();
        }
    }

    /** An action added (only {@code after}), removed (only {@code before}), or changed: what changed in it. */
    public record ActionChange(Kind kind, PlanAction before, PlanAction after, List<Change> changes,
                               List<IndicatorChange> indicators) {

        public ActionChange {
            changes = List.copyOf(changes);
            indicators = List.copyOf(indicators);
        }

        /** The action as it is now, or as it was when removed. */
        public PlanAction action() {
            return after != null ? after : before;
        }
    }

    /** An indicator of a changed action, added, removed or changed. */
    public record IndicatorChange(Kind kind, Indicator before, Indicator after, List<Change> changes) {

        public IndicatorChange {
            changes = List.copyOf(changes);
        }

        public Indicator indicator() {
            return after != null ? after : before;
        }
    }

    public PlanComparison {
        plan = List.copyOf(plan);
        fields = List.copyOf(fields);
        actions = List.copyOf(actions);
    }

    public static PlanComparison of(PlanView before, PlanView after) {
        List<Change> plan = new ArrayList<>();
        change(plan, "title", before.title(), after.title());
        change(plan, "fieldsMandatory", before.fieldsMandatory(), after.fieldsMandatory());
        List<FieldChange> fields = new ArrayList<>();
        pair(before.fields(), after.fields(), PlanField::code, (b, a) -> Objects.equals(b.name(), a.name()),
                (b, a) -> {
                    if (b == null || a == null) {
                        fields.add(new FieldChange(b == null ? Kind.ADDED : Kind.REMOVED, b, a, List.of()));
                        return;
                    }
                    List<Change> changes = new ArrayList<>();
                    change(changes, "code", b.code(), a.code());
                    change(changes, "name", b.name(), a.name());
                    change(changes, "budget", b.budget(), a.budget());
                    change(changes, "fundingLine", b.fundingLine(), a.fundingLine());
                    if (!changes.isEmpty()) {
                        fields.add(new FieldChange(Kind.CHANGED, b, a, changes));
                    }
                });
        List<ActionChange> actions = new ArrayList<>();
        pair(before.actions(), after.actions(), PlanAction::code, (b, a) -> Objects.equals(b.title(), a.title()),
                (b, a) -> {
                    if (b == null || a == null) {
                        actions.add(new ActionChange(b == null ? Kind.ADDED : Kind.REMOVED, b, a, List.of(), List.of()));
                        return;
                    }
                    List<Change> changes = changes(b, a);
                    List<IndicatorChange> indicators = indicators(b.indicators(), a.indicators());
                    if (!changes.isEmpty() || !indicators.isEmpty()) {
                        actions.add(new ActionChange(Kind.CHANGED, b, a, changes, indicators));
                    }
                });
        return new PlanComparison(plan, fields, actions);
    }

    /** Nothing changed. */
    public boolean isEmpty() {
        return plan.isEmpty() && fields.isEmpty() && actions.isEmpty();
    }

    public List<FieldChange> fields(Kind kind) {
        return fields.stream().filter(f -> f.kind() == kind).toList();
    }

    public List<ActionChange> actions(Kind kind) {
        return actions.stream().filter(a -> a.kind() == kind).toList();
    }

    private static List<Change> changes(PlanAction b, PlanAction a) {
        List<Change> changes = new ArrayList<>();
        change(changes, "code", b.code(), a.code());
        change(changes, "fieldCode", b.fieldCode(), a.fieldCode());
        change(changes, "title", b.title(), a.title());
        change(changes, "description", b.description(), a.description());
        change(changes, "objective", b.objective(), a.objective());
        change(changes, "activities", b.activities(), a.activities());
        change(changes, "owner", b.owner(), a.owner());
        change(changes, "actors", b.actors(), a.actors());
        change(changes, "recipients", b.recipients(), a.recipients());
        change(changes, "years", b.years(), a.years());
        change(changes, "deadline", b.deadline(), a.deadline());
        change(changes, "budget", b.budget(), a.budget());
        change(changes, "fundingLine", b.fundingLine(), a.fundingLine());
        change(changes, "findingRef", b.findingRef(), a.findingRef());
        change(changes, "ptapRef", b.ptapRef(), a.ptapRef());
        return changes;
    }

    private static List<IndicatorChange> indicators(List<Indicator> before, List<Indicator> after) {
        List<IndicatorChange> changes = new ArrayList<>();
        // Left over on both sides after matching names: paired in order, so a renamed indicator reads as one.
        pair(before, after, Indicator::name, (b, a) -> true, (b, a) -> {
            if (b == null || a == null) {
                changes.add(new IndicatorChange(b == null ? Kind.ADDED : Kind.REMOVED, b, a, List.of()));
                return;
            }
            List<Change> changed = new ArrayList<>();
            change(changed, "name", b.name(), a.name());
            change(changed, "unit", b.unit(), a.unit());
            change(changed, "baseline", b.baseline(), a.baseline());
            change(changed, "targetYear1", b.targetYear1(), a.targetYear1());
            change(changed, "targetYear2", b.targetYear2(), a.targetYear2());
            change(changed, "targetYear3", b.targetYear3(), a.targetYear3());
            change(changed, "years", b.years(), a.years());
            if (!changed.isEmpty()) {
                changes.add(new IndicatorChange(Kind.CHANGED, b, a, changed));
            }
        });
        return changes;
    }

    private static void change(List<Change> changes, String attribute, Object before, Object after) {
        boolean same = before instanceof BigDecimal b && after instanceof BigDecimal a
                ? b.compareTo(a) == 0 : Objects.equals(before, after);
        if (!same) {
            changes.add(new Change(attribute, before, after));
        }
    }

    /**
     * Matches the items of two lists by key (the first of each key only), then those left over on each
     * side by {@code alike}, in order; hands each match to {@code to} in the order of {@code after}, then
     * the unmatched items of {@code before}; an unmatched item has {@code null} on its other side.
     */
    private static <T> void pair(List<T> before, List<T> after, Function<T, String> key, BiPredicate<T, T> alike,
                                 BiConsumer<T, T> to) {
        Integer[] matched = new Integer[after.size()];
        boolean[] taken = new boolean[before.size()];
        for (int i = 0; i < after.size(); i++) {
            String k = key.apply(after.get(i));
            for (int j = 0; k != null && j < before.size(); j++) {
                if (!taken[j] && k.equals(key.apply(before.get(j)))) {
                    matched[i] = j;
                    taken[j] = true;
                    break;
                }
            }
        }
        for (int i = 0; i < after.size(); i++) {
            for (int j = 0; matched[i] == null && j < before.size(); j++) {
                if (!taken[j] && alike.test(before.get(j), after.get(i))) {
                    matched[i] = j;
                    taken[j] = true;
                }
            }
        }
        for (int i = 0; i < after.size(); i++) {
            to.accept(matched[i] == null ? null : before.get(matched[i]), after.get(i));
        }
        for (int j = 0; j < before.size(); j++) {
            if (!taken[j]) {
                to.accept(before.get(j), null);
            }
        }
    }
}
