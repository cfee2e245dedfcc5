package it.familyaudit.workflow.survey.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Statistical disclosure control for the questionnaire's results: no published figure may reveal a
 * group of fewer than {@code k} answers, directly or by arithmetic on other published figures.
 *
 * <p><b>Primary suppression.</b> A profile group (all the women, all the under-30s) with 1 to
 * k-1 members is hidden whole, in every table; so is every count of 1 to k-1 (zeros are shown: they
 * describe nobody).
 *
 * <p><b>Complementary suppression.</b> Published figures are tied by sums: the cells of a group add up
 * to its size, the cells of a category add up to the overall count of that category, the overall
 * counts add up to the respondents, the group sizes add up to the respondents. A hidden figure that
 * these sums determine would be as good as published (the classic case: the total minus the
 * visible groups gives the hidden one). Each set of tables that share figures is therefore checked
 * as one system of linear equations over its hidden figures: a hidden figure is exposed exactly
 * when the equations fix its value (also through a combination of sums, not only when it is the
 * one hidden figure of a sum). While one is, one more figure is hidden on a sum it belongs to —
 * the sum where it is alone, if there is one, and the smallest figure there — and the check runs
 * again, until nothing hidden is fixed; this ends because figures are only ever hidden. What this does not claim: the bounds that whole,
 * non-negative counts put on a hidden figure can still narrow it to a range (as with any table
 * published with suppressions).
 */
final class Suppression {

    private static final double EPS = 1e-9;

    private Suppression() {
    }

    /**
     * The groups of one profile question to hide: those with 1 to k-1 members and, if that hides
     * exactly one, the smallest other group too, so that the respondents minus the visible groups
     * do not give it away.
     */
    static boolean[] hiddenGroups(long[] sizes, int k) {
        boolean[] hidden = new boolean[sizes.length];
        int count = 0;
        for (int g = 0; g < sizes.length; g++) {
            if (sizes[g] > 0 && sizes[g] < k) {
                hidden[g] = true;
                count++;
            }
        }
        if (count == 1) {
            int complement = smallest(sizes, hidden, true);
            if (complement < 0) {
                complement = smallest(sizes, hidden, false);
            }
            if (complement >= 0) {
                hidden[complement] = true;
            }
        }
        return hidden;
    }

    /**
     * One breakdown: rows are the groups of one profile question (their sizes and which are hidden
     * are fixed beforehand by {@link #hiddenGroups}), columns the categories of the answer.
     */
    static final class Table {

        final long[][] cells;
        final boolean[][] hidden;
        final long[] groupSizes;
        final boolean[] groupHidden;

        Table(long[][] cells, long[] groupSizes, boolean[] groupHidden) {
            this.cells = cells;
            this.groupSizes = groupSizes;
            this.groupHidden = groupHidden;
            this.hidden = new boolean[cells.length][cells.length == 0 ? 0 : cells[0].length];
        }

        int rows() {
            return cells.length;
        }
    }

    /**
     * The overall counts of one question's categories (or of one checklist option: ticked, not
     * ticked) with its breakdowns, protected together because they share those counts.
     */
    static final class Layout {

        final long[] totals;
        final boolean[] totalHidden;
        final long respondents;
        final List<Table> tables;
        /** True for a profile question: its overall counts are the group sizes, already decided. */
        final boolean totalsFixed;
        /** Too few respondents for anything to be shown. */
        boolean withheld;

        Layout(long[] totals, boolean[] fixedTotalHidden, long respondents, List<Table> tables) {
            this.totals = totals;
            this.totalsFixed = fixedTotalHidden != null;
            this.totalHidden = fixedTotalHidden != null ? fixedTotalHidden.clone() : new boolean[totals.length];
            this.respondents = respondents;
            this.tables = tables;
        }

        int categories() {
            return totals.length;
        }
    }

