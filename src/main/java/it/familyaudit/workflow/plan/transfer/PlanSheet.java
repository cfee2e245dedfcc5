package it.familyaudit.workflow.plan.transfer;

import it.familyaudit.workflow.plan.Indicator;
import it.familyaudit.workflow.plan.PlanAction;
import it.familyaudit.workflow.plan.PlanContent;
import it.familyaudit.workflow.plan.PlanField;
import it.familyaudit.workflow.plan.transfer.PlanColumn.Kind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The plan spreadsheet layout of {@link PlanColumn}, shared by {@link PlanCsv} and {@link PlanXlsx}: rows of cells
 * in, a plan out (all or nothing, every problem reported with its row and column); a plan in, rows out.
 * Cells arrive as {@link String}, {@link BigDecimal}, {@link LocalDate}, {@link Boolean} or {@link CellError}.
 */
final class PlanSheet {

    /** Rows with content after the header; more is not a plan someone filled in by hand. */
    static final int MAX_ROWS = 5000;
    /** A broken file can have an error in every cell: the first ones are enough to see what is wrong. */
    static final int MAX_ERRORS = 500;

    /**
     * A spreadsheet runs a cell that starts with one of these as a formula (tab and carriage return through
     * some importers); the export puts an apostrophe before them, and before a text that really starts with one.
     */
    private static final String FORMULA_STARTS = "=+-@\t\r'";

    private static final DateTimeFormatter DAY_MONTH_YEAR =
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern YEAR_RANGE = Pattern.compile("([1-3])\\s*-\\s*([1-3])");

    private PlanSheet() {
    }

    /** A cell holding a spreadsheet error such as {@code #DIV/0!}. */
    record CellError(String code) {
    }

    /** One line of the exported sheet; a heading names a field of investigation. */
    record Line(boolean heading, Object[] cells) {
    }

    private static final class BadCell extends Exception {
        BadCell(String message) {
            super(message, null, false, false);
        }
    }

    // ---------------------------------------------------------------- export

