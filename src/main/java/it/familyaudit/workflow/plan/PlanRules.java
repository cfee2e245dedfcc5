package it.familyaudit.workflow.plan;

import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.tasks.FormValidator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of a plan, in one place for every way a plan comes in (the JSON draft, an imported
 * spreadsheet). Two kinds: {@link #structure} finds what makes a plan unfit to be saved at all;
 * {@link #completeness} finds what a saved draft still lacks before it may be submitted. Both
 * return every problem at once, with paths such as {@code actions[3].indicators[0].targetYear2}
 * (list positions from 0), so an import can turn an action's index into its spreadsheet row.
 */
public final class PlanRules {

    public static final int MAX_FIELDS = 50;
    public static final int MAX_ACTIONS = 1000;
    public static final int MAX_INDICATORS = 20;

    /** Lengths of the columns that hold them (V1, V3). */
    public static final int TITLE = 200;
    public static final int CODE = 20;
    public static final int FIELD_NAME = 300;
    public static final int ACTION_TITLE = 300;
    public static final int DESCRIPTION = 8000;
    public static final int OBJECTIVE = 4000;
    public static final int ACTIVITIES = 8000;
    public static final int OWNER = 300;
    public static final int ACTORS = 2000;
    public static final int RECIPIENTS = 2000;
    public static final int FUNDING_LINE = 300;
    public static final int REFERENCE = 200;
    public static final int INDICATOR_NAME = 300;
    public static final int UNIT = 50;
    public static final int NOTE = 4000;

    /** {@code 1}, {@code 1.1}, {@code 4.2.1}: numbers separated by dots, as plans number their fields and actions. */
    private static final Pattern CODE_PATTERN = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){0,3}");
    /** DECIMAL(12, 2) for budgets, DECIMAL(14, 2) for indicator values: digits before the point. */
    private static final int BUDGET_DIGITS = 10;
    private static final int VALUE_DIGITS = 12;

    private PlanRules() {
    }

    /** Problems that refuse a save: required values, formats, uniqueness, sizes. */
    public static List<FieldError> structure(String title, PlanContent content) {
        List<FieldError> errors = new ArrayList<>();
        text(errors, "title", title, TITLE, true);
        if (content.fields().isEmpty()) {
            errors.add(new FieldError("fields", "Indicare almeno un campo di indagine"));
        }
        if (content.fields().size() > MAX_FIELDS) {
            errors.add(new FieldError("fields", "Al massimo " + MAX_FIELDS + " campi di indagine (ne hai "
                    + content.fields().size() + ")"));
        }
        Set<String> fieldCodes = new HashSet<>();
        for (int i = 0; i < content.fields().size(); i++) {
            PlanField f = content.fields().get(i);
            String path = "fields[" + i + "]";
            if (code(errors, path + ".code", f.code()) && !fieldCodes.add(f.code())) {
                errors.add(new FieldError(path + ".code", "Il campo di indagine " + f.code() + " compare più volte"));
            }
            text(errors, path + ".name", f.name(), FIELD_NAME, true);
            money(errors, path, f.budget(), f.fundingLine());
        }
        if (content.actions().size() > MAX_ACTIONS) {
            errors.add(new FieldError("actions", "Al massimo " + MAX_ACTIONS + " azioni (ne hai "
                    + content.actions().size() + ")"));
            return errors; // each of thousands more would only repeat it
        }
        Set<String> actionCodes = new HashSet<>();
        for (int i = 0; i < content.actions().size(); i++) {
            action(errors, "actions[" + i + "]", content.actions().get(i), fieldCodes, actionCodes);
        }
        return errors;
    }

    private static void action(List<FieldError> errors, String path, PlanAction a, Set<String> fieldCodes,
                               Set<String> actionCodes) {
        if (code(errors, path + ".code", a.code()) && !actionCodes.add(a.code())) {
            errors.add(new FieldError(path + ".code", "Il codice " + a.code() + " è già usato da un'altra azione"));
        }
        if (blank(a.fieldCode())) {
            errors.add(new FieldError(path + ".fieldCode", "Indicare il campo di indagine dell'azione"));
        } else if (!fieldCodes.contains(a.fieldCode())) {
            errors.add(new FieldError(path + ".fieldCode", "Il campo di indagine " + a.fieldCode()
                    + " non è tra quelli del piano"));
        }
        text(errors, path + ".title", a.title(), ACTION_TITLE, true);
        text(errors, path + ".description", a.description(), DESCRIPTION, false);
        text(errors, path + ".objective", a.objective(), OBJECTIVE, false);
        text(errors, path + ".activities", a.activities(), ACTIVITIES, false);
        text(errors, path + ".owner", a.owner(), OWNER, false);
        text(errors, path + ".actors", a.actors(), ACTORS, false);
        text(errors, path + ".recipients", a.recipients(), RECIPIENTS, false);
        text(errors, path + ".findingRef", a.findingRef(), REFERENCE, false);
        text(errors, path + ".ptapRef", a.ptapRef(), REFERENCE, false);
        if (a.years().isEmpty()) {
            errors.add(new FieldError(path + ".years", "Indicare in quali anni del piano (1, 2, 3) si svolge l'azione"));
        } else if (!Set.of(1, 2, 3).containsAll(a.years())) {
            errors.add(new FieldError(path + ".years", "Gli anni del piano sono 1, 2 e 3"));
        }
        if (a.deadline() != null && !EngineTime.withinCalendar(a.deadline())) {
            errors.add(new FieldError(path + ".deadline", FormValidator.OUT_OF_CALENDAR));
        }
        money(errors, path, a.budget(), a.fundingLine());
        if (a.indicators().size() > MAX_INDICATORS) {
            errors.add(new FieldError(path + ".indicators", "Al massimo " + MAX_INDICATORS + " indicatori per azione"));
            return;
        }
        for (int j = 0; j < a.indicators().size(); j++) {
            indicator(errors, path + ".indicators[" + j + "]", a.indicators().get(j), a);
        }
    }

    /** A budget of an action or of a whole field, and the funding line it must name. */
    private static void money(List<FieldError> errors, String path, BigDecimal budget, String fundingLine) {
        text(errors, path + ".fundingLine", fundingLine, FUNDING_LINE, false);
        String problem = budgetProblem(budget);
        if (problem != null) {
            errors.add(new FieldError(path + ".budget", problem));
        } else if (budget != null && blank(fundingLine)) {
            errors.add(new FieldError(path + ".fundingLine", "Indicare la fonte di finanziamento del budget"));
        }
    }

    private static void indicator(List<FieldError> errors, String path, Indicator k, PlanAction a) {
        text(errors, path + ".name", k.name(), INDICATOR_NAME, true);
        text(errors, path + ".unit", k.unit(), UNIT, false);
        amount(errors, path + ".baseline", k.baseline());
        boolean yearsKnown = !a.years().isEmpty() && Set.of(1, 2, 3).containsAll(a.years());
        if (!Set.of(1, 2, 3).containsAll(k.years())) {
            errors.add(new FieldError(path + ".years", "Gli anni del piano sono 1, 2 e 3"));
        } else if (yearsKnown && !a.years().containsAll(k.years())) {
            int outside = k.years().stream().filter(y -> !a.runsIn(y)).findFirst().orElseThrow();
            errors.add(new FieldError(path + ".years", "L'azione non si svolge nell'anno " + outside
                    + ": l'indicatore si misura solo negli anni dell'azione"));
        }
        for (int year = 1; year <= 3; year++) {
            BigDecimal target = k.target(year);
            if (target != null && !a.years().isEmpty() && !a.runsIn(year)) {
                errors.add(new FieldError(path + ".targetYear" + year, "L'azione non si svolge nell'anno " + year
                        + ": togliere il valore obiettivo o aggiungere l'anno"));
            } else if (target != null && !k.years().isEmpty() && !k.years().contains(year)) {
                errors.add(new FieldError(path + ".targetYear" + year, "L'indicatore non si misura nell'anno " + year
                        + ": togliere il valore obiettivo o aggiungere l'anno di misura"));
            } else {
                amount(errors, path + ".targetYear" + year, target);
            }
        }
    }

    /**
     * What a draft still lacks before it may be submitted; it may be saved meanwhile. Empty when
     * the plan is complete.
     */
    public static List<FieldError> completeness(PlanContent content, boolean fieldsMandatory) {
        List<FieldError> problems = new ArrayList<>();
        if (content.actions().isEmpty()) {
            problems.add(new FieldError("actions", "Il piano non ha ancora azioni"));
        }
        if (fieldsMandatory && !content.actions().isEmpty()) {
            for (int i = 0; i < content.fields().size(); i++) {
                PlanField f = content.fields().get(i);
                if (content.actionsOf(f.code()).isEmpty()) {
                    problems.add(new FieldError("fields[" + i + "]", "Il campo di indagine " + f.code() + " «"
                            + f.name() + "» non ha azioni"));
                }
            }
        }
        for (int i = 0; i < content.actions().size(); i++) {
            PlanAction a = content.actions().get(i);
            String path = "actions[" + i + "]";
            if (a.indicators().isEmpty()) {
                problems.add(new FieldError(path + ".indicators", "L'azione " + a.code() + " non ha indicatori"));
            }
            for (int j = 0; j < a.indicators().size(); j++) {
                if (!a.indicators().get(j).hasTarget()) {
                    problems.add(new FieldError(path + ".indicators[" + j + "]", "L'indicatore «"
                            + a.indicators().get(j).name() + "» dell'azione " + a.code()
                            + " non ha un valore obiettivo per nessun anno"));
                }
            }
        }
        return problems;
    }

    /**
     * Why a budget cannot be taken, or {@code null}: not negative, cents at most, within the
     * column. Importers check it before building a {@link PlanAction}, which refuses more decimals.
     */
    public static String budgetProblem(BigDecimal budget) {
        if (budget == null) {
            return null;
        }
        if (budget.signum() < 0) {
            return "Il budget non può essere negativo";
        }
        return digitsProblem(budget, BUDGET_DIGITS);
    }

    /** Why an indicator's baseline or target cannot be taken, or {@code null}. */
    public static String amountProblem(BigDecimal value) {
        return value == null ? null : digitsProblem(value, VALUE_DIGITS);
    }

    private static String digitsProblem(BigDecimal value, int integerDigits) {
        BigDecimal plain = value.stripTrailingZeros();
        if (plain.scale() > 2) {
            return "Al massimo 2 decimali";
        }
        if (plain.precision() - plain.scale() > integerDigits) {
            return "Valore troppo grande (al massimo " + integerDigits + " cifre prima della virgola)";
        }
        return null;
    }

    private static void amount(List<FieldError> errors, String path, BigDecimal value) {
        String problem = amountProblem(value);
        if (problem != null) {
            errors.add(new FieldError(path, problem));
        }
    }

    /** @return whether the code is well formed, so that uniqueness is worth checking */
    private static boolean code(List<FieldError> errors, String path, String code) {
        if (blank(code)) {
            errors.add(new FieldError(path, "Indicare il codice"));
            return false;
        }
        if (code.length() > CODE || !CODE_PATTERN.matcher(code).matches()) {
            errors.add(new FieldError(path, "Codice non valido: numeri separati da punti, ad esempio 1, 1.1 o 4.2.1"));
            return false;
        }
        return true;
    }

    private static void text(List<FieldError> errors, String path, String value, int max, boolean required) {
        if (blank(value)) {
            if (required) {
                errors.add(new FieldError(path, "Campo obbligatorio"));
            }
            return;
        }
        // UTF-16 units, as the columns count them on H2; never fewer than the characters a person sees.
        int length = value.length();
        if (length > max) {
            errors.add(new FieldError(path, "Al massimo " + max + " caratteri (ne hai scritti " + length + ")"));
        } else if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            errors.add(new FieldError(path, "Contiene caratteri di controllo non ammessi"));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