    /** Hides what must be hidden in the layout; afterwards no hidden figure can be worked out from the shown ones. */
    static void protect(Layout layout, int k) {
        if (layout.respondents < k) {
            layout.withheld = true;
            hideAll(layout, true);
            return;
        }
        for (int c = 0; c < layout.categories(); c++) {
            if (!layout.totalsFixed && layout.totals[c] > 0 && layout.totals[c] < k) {
                layout.totalHidden[c] = true;
            }
        }
        for (Table t : layout.tables) {
            for (int r = 0; r < t.rows(); r++) {
                for (int c = 0; c < layout.categories(); c++) {
                    t.hidden[r][c] = t.groupHidden[r] || t.cells[r][c] > 0 && t.cells[r][c] < k;
                }
            }
        }
        boolean lastResort = false;
        while (true) {
            Equations system = new Equations(layout);
            List<Integer> exposed = system.determined();
            if (exposed.isEmpty()) {
                return;
            }
            // One complement per sum and round: another exposed figure on a sum just changed may be
            // covered by that change already, which the next round tells.
            Set<Line> changed = new HashSet<>();
            boolean progress = false;
            for (int variable : exposed) {
                List<Line> lines = lines(layout, system.variables.get(variable));
                if (lines.stream().noneMatch(changed::contains)) {
                    progress |= complement(layout, lines, changed);
                }
            }
            if (!progress) {
                if (lastResort) {
                    layout.withheld = true;
                    hideAll(layout, true);
                    return;
                }
                hideAll(layout, !layout.totalsFixed);
                lastResort = true;
            }
        }
    }

    /**
     * Whether the weighted sum of the overall counts, {@code Σ weights[c] × totals[c]}, can already be
     * worked out from what is shown, so publishing it reveals nothing new.
     */
    static boolean knows(Layout layout, double[] weights) {
        if (layout.withheld) {
            return false;
        }
        Equations system = new Equations(layout);
        double[] row = new double[system.variables.size()];
        boolean any = false;
        for (int v = 0; v < row.length; v++) {
            Entry e = system.variables.get(v);
            if (e.kind == Kind.TOTAL && weights[e.col] != 0) {
                row[v] = weights[e.col];
                any = true;
            }
        }
        if (!any) {
            return true;
        }
        double[][] with = new double[system.equations.size() + 1][];
        for (int i = 0; i < system.equations.size(); i++) {
            with[i] = system.equations.get(i).clone();
        }
        with[with.length - 1] = row;
        return rank(system.matrix(), row.length) == rank(with, row.length);
    }

    // --- the equations ---------------------------------------------------------------------------

    private enum Kind { CELL, TOTAL, GROUP }

    /** A hidden figure: a cell of a table, an overall count, or a group size (of a table's profile question). */
    private record Entry(Kind kind, int table, int row, int col) {
    }

    /** The sums that tie the layout's figures, over its hidden ones. */
    private static final class Equations {

        final List<Entry> variables = new ArrayList<>();
        final List<double[]> equations = new ArrayList<>();
        private final int[][][] cellVar;
        private final int[] totalVar;
        private final int[][] groupVar;

        Equations(Layout layout) {
            int categories = layout.categories();
            totalVar = new int[categories];
            for (int c = 0; c < categories; c++) {
                totalVar[c] = layout.totalHidden[c] ? add(new Entry(Kind.TOTAL, -1, -1, c)) : -1;
            }
            cellVar = new int[layout.tables.size()][][];
            groupVar = new int[layout.tables.size()][];
            for (int t = 0; t < layout.tables.size(); t++) {
                Table table = layout.tables.get(t);
                cellVar[t] = new int[table.rows()][categories];
                groupVar[t] = new int[table.rows()];
                for (int r = 0; r < table.rows(); r++) {
                    groupVar[t][r] = table.groupHidden[r] ? add(new Entry(Kind.GROUP, t, r, -1)) : -1;
                    for (int c = 0; c < categories; c++) {
                        cellVar[t][r][c] = table.hidden[r][c] ? add(new Entry(Kind.CELL, t, r, c)) : -1;
                    }
                }
            }
            int n = variables.size();
            // the overall counts add up to the respondents
            equation(n, totalVar, 1);
            for (int t = 0; t < layout.tables.size(); t++) {
                Table table = layout.tables.get(t);
                // the group sizes add up to the respondents
                equation(n, groupVar[t], 1);
                for (int r = 0; r < table.rows(); r++) {
                    double[] row = new double[n];
                    for (int c = 0; c < categories; c++) {
                        set(row, cellVar[t][r][c], 1);
                    }
                    set(row, groupVar[t][r], -1);
                    keep(row);
                }
                for (int c = 0; c < categories; c++) {
                    double[] column = new double[n];
                    for (int r = 0; r < table.rows(); r++) {
                        set(column, cellVar[t][r][c], 1);
                    }
                    set(column, totalVar[c], -1);
                    keep(column);
                }
            }
        }

        private int add(Entry entry) {
            variables.add(entry);
            return variables.size() - 1;
        }