    /** Neutralises a text a spreadsheet would run as a formula, and a text that starts with the apostrophe itself. */
    static String quoted(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** Whether a spreadsheet could run this text (the .xlsx export marks such a cell as text instead). */
    static boolean formulaLike(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 && text.charAt(0) != '\'';
    }

    /**
     * The plan as lines under the {@link PlanColumn} header. Each field gets a heading line, with its own budget and
     * funding line, and its actions follow, one line per indicator; when the actions are not in the order of their
     * fields, all headings come first and then the actions in their own order, so that reading the lines back gives
     * the same plan.
     */
    static List<Line> lines(String title, boolean fieldsMandatory, PlanContent content) {
        List<Line> lines = new ArrayList<>();
        Map<String, Integer> fieldIndex = new HashMap<>();
        for (int i = 0; i < content.fields().size(); i++) {
            fieldIndex.put(content.fields().get(i).code(), i);
        }
        boolean grouped = true;
        int last = -1;
        for (PlanAction a : content.actions()) {
            Integer index = fieldIndex.get(a.fieldCode());
            if (index == null || index < last) {
                grouped = false;
                break;
            }
            last = index;
        }
        if (grouped) {
            Map<String, List<PlanAction>> byField = content.actions().stream()
                    .collect(Collectors.groupingBy(PlanAction::fieldCode, LinkedHashMap::new, Collectors.toList()));
            for (PlanField f : content.fields()) {
                lines.add(heading(f));
                byField.getOrDefault(f.code(), List.of()).forEach(a -> addAction(lines, a));
            }
        } else {
            content.fields().forEach(f -> lines.add(heading(f)));
            content.actions().forEach(a -> addAction(lines, a));
        }
        if (lines.isEmpty()) {
            lines.add(new Line(false, new Object[PlanColumn.values().length]));
        }
        Object[] first = lines.get(0).cells();
        first[PlanColumn.PLAN_TITLE.ordinal()] = title;
        first[PlanColumn.FIELDS_MANDATORY.ordinal()] = fieldsMandatory ? "sì" : "no";
        return lines;
    }

    private static Line heading(PlanField f) {
        Object[] cells = new Object[PlanColumn.values().length];
        cells[PlanColumn.FIELD_CODE.ordinal()] = f.code();
        cells[PlanColumn.FIELD_NAME.ordinal()] = f.name();
        cells[PlanColumn.BUDGET.ordinal()] = f.budget();
        cells[PlanColumn.FUNDING_LINE.ordinal()] = f.fundingLine();
        return new Line(true, cells);
    }

    private static void addAction(List<Line> lines, PlanAction a) {
        int rows = Math.max(1, a.indicators().size());
        for (int i = 0; i < rows; i++) {
            Object[] cells = new Object[PlanColumn.values().length];
            cells[PlanColumn.FIELD_CODE.ordinal()] = a.fieldCode();
            cells[PlanColumn.ACTION_CODE.ordinal()] = a.code();
            if (i == 0) {
                put(cells, PlanColumn.TITLE, a.title());
                put(cells, PlanColumn.DESCRIPTION, a.description());
                put(cells, PlanColumn.OBJECTIVE, a.objective());
                put(cells, PlanColumn.ACTIVITIES, a.activities());
                put(cells, PlanColumn.OWNER, a.owner());
                put(cells, PlanColumn.ACTORS, a.actors());
                put(cells, PlanColumn.RECIPIENTS, a.recipients());
                put(cells, PlanColumn.YEARS, years(a.years()));
                put(cells, PlanColumn.DEADLINE, a.deadline());
                put(cells, PlanColumn.BUDGET, a.budget());
                put(cells, PlanColumn.FUNDING_LINE, a.fundingLine());
                put(cells, PlanColumn.FINDING_REF, a.findingRef());
                put(cells, PlanColumn.PTAP_REF, a.ptapRef());
            }
            if (i < a.indicators().size()) {
                Indicator k = a.indicators().get(i);
                put(cells, PlanColumn.INDICATOR, k.name());
                put(cells, PlanColumn.UNIT, k.unit());
                put(cells, PlanColumn.BASELINE, k.baseline());
                put(cells, PlanColumn.TARGET_YEAR1, k.targetYear1());
                put(cells, PlanColumn.TARGET_YEAR2, k.targetYear2());
                put(cells, PlanColumn.TARGET_YEAR3, k.targetYear3());
                put(cells, PlanColumn.INDICATOR_YEARS, years(k.years()));
            }
            lines.add(new Line(false, cells));
        }
    }

    /** Plan years as the import reads them back (1,3), or {@code null} for none. */
    private static String years(SortedSet<Integer> years) {
        return years.isEmpty() ? null : years.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static void put(Object[] cells, PlanColumn column, Object value) {
        cells[column.ordinal()] = value;
    }

    /** An amount as an Italian spreadsheet writes it: decimal comma, no thousands separator (1500,5). */
    static String italian(BigDecimal amount) {
        return amount.toPlainString().replace('.', ',');
    }

    /** A budget as a message names it: 25000,00. */
    private static String euro(BigDecimal amount) {
        return italian(amount.setScale(2, RoundingMode.UNNECESSARY));
    }

    // ---------------------------------------------------------------- import

    /**
     * Reads one file: {@link #header} once, then {@link #row} for every row until it answers {@code false},
     * then {@link #finish}. Not thread-safe: one reader per file.
     */
    static final class Reader {

        private final boolean apostrophes;
        private final List<ImportError> errors = new ArrayList<>();
        private PlanColumn[] columns;
        private boolean stopped;
        private boolean truncated;
        private int dataRows;
        private int lastRow = 1;

        private final Map<String, FieldDraft> fields = new LinkedHashMap<>();
        private final Map<String, ActionDraft> actions = new LinkedHashMap<>();
        private ActionDraft current;
        private String title;
        private int titleRow;
        private Boolean fieldsMandatory;
        private int fieldsMandatoryRow;

        /** @param apostrophes whether texts carry the export's apostrophe before formula-like text (CSV) */
        Reader(boolean apostrophes) {
            this.apostrophes = apostrophes;
        }

        /** An error that is not about one cell (a damaged file, a bad encoding). */
        void fail(int row, String message) {
            error(row, (String) null, message);
            stopped = true;
        }

        /** The header: the first row with something in it. Rows cannot be read without the required columns. */
        private void header(int row, List<Object> cells) {
            columns = new PlanColumn[cells.size()];
            Map<PlanColumn, Integer> seen = new EnumMap<>(PlanColumn.class);
            for (int i = 0; i < cells.size(); i++) {
                Object cell = cells.get(i);
                String name = cell == null ? "" : cell.toString().strip();
                if (name.isEmpty()) {
                    continue; // an empty column the spreadsheet carried along
                }
                PlanColumn column = PlanColumn.named(name).orElse(null);
                if (column == null) {
                    // Refused rather than skipped: a misspelt header would otherwise drop its data unseen.
                    error(row, name, "Colonna sconosciuta «" + name + "» (colonna " + (i + 1)
                            + "): toglierla o usare una delle intestazioni attese: " + expectedHeaders());
                    continue;
                }
                if (seen.containsKey(column)) {
                    error(row, column.header, "Colonna ripetuta (colonne " + (seen.get(column) + 1) + " e " + (i + 1)
                            + "): tenerne una sola");
                    continue;
                }
                seen.put(column, i);
                columns[i] = column;
            }
            for (PlanColumn required : PlanColumn.REQUIRED) {
                if (!seen.containsKey(required)) {
                    error(row, required.header, "Colonna obbligatoria mancante: «" + required.header
                            + "». Intestazioni attese: " + expectedHeaders());
                }
            }
            if (!errors.isEmpty()) {
                stopped = true;
            }
        }

        /**
         * One row, numbered as the spreadsheet shows it; the first one with something in it is the header.
         * Answers whether to go on reading: not after a missing column, too many rows or too many errors.
         */
        boolean row(int row, List<Object> cells) {
            if (stopped) {
                return false;
            }
            lastRow = row;
            if (columns == null) {
                if (cells.stream().anyMatch(c -> c != null && !c.toString().isBlank())) {
                    header(row, cells);
                }
                return !stopped;
            }
            Map<PlanColumn, Object> values = new EnumMap<>(PlanColumn.class);
            Set<PlanColumn> bad = EnumSet.noneOf(PlanColumn.class);
            for (int i = 0; i < cells.size() && i < columns.length; i++) {
                PlanColumn column = columns[i];
                Object cell = cells.get(i);
                if (column == null || cell == null) {
                    continue;
                }
                try {
                    Object value = convert(column, cell);
                    if (value != null) {
                        values.put(column, value);
                    }
                } catch (BadCell e) {
                    bad.add(column);
                    error(row, column, e.getMessage());
                }
            }
            if (values.isEmpty() && bad.isEmpty()) {
                return true; // an empty row
            }
            if (++dataRows > MAX_ROWS) {
                error(row, (String) null, "Troppe righe: al massimo " + MAX_ROWS + " righe oltre l'intestazione");
                stopped = true;
                return false;
            }
            for (Map.Entry<PlanColumn, Object> e : values.entrySet()) {
                PlanColumn c = e.getKey();
                if (c.maxLength > 0 && e.getValue() instanceof String s && s.length() > c.maxLength) {
                    bad.add(c);
                    error(row, c, "Testo troppo lungo: " + s.length() + " caratteri, al massimo " + c.maxLength);
                }
            }
            plan(row, values);
            String code = (String) values.get(PlanColumn.ACTION_CODE);
            if (code == null && !bad.contains(PlanColumn.ACTION_CODE)) {
                fieldRow(row, values, bad);
            } else if (code != null) {
                actionRow(row, code, values, bad);
            }
            return !stopped;
        }

        private void plan(int row, Map<PlanColumn, Object> values) {
            String t = (String) values.get(PlanColumn.PLAN_TITLE);
            if (t != null && t.length() <= PlanColumn.PLAN_TITLE.maxLength) {
                if (title == null) {
                    title = t;
                    titleRow = row;
                } else if (!title.equals(t)) {
                    error(row, PlanColumn.PLAN_TITLE, "Titolo del piano diverso da quello della riga " + titleRow
                            + ": scriverlo una volta sola");
                }
            }
            Boolean mandatory = (Boolean) values.get(PlanColumn.FIELDS_MANDATORY);
            if (mandatory != null) {
                if (fieldsMandatory == null) {
                    fieldsMandatory = mandatory;
                    fieldsMandatoryRow = row;
                } else if (!fieldsMandatory.equals(mandatory)) {
                    error(row, PlanColumn.FIELDS_MANDATORY, "Valore diverso da quello della riga "
                            + fieldsMandatoryRow + ": scriverlo una volta sola");
                }
            }
        }

        /** A row without an action code: it may only name a field, with the field's own budget and funding line. */
        private void fieldRow(int row, Map<PlanColumn, Object> values, Set<PlanColumn> bad) {
            current = null;
            boolean actionData = PlanColumn.ACTION_COLUMNS.stream().filter(c -> !PlanColumn.FIELD_COLUMNS.contains(c))
                    .anyMatch(c -> values.containsKey(c) || bad.contains(c))
                    || PlanColumn.INDICATOR_COLUMNS.stream().anyMatch(c -> values.containsKey(c) || bad.contains(c));
            if (actionData) {
                error(row, PlanColumn.ACTION_CODE, "Codice azione mancante: ogni riga con i dati di un'azione o di un "
                        + "indicatore ne riporta il codice (es. 1.1)");
            }
            String code = (String) values.get(PlanColumn.FIELD_CODE);
            String name = (String) values.get(PlanColumn.FIELD_NAME);
            boolean money = values.containsKey(PlanColumn.BUDGET) || values.containsKey(PlanColumn.FUNDING_LINE);
            if (code == null) {
                if (name != null) {
                    error(row, PlanColumn.FIELD_CODE, "Codice campo mancante per il campo «" + name + "»");
                } else if (money && !actionData && !bad.contains(PlanColumn.FIELD_CODE)) {
                    error(row, PlanColumn.ACTION_CODE, "Codice mancante: budget e linea di finanziamento vanno sulla "
                            + "riga di un'azione (con il codice azione) o su quella di un campo di indagine (con il "
                            + "codice campo)");
                }
                return;
            }
            if (!bad.contains(PlanColumn.FIELD_CODE)) {
                declareField(row, code, bad.contains(PlanColumn.FIELD_NAME) ? null : name, null);
                if (!actionData) {
                    fieldMoney(row, fields.get(code), (BigDecimal) values.get(PlanColumn.BUDGET),
                            (String) values.get(PlanColumn.FUNDING_LINE));
                }
            }
        }

        /**
         * A field's budget and funding line, from its declaration row. Declared again, the field leaves them empty
         * or repeats them; a different value names both rows.
         */
        private void fieldMoney(int row, FieldDraft field, BigDecimal budget, String fundingLine) {
            if (field.declarationRow == 0) {
                field.declarationRow = row;
            }
            if (budget == null && fundingLine == null) {
                return;
            }
            if (field.moneyRow == 0) {
                field.moneyRow = row;
                field.budget = budget;
                field.fundingLine = fundingLine;
                return;
            }
            if (budget != null && !same(budget, field.budget)) {
                error(row, PlanColumn.BUDGET, "Budget diverso per il campo " + field.code + ": "
                        + (field.budget == null ? "nessuno" : euro(field.budget)) + " alla riga " + field.moneyRow
                        + ", " + euro(budget) + " alla riga " + row + ": scriverlo una volta sola, sulla riga "
                        + "del campo");
            }
            if (fundingLine != null && !fundingLine.equals(field.fundingLine)) {
                error(row, PlanColumn.FUNDING_LINE, "Linea di finanziamento diversa per il campo " + field.code + ": "
                        + (field.fundingLine == null ? "nessuna" : "«" + field.fundingLine + "»") + " alla riga "
                        + field.moneyRow + ", «" + fundingLine + "» alla riga " + row + ": scriverla una volta sola, "
                        + "sulla riga del campo");
            }
        }

        private void actionRow(int row, String code, Map<PlanColumn, Object> values, Set<PlanColumn> bad) {
            String fieldCode = (String) values.get(PlanColumn.FIELD_CODE);
            if (fieldCode == null && !bad.contains(PlanColumn.FIELD_CODE)) {
                // 1.1 and 4.2.1 belong to fields 1 and 4 unless the row says otherwise.
                int dot = code.indexOf('.');
                fieldCode = dot > 0 ? code.substring(0, dot) : null;
                if (fieldCode == null) {
                    error(row, PlanColumn.FIELD_CODE, "Codice campo mancante per l'azione " + code);
                }
            }
            String fieldName = bad.contains(PlanColumn.FIELD_NAME) ? null : (String) values.get(PlanColumn.FIELD_NAME);
            if (current != null && current.code.equals(code)) {
                continuation(row, fieldCode, values);
            } else if (actions.containsKey(code)) {
                current = null;
                error(row, PlanColumn.ACTION_CODE, "Codice azione " + code + " ripetuto: l'azione è già alla riga "
                        + actions.get(code).row + " (le righe di una stessa azione vanno una sotto l'altra)");
                return;
            } else {
                current = new ActionDraft(code, row, fieldCode, values);
                actions.put(code, current);
                if (!values.containsKey(PlanColumn.TITLE) && !bad.contains(PlanColumn.TITLE)) {
                    error(row, PlanColumn.TITLE, "Titolo dell'azione " + code + " mancante");
                }
            }
            if (fieldCode != null) {
                declareField(row, fieldCode, fieldName, code);
            }
            indicator(row, values, bad);
        }

        /** A further row of the action above: it adds an indicator; the action's columns stay as they were. */
        private void continuation(int row, String fieldCode, Map<PlanColumn, Object> values) {
            if (fieldCode != null && !fieldCode.equals(current.fieldCode)) {
                error(row, PlanColumn.FIELD_CODE, "Campo diverso da quello della riga " + current.row
                        + ", la prima dell'azione " + current.code);
            }
            for (PlanColumn c : PlanColumn.ACTION_COLUMNS) {
                Object value = values.get(c);
                if (value != null && !same(value, current.values.get(c))) {
                    error(row, c, "Valore diverso da quello della riga " + current.row + ", la prima dell'azione "
                            + current.code + ": le righe seguenti della stessa azione aggiungono indicatori e lasciano "
                            + "vuote (o uguali) le altre colonne");
                }
            }
        }

        private void indicator(int row, Map<PlanColumn, Object> values, Set<PlanColumn> bad) {
            String name = (String) values.get(PlanColumn.INDICATOR);
            if (name == null) {
                boolean other = PlanColumn.INDICATOR_COLUMNS.stream()
                        .anyMatch(c -> c != PlanColumn.INDICATOR && (values.containsKey(c) || bad.contains(c)));
                if (other && !bad.contains(PlanColumn.INDICATOR)) {
                    error(row, PlanColumn.INDICATOR, "Nome dell'indicatore mancante");
                }
                return;
            }
            if (current != null) {
                @SuppressWarnings("unchecked")
                SortedSet<Integer> years = (SortedSet<Integer>) values.get(PlanColumn.INDICATOR_YEARS);
                current.indicators.add(new Indicator(name, (String) values.get(PlanColumn.UNIT),
                        (BigDecimal) values.get(PlanColumn.BASELINE), (BigDecimal) values.get(PlanColumn.TARGET_YEAR1),
                        (BigDecimal) values.get(PlanColumn.TARGET_YEAR2),
                        (BigDecimal) values.get(PlanColumn.TARGET_YEAR3), years));
                current.indicatorRows.add(row);
            }
        }

        private void declareField(int row, String code, String name, String actionCode) {
            FieldDraft field = fields.get(code);
            if (field == null) {
                fields.put(code, new FieldDraft(code, name, row, actionCode));
            } else if (name != null) {
                if (field.name == null) {
                    field.name = name;
                } else if (!field.name.equals(name)) {
                    error(row, PlanColumn.FIELD_NAME, "Nome diverso per il campo " + code + ": «" + field.name
                            + "» alla riga " + field.row + ", «" + name + "» qui");
                }
            }
        }

        /** The plan, or every problem found. */
        PlanImport finish() {
            if (columns == null && errors.isEmpty()) {
                error(1, (String) null, "Il file è vuoto: manca l'intestazione con i nomi delle colonne");
            }
            // After an early stop the rest of the file might have named them.
            if (!stopped) {
                for (FieldDraft f : fields.values()) {
                    if (f.name == null) {
                        error(f.row, PlanColumn.FIELD_NAME, f.firstAction == null
                                ? "Nome del campo " + f.code + " mancante"
                                : "Il campo di indagine " + f.code + " dell'azione " + f.firstAction
                                  + " non è definito: indicarne il nome nella colonna «" + PlanColumn.FIELD_NAME.header + "»");
                    }
                }
            }
            if (errors.isEmpty() && fields.isEmpty() && actions.isEmpty()) {
                error(lastRow + 1, (String) null, "Il file non contiene né campi di indagine né azioni");
            }
            if (!errors.isEmpty()) {
                List<ImportError> sorted = new ArrayList<>(errors);
                sorted.sort(Comparator.comparingInt(ImportError::row).thenComparingInt(e -> PlanColumn.named(e.column())
                        .map(Enum::ordinal).orElse(-1)));
                if (truncated) {
                    sorted.add(0, new ImportError(0, null, "Troppi errori: sono elencati i primi " + MAX_ERRORS));
                }
                throw new PlanImportException(sorted);
            }
            List<PlanField> planFields = new ArrayList<>();
            List<Integer> fieldRows = new ArrayList<>();
            List<Integer> fieldBudgetRows = new ArrayList<>();
            for (FieldDraft f : fields.values()) {
                planFields.add(new PlanField(f.code, f.name, f.budget, f.fundingLine));
                fieldRows.add(f.row);
                fieldBudgetRows.add(f.moneyRow != 0 ? f.moneyRow : f.declarationRow != 0 ? f.declarationRow : f.row);
            }
            List<PlanAction> planActions = new ArrayList<>();
            List<Integer> actionRows = new ArrayList<>();
            List<List<Integer>> indicatorRows = new ArrayList<>();
            for (ActionDraft a : actions.values()) {
                planActions.add(a.action());
                actionRows.add(a.row);
                indicatorRows.add(a.indicatorRows);
            }
            return new PlanImport(title, fieldsMandatory, new PlanContent(planFields, planActions), fieldRows,
                    fieldBudgetRows, actionRows, indicatorRows);
        }

        private void error(int row, PlanColumn column, String message) {
            error(row, column.header, message);
        }

        private void error(int row, String column, String message) {
            if (errors.size() >= MAX_ERRORS) {
                truncated = true;
                stopped = true;
                return;
            }
            errors.add(new ImportError(row, column, message));
        }

        private Object convert(PlanColumn column, Object cell) throws BadCell {
            if (cell instanceof CellError e) {
                throw new BadCell("La cella contiene un errore del foglio di calcolo (" + e.code() + ")");
            }
            if (column.kind == Kind.DATE && cell instanceof LocalDate date) {
                return date;
            }
            if ((column.kind == Kind.BUDGET || column.kind == Kind.VALUE) && cell instanceof BigDecimal number) {
                return amount(column, number);
            }
            if (column.kind == Kind.FLAG && cell instanceof Boolean flag) {
                return flag;
            }
            String text = text(cell);
            if (text == null) {
                return null;
            }
            return switch (column.kind) {
                case TEXT -> text;
                case YEARS -> years(column, text);
                case DATE -> date(text);
                case BUDGET, VALUE -> amount(column, number(text, column.kind == Kind.VALUE));
                case FLAG -> flag(text);
            };
        }

        private String text(Object cell) {
            String text;
            if (cell instanceof BigDecimal number) {
                text = plain(number);
            } else if (cell instanceof LocalDate date) {
                text = date.toString();
            } else {
                text = cell.toString();
            }
            text = text.strip();
            if (text.isEmpty()) {
                return null;
            }
            if (apostrophes && text.length() > 1 && text.charAt(0) == '\'' && FORMULA_STARTS.indexOf(text.charAt(1)) >= 0) {
                return text.substring(1);
            }
            return text;
        }
    }

    private static final class FieldDraft {
        final String code;
        String name;
        final int row;
        final String firstAction;
        /** The first row without action code that declares it, and the one its budget and funding line are on. */
        int declarationRow;
        int moneyRow;
        BigDecimal budget;
        String fundingLine;

        FieldDraft(String code, String name, int row, String firstAction) {
            this.code = code;
            this.name = name;
            this.row = row;
            this.firstAction = firstAction;
        }
    }

    private static final class ActionDraft {
        final String code;
        final int row;
        final String fieldCode;
        final Map<PlanColumn, Object> values;
        final List<Indicator> indicators = new ArrayList<>();
        final List<Integer> indicatorRows = new ArrayList<>();

        ActionDraft(String code, int row, String fieldCode, Map<PlanColumn, Object> values) {
            this.code = code;
            this.row = row;
            this.fieldCode = fieldCode;
            this.values = values;
        }

        @SuppressWarnings("unchecked")
        PlanAction action() {
            return new PlanAction(code, fieldCode, s(PlanColumn.TITLE), s(PlanColumn.DESCRIPTION), s(PlanColumn.OBJECTIVE),
                    s(PlanColumn.ACTIVITIES), s(PlanColumn.OWNER), s(PlanColumn.ACTORS), s(PlanColumn.RECIPIENTS),
                    (SortedSet<Integer>) values.get(PlanColumn.YEARS), (LocalDate) values.get(PlanColumn.DEADLINE),
                    (BigDecimal) values.get(PlanColumn.BUDGET), s(PlanColumn.FUNDING_LINE), s(PlanColumn.FINDING_REF),
                    s(PlanColumn.PTAP_REF), indicators);
        }

        private String s(PlanColumn column) {
            return (String) values.get(column);
        }
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    static String plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** 1, 2 and 3 separated by anything (1,2,3 · 1;3 · 1 2), a range (1-3), or run together by a spreadsheet (123). */
    private static SortedSet<Integer> years(PlanColumn column, String text) throws BadCell {
        SortedSet<Integer> years = new TreeSet<>();
        Matcher range = YEAR_RANGE.matcher(text);
        if (range.matches() && range.group(1).compareTo(range.group(2)) <= 0) {
            for (int y = Integer.parseInt(range.group(1)); y <= Integer.parseInt(range.group(2)); y++) {
                years.add(y);
            }
            return years;
        }
        for (String token : text.split("[^0-9]+")) {
            if (token.isEmpty()) {
                continue;
            }
            // "1,2" read as the number 12 by a spreadsheet with another decimal separator.
            if (!token.matches("1?2?3?")) {
                throw new BadCell(column.header + " non validi: «" + text + "». Indicare 1, 2 e/o 3 separati da "
                        + "virgole (es. 1,2,3)");
            }
            token.chars().forEach(c -> years.add(c - '0'));
        }
        if (years.isEmpty() || !text.matches("[0-9\\s,;./\\-eE]+")) {
            throw new BadCell(column.header + " non validi: «" + text + "». Indicare 1, 2 e/o 3 separati da "
                    + "virgole (es. 1,2,3)");
        }
        return years;
    }

    private static LocalDate date(String text) throws BadCell {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException iso) {
            try {
                return LocalDate.parse(text, DAY_MONTH_YEAR);
            } catch (DateTimeParseException italian) {
                throw new BadCell("Data non valida: «" + text + "». Scrivere AAAA-MM-GG o GG/MM/AAAA (es. 31/12/2027)");
            }
        }
    }

    /** Euro amounts and indicator values as people type them ({@link PlanNumbers}). */
    private static BigDecimal number(String text, boolean percent) throws BadCell {
        return PlanNumbers.read(text, percent).orElseThrow(() -> new BadCell("Numero non valido: «" + text
                + "». Scrivere ad esempio 1500 o 1.500,00"));
    }

    private static BigDecimal amount(PlanColumn column, BigDecimal value) throws BadCell {
        BigDecimal n = value.stripTrailingZeros();
        if (n.scale() > 2) {
            throw new BadCell("Al massimo due decimali: " + plain(value));
        }
        int integerDigits = Math.max(0, n.precision() - Math.max(0, n.scale()));
        if (column.kind == Kind.BUDGET) {
            if (n.signum() < 0) {
                throw new BadCell("Il budget non può essere negativo (lasciare vuoto se non ci sono costi)");
            }
            if (integerDigits > 10) {
                throw new BadCell("Importo troppo grande: al massimo 10 cifre prima della virgola");
            }
        } else if (integerDigits > 12) {
            throw new BadCell("Valore troppo grande: al massimo 12 cifre prima della virgola");
        }
        return n.scale() < 0 ? n.setScale(0) : n;
    }

    private static Boolean flag(String text) throws BadCell {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "sì", "si", "s", "yes", "y", "true", "vero", "1", "x" -> Boolean.TRUE;
            case "no", "n", "false", "falso", "0" -> Boolean.FALSE;
            default -> throw new BadCell("Valore non valido: «" + text + "». Scrivere sì o no");
        };
    }

    /** The headers a file must start with, for the message that says one is missing. */
    static String expectedHeaders() {
        return Arrays.stream(PlanColumn.values()).map(c -> c.header).collect(Collectors.joining("; "));
    }
}
