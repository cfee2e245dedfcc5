package it.familyaudit.workflow.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.familyaudit.workflow.plan.PlanAction;
import it.familyaudit.workflow.plan.PlanView;
import it.familyaudit.workflow.plan.transfer.PlanNumbers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plan editor's form: the draft as its inputs hold it, text as typed. Inputs are named by the
 * paths of the plan's JSON ({@code title}, {@code fields[0].name},
 * {@code actions[2].indicators[0].targetYear1}), so that the path of a rule the plan breaks names its
 * input. Filled from a plan to show it, from the request when it comes back (so whatever was typed is
 * shown again, even where it is wrong), and written as the JSON body the plan's service takes, which
 * alone decides what is valid. Rows are added, moved and removed here, by the editor's buttons.
 */
final class PlanForm {

    /** An action's inputs other than its years, in the order of the page. */
    static final List<String> ACTION_INPUTS = List.of("code", "fieldCode", "title", "objective", "description",
            "activities", "owner", "actors", "recipients", "deadline", "budget", "fundingLine", "findingRef", "ptapRef");
    static final List<String> INDICATOR_INPUTS = List.of("name", "unit", "baseline", "targetYear1", "targetYear2",
            "targetYear3");
    private static final Set<String> VALUES = Set.of("baseline", "targetYear1", "targetYear2", "targetYear3");

    private static final Pattern FIELD = Pattern.compile("fields\\[(\\d{1,3})]\\.(code|name|budget|fundingLine)");
    private static final Pattern ACTION = Pattern.compile("actions\\[(\\d{1,4})]\\.(\\w+)");
    private static final Pattern INDICATOR = Pattern.compile("actions\\[(\\d{1,4})]\\.indicators\\[(\\d{1,2})]\\.(\\w+)");
    private static final Pattern NUMBERED = Pattern.compile("(\\d+)(?:\\.(\\d+))?");
    /** The day as people write it where a browser offers no date picker. */
    private static final DateTimeFormatter ITALIAN_DAY = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    /** A field of investigation as typed: its budget as people write amounts, empty when it has no money of its own. */
    record Field(String code, String name, String budget, String fundingLine) {

        /** An input's text by its name: {@code code}, {@code name}, {@code budget} or {@code fundingLine}. */
        public String get(String input) {
            return switch (input) {
                case "code" -> code;
                case "name" -> name;
                case "budget" -> budget;
                case "fundingLine" -> fundingLine;
                default -> throw new IllegalArgumentException(input);
            };
        }
    }

    /** An action as typed: its inputs by name ({@link #ACTION_INPUTS}), the years ticked, its indicators. */
    record Action(Map<String, String> values, SortedSet<Integer> years, List<Indicator> indicators) {

        public String get(String input) {
            return values.get(input);
        }
    }

    /**
     * An indicator as typed, by input name ({@link #INDICATOR_INPUTS}), and the plan years ticked it is
     * measured in: none, every year its action runs.
     */
    record Indicator(Map<String, String> values, SortedSet<Integer> years) {
    }

    /** What {@link #json} could not read as its type and passed on as typed: input path → "number" or "date". */
    private final Map<String, String> unreadable = new HashMap<>();
    private String title;
    private boolean fieldsMandatory;
    private final List<Field> fields;
    private final List<Action> actions;

    private PlanForm(String title, boolean fieldsMandatory, List<Field> fields, List<Action> actions) {
        this.title = title;
        this.fieldsMandatory = fieldsMandatory;
        this.fields = fields;
        this.actions = actions;
    }

    // --- Filling --------------------------------------------------------------------------------