        private void equation(int n, int[] vars, double coefficient) {
            double[] row = new double[n];
            for (int v : vars) {
                set(row, v, coefficient);
            }
            keep(row);
        }

        private static void set(double[] row, int variable, double coefficient) {
            if (variable >= 0) {
                row[variable] = coefficient;
            }
        }

        private void keep(double[] row) {
            for (double x : row) {
                if (x != 0) {
                    equations.add(row);
                    return;
                }
            }
        }

        double[][] matrix() {
            double[][] a = new double[equations.size()][];
            for (int i = 0; i < a.length; i++) {
                a[i] = equations.get(i).clone();
            }
            return a;
        }

        /**
         * The hidden figures whose value the equations fix: in the reduced row echelon form, a pivot
         * whose row has nothing in the free columns.
         */
        List<Integer> determined() {
            int n = variables.size();
            double[][] a = matrix();
            int[] pivotOf = new int[a.length];
            int rank = reduce(a, n, pivotOf);
            BitSet pivots = new BitSet(n);
            for (int r = 0; r < rank; r++) {
                pivots.set(pivotOf[r]);
            }
            List<Integer> fixed = new ArrayList<>();
            for (int r = 0; r < rank; r++) {
                boolean free = false;
                for (int j = 0; j < n && !free; j++) {
                    free = !pivots.get(j) && Math.abs(a[r][j]) > EPS;
                }
                if (!free) {
                    fixed.add(pivotOf[r]);
                }
            }
            return fixed;
        }
    }

    /** Gauss-Jordan elimination in place; returns the rank and the pivot column of each of its rows. */
    private static int reduce(double[][] a, int n, int[] pivotOf) {
        int rank = 0;
        for (int col = 0; col < n && rank < a.length; col++) {
            int best = -1;
            double max = EPS;
            for (int i = rank; i < a.length; i++) {
                if (Math.abs(a[i][col]) > max) {
                    max = Math.abs(a[i][col]);
                    best = i;
                }
            }
            if (best < 0) {
                continue;
            }
            double[] swap = a[rank];
            a[rank] = a[best];
            a[best] = swap;
            double pivot = a[rank][col];
            for (int j = 0; j < n; j++) {
                a[rank][j] /= pivot;
            }
            for (int i = 0; i < a.length; i++) {
                double f = a[i][col];
                if (i != rank && Math.abs(f) > EPS) {
                    for (int j = 0; j < n; j++) {
                        a[i][j] -= f * a[rank][j];
                    }
                }
            }
            pivotOf[rank] = col;
            rank++;
        }
        return rank;
    }

    private static int rank(double[][] a, int n) {
        return reduce(a, n, new int[a.length]);
    }

    // --- choosing what else to hide --------------------------------------------------------------

    /** A sum that ties figures: a group's row, a category's column (in one table), the overall counts. */
    private record Line(Kind kind, int table, int index) {
    }

    /** The sums an exposed figure is part of. */
    private static List<Line> lines(Layout layout, Entry e) {
        List<Line> lines = new ArrayList<>();
        switch (e.kind) {
            case CELL -> {
                lines.add(new Line(Kind.GROUP, e.table, e.row));
                lines.add(new Line(Kind.CELL, e.table, e.col));
            }
            case GROUP -> lines.add(new Line(Kind.GROUP, e.table, e.row));
            case TOTAL -> {
                for (int t = 0; t < layout.tables.size(); t++) {
                    lines.add(new Line(Kind.CELL, t, e.col));
                }
                lines.add(new Line(Kind.TOTAL, -1, -1));
            }
        }
        return lines;
    }

