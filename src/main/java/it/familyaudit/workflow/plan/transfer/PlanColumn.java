package it.familyaudit.workflow.plan.transfer;

import it.familyaudit.workflow.plan.Indicator;
import it.familyaudit.workflow.plan.PlanContent;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of a plan spreadsheet (CSV or .xlsx), in the order they are written. One row per indicator
 * of an action: the action's own columns are filled on its first row, the rows after it with the same action
 * code add indicators. A row with a field code and name but no action code declares a field of investigation
 * (a field with no actions is such a row alone). The headers are Italian; English names are accepted too.
 * Text lengths are the V3 schema's column sizes.
 *
 * <p>A field's own budget and funding line ({@link #FIELD_COLUMNS}) go in the same {@link #BUDGET} and
 * {@link #FUNDING_LINE} columns as an action's, on the field's declaration row: on a row with an action code they
 * are the action's, on a row without one the field's. The export writes them on the field's heading row. A field
 * declared on several rows gets them from one of them; the others leave them empty or repeat them.
 *
 * <p>{@link #INDICATOR_YEARS} are the plan years an indicator is measured in, written as {@link #YEARS}; empty
 * means every year its action runs. Files written before these existed, without the column and with nothing in
 * the budget of a declaration row, read as they always did.
 */
enum PlanColumn {
    FIELD_CODE("Codice campo", Kind.TEXT, 20, "fields[].code", "Field code"),
    FIELD_NAME("Campo di indagine", Kind.TEXT, 300, "fields[].name", "Field", "Field name", "Nome campo"),
    ACTION_CODE("Codice azione", Kind.TEXT, 20, "code", "Action code", "Codice"),
    TITLE("Titolo", Kind.TEXT, 300, "title", "Title", "Titolo azione", "Action title"),
    DESCRIPTION("Descrizione", Kind.TEXT, 8000, "description", "Description"),
    OBJECTIVE("Obiettivo", Kind.TEXT, 4000, "objective", "Objective"),
    ACTIVITIES("Attività", Kind.TEXT, 8000, "activities", "Activities"),
    OWNER("Responsabile", Kind.TEXT, 300, "owner", "Owner"),
    ACTORS("Soggetti attuatori", Kind.TEXT, 2000, "actors", "Actors"),
    RECIPIENTS("Destinatari", Kind.TEXT, 2000, "recipients", "Recipients"),
    YEARS("Anni del piano", Kind.YEARS, 0, "years", "Anni", "Plan years", "Years"),
    DEADLINE("Scadenza", Kind.DATE, 0, "deadline", "Deadline"),
    BUDGET("Budget (euro)", Kind.BUDGET, 0, "budget", "Budget", "Budget (€)", "Costo"),
    FUNDING_LINE("Linea di finanziamento", Kind.TEXT, 300, "fundingLine", "Funding line", "Finanziamento"),
    FINDING_REF("Rif. questionario", Kind.TEXT, 200, "findingRef", "Finding ref", "Finding reference"),
    PTAP_REF("Rif. PTAP/PIAO", Kind.TEXT, 200, "ptapRef", "PTAP ref", "PTAP/PIAO ref", "PIAO"),
    INDICATOR("Indicatore", Kind.TEXT, 300, "indicators[].name", "Indicator"),
    UNIT("Unità di misura", Kind.TEXT, 50, "indicators[].unit", "Unit", "Unità"),
    BASELINE("Valore di partenza", Kind.VALUE, 0, "indicators[].baseline", "Baseline", "Valore iniziale"),
    TARGET_YEAR1("Target anno 1", Kind.VALUE, 0, "indicators[].targetYear1", "Target year 1"),
    TARGET_YEAR2("Target anno 2", Kind.VALUE, 0, "indicators[].targetYear2", "Target year 2"),
    TARGET_YEAR3("Target anno 3", Kind.VALUE, 0, "indicators[].targetYear3", "Target year 3"),
    INDICATOR_YEARS("Anni di misura", Kind.YEARS, 0, "indicators[].years", "Measured in years",
            "Measurement years", "Years measured", "Anni misurati", "Anni della misura"),
    PLAN_TITLE("Titolo del piano", Kind.TEXT, 200, "planTitle", "Plan title"),
    FIELDS_MANDATORY("Campi obbligatori", Kind.FLAG, 0, "fieldsMandatory", "Fields mandatory");

    /** How a cell is read and written. */
    enum Kind { TEXT, YEARS, DATE, BUDGET, VALUE, FLAG }

    /** A file without these is refused before any row is read. */
    static final List<PlanColumn> REQUIRED = List.of(FIELD_CODE, FIELD_NAME, ACTION_CODE, TITLE);

    /** The action's own columns: filled on its first row, empty or equal on the rows that add indicators. */
    static final List<PlanColumn> ACTION_COLUMNS = List.of(TITLE, DESCRIPTION, OBJECTIVE, ACTIVITIES, OWNER, ACTORS,
            RECIPIENTS, YEARS, DEADLINE, BUDGET, FUNDING_LINE, FINDING_REF, PTAP_REF);

    static final List<PlanColumn> INDICATOR_COLUMNS = List.of(INDICATOR, UNIT, BASELINE, TARGET_YEAR1, TARGET_YEAR2,
            TARGET_YEAR3, INDICATOR_YEARS);

    /** What a field's declaration row (no action code) may fill: there the budget and funding line are the field's. */
    static final List<PlanColumn> FIELD_COLUMNS = List.of(FIELD_CODE, FIELD_NAME, BUDGET, FUNDING_LINE);

    private static final Map<String, PlanColumn> BY_NAME = new HashMap<>();

    static {
        for (PlanColumn c : values()) {
            BY_NAME.put(key(c.header), c);
            for (String alias : c.aliases) {
                BY_NAME.put(key(alias), c);
            }
        }
    }

    final String header;
    final Kind kind;
    /** Longest text the database keeps (characters); 0 for columns that are not free text. */
    final int maxLength;
    /** The property of {@link PlanContent} it holds, as a validation error names it. */
    final String property;
    private final String[] aliases;

    PlanColumn(String header, Kind kind, int maxLength, String property, String... aliases) {
        this.header = header;
        this.kind = kind;
        this.maxLength = maxLength;
        this.property = property;
        this.aliases = aliases;
    }

    /** The column of a field's property as a validation error names it ({@code name}, {@code budget}), if any. */
    static Optional<PlanColumn> ofField(String property) {
        return FIELD_COLUMNS.stream()
                .filter(c -> c.property.equals("fields[]." + property) || c.property.equals(property))
                .findFirst();
    }

    /** The column a header names: case, accents, spaces and punctuation do not matter. */
    static Optional<PlanColumn> named(String header) {
        return header == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(key(header)));
    }

    private static String key(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