    /** A plan as its inputs show it: days as the date inputs take them, amounts as the reader writes them. */
    static PlanForm of(PlanView plan, Locale locale) {
        List<Field> fields = new ArrayList<>();
        plan.fields().forEach(f -> fields.add(new Field(f.code(), f.name(),
                f.budget() == null ? null : amount(f.budget(), locale), f.fundingLine())));
        List<Action> actions = new ArrayList<>();
        for (PlanAction a : plan.actions()) {
            Map<String, String> v = new HashMap<>();
            v.put("code", a.code());
            v.put("fieldCode", a.fieldCode());
            v.put("title", a.title());
            v.put("objective", a.objective());
            v.put("description", a.description());
            v.put("activities", a.activities());
            v.put("owner", a.owner());
            v.put("actors", a.actors());
            v.put("recipients", a.recipients());
            v.put("deadline", a.deadline() == null ? null : a.deadline().toString());
            v.put("budget", a.budget() == null ? null : amount(a.budget(), locale));
            v.put("fundingLine", a.fundingLine());
            v.put("findingRef", a.findingRef());
            v.put("ptapRef", a.ptapRef());
            List<Indicator> indicators = new ArrayList<>();
            for (it.familyaudit.workflow.plan.Indicator k : a.indicators()) {
                Map<String, String> iv = new HashMap<>();
                iv.put("name", k.name());
                iv.put("unit", k.unit());
                iv.put("baseline", value(k.baseline(), locale));
                for (int year = 1; year <= 3; year++) {
                    iv.put("targetYear" + year, value(k.target(year), locale));
                }
                indicators.add(new Indicator(iv, new TreeSet<>(k.years())));
            }
            actions.add(new Action(v, new TreeSet<>(a.years()), indicators));
        }
        return new PlanForm(plan.title(), plan.fieldsMandatory(), fields, actions);
    }

    /** What the browser sent: rows in the order of their numbers, gaps closed. */
    static PlanForm posted(Map<String, String[]> parameters) {
        TreeMap<Integer, Map<String, String>> fieldRows = new TreeMap<>();
        TreeMap<Integer, Action> actionRows = new TreeMap<>();
        TreeMap<Integer, TreeMap<Integer, Indicator>> indicatorRows = new TreeMap<>();
        for (Map.Entry<String, String[]> p : parameters.entrySet()) {
            String name = p.getKey();
            // A blank input is an empty one, as the plan reads it.
            String value = p.getValue().length == 0 || p.getValue()[0].isBlank() ? null : p.getValue()[0];
            Matcher m;
            if ((m = FIELD.matcher(name)).matches()) {
                fieldRows.computeIfAbsent(Integer.parseInt(m.group(1)), i -> new HashMap<>()).put(m.group(2), value);
            } else if ((m = INDICATOR.matcher(name)).matches()) {
                String input = m.group(3);
                if (INDICATOR_INPUTS.contains(input) || "years".equals(input)) {
                    action(actionRows, Integer.parseInt(m.group(1)));
                    Indicator k = indicatorRows.computeIfAbsent(Integer.parseInt(m.group(1)), i -> new TreeMap<>())
                            .computeIfAbsent(Integer.parseInt(m.group(2)), j -> emptyIndicator());
                    if ("years".equals(input)) {
                        years(p.getValue(), k.years());
                    } else {
                        k.values().put(input, value);
                    }
                }
            } else if ((m = ACTION.matcher(name)).matches()) {
                Action a = action(actionRows, Integer.parseInt(m.group(1)));
                if ("years".equals(m.group(2))) {
                    years(p.getValue(), a.years());
                } else if (ACTION_INPUTS.contains(m.group(2))) {
                    a.values().put(m.group(2), value);
                }
            }
        }
        List<Field> fields = new ArrayList<>();
        fieldRows.values().forEach(f -> fields.add(new Field(f.get("code"), f.get("name"), f.get("budget"),
                f.get("fundingLine"))));
        indicatorRows.forEach((i, rows) -> actionRows.get(i).indicators().addAll(rows.values()));
        String[] title = parameters.get("title");
        return new PlanForm(title == null || title.length == 0 || title[0].isBlank() ? null : title[0],
                parameters.containsKey("fieldsMandatory"), fields, new ArrayList<>(actionRows.values()));
    }

    private static Action action(Map<Integer, Action> rows, int index) {
        return rows.computeIfAbsent(index, i -> new Action(new HashMap<>(), new TreeSet<>(), new ArrayList<>()));
    }

    private static Indicator emptyIndicator() {
        return new Indicator(new HashMap<>(), new TreeSet<>());
    }

