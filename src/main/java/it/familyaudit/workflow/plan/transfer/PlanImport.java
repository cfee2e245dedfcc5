package it.familyaudit.workflow.plan.transfer;

import it.familyaudit.workflow.plan.PlanContent;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plan read from a spreadsheet, and where each part of it came from, so that the plan's own rules, which
 * speak of {@code actions[3].title}, can point the user at a row and a column.
 *
 * @param title           the plan title, {@code null} when the file has no "Titolo del piano" column or leaves it empty
 * @param fieldsMandatory "Campi obbligatori", {@code null} when the file does not say
 * @param fieldRows       for each field of {@code content}, the row that first named it
 * @param fieldBudgetRows for each field, the row of its budget and funding line: the declaration row (no action
 *                        code) that gives them, else its first declaration row, else the row that first named it
 * @param actionRows      for each action, its first row
 * @param indicatorRows   for each action, the row of each of its indicators
 */
public record PlanImport(String title, Boolean fieldsMandatory, PlanContent content, List<Integer> fieldRows,
                         List<Integer> fieldBudgetRows, List<Integer> actionRows, List<List<Integer>> indicatorRows) {

    private static final Pattern PATH =
            Pattern.compile("(fields|actions)\\[(\\d+)](?:\\.indicators\\[(\\d+)])?(?:\\.(\\w+))?.*");

    public PlanImport {
        fieldRows = List.copyOf(fieldRows);
        fieldBudgetRows = List.copyOf(fieldBudgetRows);
        actionRows = List.copyOf(actionRows);
        indicatorRows = indicatorRows.stream().map(List::copyOf).toList();
    }

    /** The spreadsheet row of {@code content().actions().get(index)}. */
    public int actionRow(int index) {
        return actionRows.get(index);
    }

    /**
     * Places an error about the imported content in the file. {@code path} names a part of {@link PlanContent}:
     * {@code fields[2].name}, {@code fields[2].budget}, {@code actions[3].title},
     * {@code actions[3].indicators[0].baseline}, {@code actions[3]};
     * what it cannot place is reported on row 0 (the file as a whole), with the path in the message.
     */
    public ImportError locate(String path, String message) {
        Matcher m = PATH.matcher(path == null ? "" : path);
        if (!m.matches()) {
            return new ImportError(0, null, path == null ? message : path + ": " + message);
        }
        int index = Integer.parseInt(m.group(2));
        String property = m.group(4);
        if (m.group(1).equals("fields")) {
            if (index >= fieldRows.size()) {
                return new ImportError(0, null, path + ": " + message);
            }
            PlanColumn column = property == null ? null : PlanColumn.ofField(property).orElse(null);
            boolean money = column == PlanColumn.BUDGET || column == PlanColumn.FUNDING_LINE;
            return new ImportError((money ? fieldBudgetRows : fieldRows).get(index),
                    column == null ? null : column.header, message);
        }
        if (index >= actionRows.size()) {
            return new ImportError(0, null, path + ": " + message);
        }
        if (m.group(3) != null) {
            int indicator = Integer.parseInt(m.group(3));
            List<Integer> rows = indicatorRows.get(index);
            return indicator < rows.size()
                    ? new ImportError(rows.get(indicator), column("indicators[]." + property), message)
                    : new ImportError(actionRows.get(index), PlanColumn.INDICATOR.header, message);
        }
        String column = "fieldCode".equals(property) ? PlanColumn.FIELD_CODE.header : column(property);
        return new ImportError(actionRows.get(index), column, message);
    }

    private static String column(String property) {
        for (PlanColumn c : PlanColumn.values()) {
            if (c.property.equals(property)) {
                return c.header;
            }
        }
        return null;
    }
}
