package it.familyaudit.workflow.plan;

import com.fasterxml.jackson.databind.JsonNode;
import it.familyaudit.workflow.engine.FieldError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a draft sent as JSON, the shape {@code GET …/plan} answers: {@code title},
 * {@code fieldsMandatory}, {@code fields[]}, {@code actions[]} with their {@code indicators[]}.
 * Read by hand rather than bound, so that a wrong type is one field error among the others instead
 * of a refusal of the whole body; a value of the wrong type counts as missing for the rules.
 */
final class PlanJson {

    /** What a draft says ({@code content} is null when the body was no object at all), and what was wrong with it. */
    record Draft(String title, boolean fieldsMandatory, PlanContent content, List<FieldError> errors) {
    }

    /** The answer's read-only parts, which a client may send back unchanged. */
    private static final Set<String> TOP = Set.of("title", "fieldsMandatory", "fields", "actions", "version", "problems");
    private static final Set<String> FIELD = Set.of("code", "name", "budget", "fundingLine");
    private static final Set<String> ACTION = Set.of("code", "fieldCode", "title", "description", "objective",
            "activities", "owner", "actors", "recipients", "years", "deadline", "budget", "fundingLine", "findingRef",
            "ptapRef", "indicators");
    private static final Set<String> INDICATOR = Set.of("name", "unit", "baseline", "targetYear1", "targetYear2",
            "targetYear3", "years");

    private final List<FieldError> errors = new ArrayList<>();

    private PlanJson() {
    }

    /** @param body the request body; {@code null} when there was none */
    static Draft read(JsonNode body) {
        return new PlanJson().draft(body);
    }

    private Draft draft(JsonNode body) {
        if (body == null || !body.isObject()) {
            errors.add(new FieldError("", "Il corpo deve essere un oggetto JSON con title, fields e actions"));
            return new Draft(null, true, null, errors);
        }
        unknown(body, TOP, "");
        String title = text(body, "title", "title");
        Boolean mandatory = bool(body, "fieldsMandatory", "fieldsMandatory");
        // Without a list of its own, a plan uses the six macro-areas of the standard.
        List<PlanField> fields = body.hasNonNull("fields") ? fields(body.get("fields")) : PlanContent.STANDARD_FIELDS;
        List<PlanAction> actions = body.hasNonNull("actions") ? actions(body.get("actions")) : List.of();
        return new Draft(title, mandatory == null || mandatory, new PlanContent(fields, actions), errors);
    }

    private List<PlanField> fields(JsonNode list) {
        List<PlanField> fields = new ArrayList<>();
        if (!isList(list, "fields", PlanRules.MAX_FIELDS)) {
            return fields;
        }
        for (int i = 0; i < list.size(); i++) {
            String path = "fields[" + i + "]";
            JsonNode f = list.get(i);
            if (isObject(f, path, FIELD)) {
                fields.add(new PlanField(text(f, "code", path + ".code"), text(f, "name", path + ".name"),
                        budget(f, path), text(f, "fundingLine", path + ".fundingLine")));
            }
        }
        return fields;
    }

    private List<PlanAction> actions(JsonNode list) {
        List<PlanAction> actions = new ArrayList<>();
        if (!isList(list, "actions", PlanRules.MAX_ACTIONS)) {
            return actions;
        }
        for (int i = 0; i < list.size(); i++) {
            String path = "actions[" + i + "]";
            JsonNode a = list.get(i);
            if (!isObject(a, path, ACTION)) {
                continue;
            }
            actions.add(new PlanAction(text(a, "code", path + ".code"), text(a, "fieldCode", path + ".fieldCode"),
                    text(a, "title", path + ".title"), text(a, "description", path + ".description"),
                    text(a, "objective", path + ".objective"), text(a, "activities", path + ".activities"),
                    text(a, "owner", path + ".owner"), text(a, "actors", path + ".actors"),
                    text(a, "recipients", path + ".recipients"), years(a.get("years"), path + ".years"),
                    date(a, "deadline", path + ".deadline"), budget(a, path), text(a, "fundingLine", path + ".fundingLine"),
                    text(a, "findingRef", path + ".findingRef"), text(a, "ptapRef", path + ".ptapRef"),
                    indicators(a.get("indicators"), path + ".indicators")));
        }
        return actions;
    }