    /** The years ticked, a checkbox's value each: 1, 2 or 3, anything else ignored. */
    private static void years(String[] ticked, SortedSet<Integer> years) {
        for (String year : ticked) {
            if (year != null && year.matches("[1-3]")) {
                years.add(Integer.parseInt(year));
            }
        }
    }

    // --- Reading --------------------------------------------------------------------------------

    /**
     * The plan as the draft's JSON body ({@code PUT …/plan/draft}). Amounts and days are read as people
     * write them; what cannot be read is passed as typed, for the plan's service to refuse, and
     * remembered ({@link #unreadable}) so that the page can say what it expects.
     */
    ObjectNode json(ObjectMapper mapper) {
        unreadable.clear();
        ObjectNode plan = mapper.createObjectNode();
        put(plan, "title", title);
        plan.put("fieldsMandatory", fieldsMandatory);
        ArrayNode fieldList = plan.putArray("fields");
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            ObjectNode field = fieldList.addObject();
            put(field, "code", f.code());
            put(field, "name", f.name());
            put(field, "budget", number(f.budget(), "fields[" + i + "].budget"));
            put(field, "fundingLine", f.fundingLine());
        }
        ArrayNode actionList = plan.putArray("actions");
        for (int i = 0; i < actions.size(); i++) {
            Action a = actions.get(i);
            String path = "actions[" + i + "]";
            ObjectNode action = actionList.addObject();
            for (String input : ACTION_INPUTS) {
                String text = a.get(input);
                switch (input) {
                    case "budget" -> put(action, input, number(text, path + ".budget"));
                    case "deadline" -> put(action, input, day(text, path + ".deadline"));
                    default -> put(action, input, text);
                }
            }
            ArrayNode years = action.putArray("years");
            a.years().forEach(years::add);
            ArrayNode indicators = action.putArray("indicators");
            for (int j = 0; j < a.indicators().size(); j++) {
                ObjectNode indicator = indicators.addObject();
                Indicator k = a.indicators().get(j);
                for (String input : INDICATOR_INPUTS) {
                    String text = k.values().get(input);
                    put(indicator, input, VALUES.contains(input)
                            ? number(text, path + ".indicators[" + j + "]." + input) : text);
                }
                ArrayNode measured = indicator.putArray("years");
                k.years().forEach(measured::add);
            }
        }
        return plan;
    }

    /** The inputs {@link #json} passed on as typed: path → {@code number} or {@code date}. */
    Map<String, String> unreadable() {
        return Map.copyOf(unreadable);
    }

    private String number(String text, String path) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.strip().length() > 40) { // longer than any amount the plan keeps: not worth reading
            unreadable.put(path, "number");
            return text;
        }
        return PlanNumbers.read(text, false).map(BigDecimal::toPlainString).orElseGet(() -> {
            unreadable.put(path, "number");
            return text;
        });
    }

    private String day(String text, String path) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String day = text.strip();
        try {
            return LocalDate.parse(day).toString();
        } catch (DateTimeParseException iso) {
            try {
                return LocalDate.parse(day, ITALIAN_DAY).toString();
            } catch (DateTimeParseException italian) {
                unreadable.put(path, "date");
                return text;
            }
        }
    }

    private static void put(ObjectNode node, String key, String text) {
        if (text != null && !text.isBlank()) {
            node.put(key, text);
        }
    }

    // --- Changing the rows ----------------------------------------------------------------------

    void addField() {
        int next = fields.stream().map(Field::code).filter(c -> c != null && c.strip().matches("\\d{1,3}"))
                .mapToInt(c -> Integer.parseInt(c.strip())).max().orElse(0) + 1;
        fields.add(new Field(String.valueOf(next), null, null, null));
    }

    /**
     * A new action in a field, placed after the field's last action (or where the field's actions would
     * start), numbered after the field's highest action: {@code 2.4} after {@code 2.3}.
     *
     * @return its place in the list
     */
    int addAction(String fieldCode) {
        int at = placeFor(fieldCode);
        String prefix = fieldCode == null || fieldCode.isBlank() ? "" : fieldCode.strip() + ".";
        int next = 1;
        for (Action a : actions) {
            String code = a.get("code");
            if (code != null && code.strip().startsWith(prefix)) {
                Matcher m = NUMBERED.matcher(code.strip().substring(prefix.length()));
                if (m.matches() && m.group(1).length() <= 3) {
                    next = Math.max(next, Integer.parseInt(m.group(1)) + 1);
                }
            }
        }
        Map<String, String> values = new HashMap<>();
        values.put("code", prefix + next);
        values.put("fieldCode", fieldCode == null || fieldCode.isBlank() ? null : fieldCode.strip());
        actions.add(at, new Action(values, new TreeSet<>(), new ArrayList<>()));
        return at;
    }

    /** Where a new action of this field goes: after the field's last action, else after those of the fields before it. */
    public int placeFor(String fieldCode) {
        List<String> order = fields.stream().map(Field::code).toList();
        int field = order.indexOf(fieldCode);
        if (field < 0) {
            return actions.size();
        }
        int afterOwn = -1;
        int afterEarlier = 0;
        for (int i = 0; i < actions.size(); i++) {
            int of = order.indexOf(actions.get(i).get("fieldCode"));
            if (of == field) {
                afterOwn = i + 1;
            } else if (of >= 0 && of < field) {
                afterEarlier = i + 1;
            }
        }
        return afterOwn >= 0 ? afterOwn : afterEarlier;
    }

    void addIndicator(int action) {
        if (action >= 0 && action < actions.size()) {
            actions.get(action).indicators().add(emptyIndicator());
        }
    }

    /** Moves a row one place up ({@code -1}) or down ({@code +1}) in its list; @return its place now */
    static <T> int move(List<T> rows, int index, int by) {
        int to = index + by;
        if (index < 0 || index >= rows.size() || to < 0 || to >= rows.size()) {
            return index;
        }
        Collections.swap(rows, index, to);
        return to;
    }

    static <T> void remove(List<T> rows, int index) {
        if (index >= 0 && index < rows.size()) {
            rows.remove(index);
        }
    }

    // --- For the page ---------------------------------------------------------------------------

    public String title() {
        return title;
    }

    public boolean fieldsMandatory() {
        return fieldsMandatory;
    }

    public List<Field> fields() {
        return fields;
    }

    public List<Action> actions() {
        return actions;
    }

    /** The places in {@link #actions()} of the actions of a field. */
    public List<Integer> actionsOf(String fieldCode) {
        List<Integer> of = new ArrayList<>();
        for (int i = 0; fieldCode != null && i < actions.size(); i++) {
            if (fieldCode.equals(actions.get(i).get("fieldCode"))) {
                of.add(i);
            }
        }
        return of;
    }

    /** The places of the actions whose field the plan does not list. */
    public List<Integer> unfiledActions() {
        Set<String> listed = new HashSet<>();
        fields.forEach(f -> listed.add(f.code()));
        List<Integer> unfiled = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            String field = actions.get(i).get("fieldCode");
            if (field == null || !listed.contains(field)) {
                unfiled.add(i);
            }
        }
        return unfiled;
    }

    /** The code of the action at this place, {@code null} while it has none. */
    String actionCode(int index) {
        String code = index < actions.size() ? actions.get(index).get("code") : null;
        return code == null || code.isBlank() ? null : code.strip();
    }

    /** The code of the field at this place, {@code null} while it has none. */
    String fieldCode(int index) {
        String code = index < fields.size() ? fields.get(index).code() : null;
        return code == null || code.isBlank() ? null : code.strip();
    }

    /** An amount of euro as its input shows it: 1.234,50 in Italian, 1234.50 otherwise. */
    static String amount(BigDecimal value, Locale locale) {
        if (!"it".equals(locale.getLanguage())) {
            return value.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ITALIAN));
        format.setParseBigDecimal(true);
        return format.format(value);
    }

    /** An indicator's value with the decimals it has: 12,5 in Italian, 12.5 otherwise; never grouped. */
    static String value(BigDecimal value, Locale locale) {
        if (value == null) {
            return null;
        }
        String plain = value.toPlainString();
        return "it".equals(locale.getLanguage()) ? plain.replace('.', ',') : plain;
    }
}
