package it.familyaudit.workflow.portal;

import it.familyaudit.workflow.certification.CertificationView;
import it.familyaudit.workflow.plan.PlanRules;
import it.familyaudit.workflow.plan.PlanView;
import it.familyaudit.workflow.survey.results.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The plan editor as its page shows it: the form with what was typed, what the plan still breaks
 * (after a save: what keeps it from being submitted; after a refused save: why it was not saved),
 * which actions are open, and the choices of its selects.
 *
 * @param version  the draft's version, {@code null} before its first save
 * @param refused  whether the last save was refused: then nothing was stored and the form is as typed
 * @param saved    whether the draft was just saved
 * @param open     the actions to show open besides those with problems: the one just added or moved
 * @param findings the questionnaire's main needs an action may cite, {@code null} when the reader may
 *                 not read them (the reference is then typed)
 */
record PlanEditorPage(CertificationView certification, PlanView.Version version, PlanForm form, PlanProblems problems,
                      boolean refused, boolean saved, Set<Integer> open, List<Finding> findings) {

    /**
     * An input of a field, an action or an indicator: its kind decides how it is drawn; the plan's rules
     * require some.
     *
     * @param help the key of the text shown below it, {@code null} for none
     */
    record Input(String name, String kind, int maxLength, String columns, boolean required, String help) {

        Input(String name, String kind, int maxLength, String columns, boolean required) {
            this(name, kind, maxLength, columns, required, null);
        }

        Input(String name, String kind, int maxLength, String columns) {
            this(name, kind, maxLength, columns, false, null);
        }
    }

    /** An option of a select. */
    record Choice(String value, String label, boolean chosen) {
    }

    /** The action's inputs above its years, then those below them. */
    private static final List<Input> ACTION_TOP = List.of(
            new Input("code", "text", PlanRules.CODE, "col-12 col-md-3", true),
            new Input("fieldCode", "field", 0, "col-12 col-md-9", true),
            new Input("title", "text", PlanRules.ACTION_TITLE, "col-12", true),
            new Input("objective", "textarea", PlanRules.OBJECTIVE, "col-12"),
            new Input("description", "textarea", PlanRules.DESCRIPTION, "col-12"),
            new Input("activities", "textarea", PlanRules.ACTIVITIES, "col-12"),
            new Input("owner", "text", PlanRules.OWNER, "col-12 col-lg-4"),
            new Input("actors", "textarea", PlanRules.ACTORS, "col-12 col-md-6 col-lg-4"),
            new Input("recipients", "textarea", PlanRules.RECIPIENTS, "col-12 col-md-6 col-lg-4"));
    private static final List<Input> ACTION_BOTTOM = List.of(
            new Input("deadline", "date", 0, "col-12 col-md-4"),
            new Input("budget", "amount", 0, "col-12 col-md-4", false, "planEditor.budgetHelp"),
            new Input("fundingLine", "text", PlanRules.FUNDING_LINE, "col-12 col-md-4"),
            new Input("findingRef", "finding", PlanRules.REFERENCE, "col-12 col-md-6"),
            new Input("ptapRef", "text", PlanRules.REFERENCE, "col-12 col-md-6"));
    /** A field's money of its own, below its code and name. */
    private static final List<Input> FIELD_MONEY = List.of(
            new Input("budget", "amount", 0, "col-12 col-md-4", false, "planEditor.fieldBudgetHelp"),
            new Input("fundingLine", "text", PlanRules.FUNDING_LINE, "col-12 col-md-8"));
    private static final List<Input> INDICATOR = List.of(
            new Input("name", "text", PlanRules.INDICATOR_NAME, "col-12 col-md-8", true),
            new Input("unit", "text", PlanRules.UNIT, "col-12 col-md-4"),
            new Input("baseline", "value", 0, "col-6 col-md-3"),
            new Input("targetYear1", "value", 0, "col-6 col-md-3"),
            new Input("targetYear2", "value", 0, "col-6 col-md-3"),
            new Input("targetYear3", "value", 0, "col-6 col-md-3"));

    public List<Input> actionTop() {
        return ACTION_TOP;
    }

    public List<Input> actionBottom() {
        return ACTION_BOTTOM;
    }

    public List<Input> fieldMoney() {
        return FIELD_MONEY;
    }

    public List<Input> indicatorInputs() {
        return INDICATOR;
    }

    /** Open: it has problems, or it was just added or moved. */
    public boolean isOpen(int action) {
        return open.contains(action) || problems.ofAction(action) > 0;
    }

    /** The fields an action may belong to, and its own field if the plan no longer lists it (so nothing typed is lost). */
    public List<Choice> fieldChoices(String current) {
        List<Choice> choices = new ArrayList<>();
        boolean listed = false;
        for (PlanForm.Field f : form.fields()) {
            if (f.code() == null || f.code().isBlank()) {
                continue;
            }
            boolean chosen = f.code().equals(current);
            listed |= chosen;
            choices.add(new Choice(f.code(), f.code() + (f.name() == null ? "" : " · " + f.name()), chosen));
        }
        if (!listed && current != null && !current.isBlank()) {
            choices.add(new Choice(current, current, true));
        }
        return choices;
    }

    /** The main needs an action may cite, and its own reference if it is none of them. */
    public List<Choice> findingChoices(String current) {
        List<Choice> choices = new ArrayList<>();
        boolean listed = false;
        for (Finding f : findings) {
            boolean chosen = f.code().equals(current);
            listed |= chosen;
            // The answer says what was wanted ("Centri estivi per i figli"); a rating has only its question.
            choices.add(new Choice(f.code(), f.code() + " · " + (f.answer() != null ? f.answer() : f.question())
                    + " (" + Math.round(f.share() * 100) + "%)", chosen));
        }
        if (!listed && current != null && !current.isBlank()) {
            choices.add(new Choice(current, current, true));
        }
        return choices;
    }

    /** Where an action added to this field goes, for the link the button leads to. */
    public int placeFor(String fieldCode) {
        return form.placeFor(fieldCode);
    }
}