    private List<Indicator> indicators(JsonNode list, String path) {
        List<Indicator> indicators = new ArrayList<>();
        if (list == null || list.isNull() || !isList(list, path, PlanRules.MAX_INDICATORS)) {
            return indicators;
        }
        for (int j = 0; j < list.size(); j++) {
            String p = path + "[" + j + "]";
            JsonNode k = list.get(j);
            if (isObject(k, p, INDICATOR)) {
                indicators.add(new Indicator(text(k, "name", p + ".name"), text(k, "unit", p + ".unit"),
                        amount(k, "baseline", p + ".baseline"), amount(k, "targetYear1", p + ".targetYear1"),
                        amount(k, "targetYear2", p + ".targetYear2"), amount(k, "targetYear3", p + ".targetYear3"),
                        years(k.get("years"), p + ".years")));
            }
        }
        return indicators;
    }

    /** An action's or a field's budget, checked before the record, which refuses more than cents. */
    private BigDecimal budget(JsonNode parent, String path) {
        BigDecimal budget = decimal(parent, "budget", path + ".budget");
        String problem = PlanRules.budgetProblem(budget);
        if (problem != null) {
            errors.add(new FieldError(path + ".budget", problem));
            return null;
        }
        return budget;
    }

    private TreeSet<Integer> years(JsonNode list, String path) {
        TreeSet<Integer> years = new TreeSet<>();
        if (list == null || list.isNull() || !isList(list, path, 3)) {
            return years;
        }
        for (int k = 0; k < list.size(); k++) {
            JsonNode y = list.get(k);
            if (y.canConvertToInt() && y.isIntegralNumber()) {
                years.add(y.intValue());
            } else {
                errors.add(new FieldError(path + "[" + k + "]", "Deve essere un anno del piano: 1, 2 o 3"));
            }
        }
        return years;
    }

    private boolean isList(JsonNode node, String path, int max) {
        if (!node.isArray()) {
            errors.add(new FieldError(path, "Deve essere un elenco"));
            return false;
        }
        if (node.size() > max) {
            errors.add(new FieldError(path, "Al massimo " + max + " elementi (ne hai " + node.size() + ")"));
            return false;
        }
        return true;
    }

    private boolean isObject(JsonNode node, String path, Set<String> keys) {
        if (!node.isObject()) {
            errors.add(new FieldError(path, "Deve essere un oggetto"));
            return false;
        }
        unknown(node, keys, path + ".");
        return true;
    }

    /** A misspelt key would otherwise be dropped without a word. */
    private void unknown(JsonNode node, Set<String> keys, String prefix) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!keys.contains(name)) {
                errors.add(new FieldError(prefix + name, "Campo sconosciuto / Unknown field"));
            }
        }
    }

    /** Trimmed; blank counts as missing. */
    private String text(JsonNode parent, String key, String path) {
        JsonNode v = parent.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            errors.add(new FieldError(path, "Deve essere un testo"));
            return null;
        }
        String text = v.asText().strip();
        return text.isEmpty() ? null : text;
    }

    private Boolean bool(JsonNode parent, String key, String path) {
        JsonNode v = parent.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            errors.add(new FieldError(path, "Deve essere vero o falso"));
            return null;
        }
        return v.booleanValue();
    }

    /**
     * An indicator's value. Checked here, before {@link Indicator} normalises it: {@code 1e999999999}
     * is short to send but would take the server a billion digits to write out.
     */
    private BigDecimal amount(JsonNode parent, String key, String path) {
        BigDecimal value = decimal(parent, key, path);
        String problem = PlanRules.amountProblem(value);
        if (problem != null) {
            errors.add(new FieldError(path, problem));
            return null;
        }
        return value;
    }

    /** A JSON number, or a string holding one (as spreadsheets and forms often send them). */
    private BigDecimal decimal(JsonNode parent, String key, String path) {
        JsonNode v = parent.get(key);
        if (v == null || v.isNull() || v.isTextual() && v.asText().isBlank()) {
            return null;
        }
        try {
            if (v.isNumber()) {
                return v.decimalValue();
            }
            if (v.isTextual() && v.asText().strip().length() <= 40) {
                return new BigDecimal(v.asText().strip());
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(path, "Deve essere un numero, con il punto per i decimali (es. 1500.50)"));
        return null;
    }

    private LocalDate date(JsonNode parent, String key, String path) {
        String text = text(parent, key, path);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(path, "Data non valida: usare il formato AAAA-MM-GG"));
            return null;
        }
    }
}