    /**
     * Hides one more figure on one of the sums that expose a hidden one: preferably on a sum where
     * the exposed figure is the only hidden one (that sum is what gives it away), and the smallest
     * such figure, non-zero first, so as little as possible disappears. Group sizes are never
     * chosen (they are decided for all questions at once), overall counts only where no cell will
     * do and the question is not a profile question.
     *
     * @return false when no sum has a figure left to hide
     */
    private static boolean complement(Layout layout, List<Line> lines, Set<Line> changed) {
        Line bestLine = null;
        int[] best = null;
        long bestValue = 0;
        int bestRank = Integer.MAX_VALUE;
        for (Line line : lines) {
            int hiddenOnLine = 0;
            int[] candidate = null;
            long value = 0;
            for (int[] entry : entries(layout, line)) {
                if (isHidden(layout, entry)) {
                    hiddenOnLine++;
                } else if (entry[0] == CELL_ENTRY || entry[0] == TOTAL_ENTRY && !layout.totalsFixed) {
                    long v = valueOf(layout, entry);
                    if (candidate == null || better(v, entry, value, candidate)) {
                        candidate = entry;
                        value = v;
                    }
                }
            }
            if (candidate == null) {
                continue;
            }
            // rank: exposing sums first, then cells before overall counts, then non-zero, then smallest
            int rank = (hiddenOnLine == 1 ? 0 : 4) + (candidate[0] == TOTAL_ENTRY ? 2 : 0) + (value > 0 ? 0 : 1);
            if (rank < bestRank || rank == bestRank && value < bestValue) {
                bestRank = rank;
                bestLine = line;
                best = candidate;
                bestValue = value;
            }
        }
        if (best == null) {
            return false;
        }
        hide(layout, best);
        changed.add(bestLine);
        if (best[0] == CELL_ENTRY) {
            changed.add(new Line(Kind.GROUP, best[1], best[2]));
            changed.add(new Line(Kind.CELL, best[1], best[3]));
        } else {
            for (int t = 0; t < layout.tables.size(); t++) {
                changed.add(new Line(Kind.CELL, t, best[3]));
            }
            changed.add(new Line(Kind.TOTAL, -1, -1));
        }
        return true;
    }

    private static final int CELL_ENTRY = 0;
    private static final int TOTAL_ENTRY = 1;
    private static final int GROUP_ENTRY = 2;

    /** The figures on a sum, as {kind, table, row, column}. */
    private static List<int[]> entries(Layout layout, Line line) {
        List<int[]> entries = new ArrayList<>();
        switch (line.kind) {
            case GROUP -> {
                for (int c = 0; c < layout.categories(); c++) {
                    entries.add(new int[] {CELL_ENTRY, line.table, line.index, c});
                }
                entries.add(new int[] {GROUP_ENTRY, line.table, line.index, -1});
            }
            case CELL -> {
                Table t = layout.tables.get(line.table);
                for (int r = 0; r < t.rows(); r++) {
                    entries.add(new int[] {CELL_ENTRY, line.table, r, line.index});
                }
                entries.add(new int[] {TOTAL_ENTRY, -1, -1, line.index});
            }
            case TOTAL -> {
                for (int c = 0; c < layout.categories(); c++) {
                    entries.add(new int[] {TOTAL_ENTRY, -1, -1, c});
                }
            }
        }
        return entries;
    }

    private static boolean isHidden(Layout layout, int[] e) {
        return switch (e[0]) {
            case CELL_ENTRY -> layout.tables.get(e[1]).hidden[e[2]][e[3]];
            case TOTAL_ENTRY -> layout.totalHidden[e[3]];
            default -> layout.tables.get(e[1]).groupHidden[e[2]];
        };
    }

    private static long valueOf(Layout layout, int[] e) {
        return switch (e[0]) {
            case CELL_ENTRY -> layout.tables.get(e[1]).cells[e[2]][e[3]];
            case TOTAL_ENTRY -> layout.totals[e[3]];
            default -> layout.tables.get(e[1]).groupSizes[e[2]];
        };
    }

    /** Cells before overall counts, non-zero before zero, smaller before larger. */
    private static boolean better(long v, int[] entry, long bestValue, int[] best) {
        if (entry[0] != best[0]) {
            return entry[0] == CELL_ENTRY;
        }
        if ((v > 0) != (bestValue > 0)) {
            return v > 0;
        }
        return v < bestValue;
    }

    private static void hide(Layout layout, int[] e) {
        if (e[0] == CELL_ENTRY) {
            layout.tables.get(e[1]).hidden[e[2]][e[3]] = true;
        } else if (e[0] == TOTAL_ENTRY) {
            layout.totalHidden[e[3]] = true;
        }
    }

    /** The index of the smallest value not yet hidden (positive ones only, if asked); -1 if none. */
    private static int smallest(long[] values, boolean[] hidden, boolean positiveOnly) {
        int best = -1;
        for (int i = 0; i < values.length; i++) {
            if (!hidden[i] && (!positiveOnly || values[i] > 0) && (best < 0 || values[i] < values[best])) {
                best = i;
            }
        }
        return best;
    }

    private static void hideAll(Layout layout, boolean totalsToo) {
        if (totalsToo) {
            Arrays.fill(layout.totalHidden, true);
        }
        for (Table t : layout.tables) {
            for (boolean[] row : t.hidden) {
                Arrays.fill(row, true);
            }
        }
    }
}
