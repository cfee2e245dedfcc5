package it.familyaudit.workflow.survey.results;

import static org.assertj.core.api.Assertions.assertThat;

import it.familyaudit.workflow.survey.results.Suppression.Layout;
import it.familyaudit.workflow.survey.results.Suppression.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Small-group suppression, checked against an attacker who knows every shown figure and every sum
 * that ties them (rows add up to group sizes, columns to overall counts, overall counts and group
 * sizes to the respondents) and searches all whole, non-negative values of the hidden ones: each
 * hidden figure must be able to take at least two values.
 */
class SuppressionTest {

    private static final int K = 5;

    // --- which groups are hidden -----------------------------------------------------------------

    @Test
    void aGroupOfFewerThanFiveIsHiddenWithTheNextSmallestSoThatTheTotalDoesNotGiveItAway() {
        assertThat(Suppression.hiddenGroups(new long[] {30, 28, 2, 0}, K)).containsExactly(false, true, true, false);
    }

    @Test
    void twoSmallGroupsHideEachOther() {
        assertThat(Suppression.hiddenGroups(new long[] {40, 3, 4}, K)).containsExactly(false, true, true);
    }

    @Test
    void groupsOfFiveOrMoreAndEmptyGroupsAreShown() {
        assertThat(Suppression.hiddenGroups(new long[] {5, 50, 0}, K)).containsExactly(false, false, false);
    }

    // --- tables -----------------------------------------------------------------------------------

    @Test
    void aHiddenGroupStaysHiddenWhenItsNeighboursAndTheTotalAreShown() {
        // gender: F 30, M 28, X 2; answer yes/no
        Layout layout = layout(new long[] {36, 24}, 60, table(new long[][] {{20, 10}, {15, 13}, {1, 1}}));
        Suppression.protect(layout, K);

        Table t = layout.tables.get(0);
        assertThat(t.groupHidden).containsExactly(false, true, true);
        assertThat(t.hidden[0]).containsExactly(false, false);
        assertThat(t.hidden[2]).containsExactly(true, true);
        assertThat(layout.totalHidden).containsExactly(false, false);
        assertNothingHiddenCanBeWorkedOut(layout);
    }

    @Test
    void aSmallCellIsHiddenWithComplementsInItsRowAndColumn() {
        // two groups of 20; 2 people of the first gave the first answer
        Layout layout = layout(new long[] {11, 16, 13}, 40, table(new long[][] {{2, 10, 8}, {9, 6, 5}}));
        Suppression.protect(layout, K);

        Table t = layout.tables.get(0);
        assertThat(t.hidden[0]).containsExactly(true, false, true);
        assertThat(t.hidden[1]).containsExactly(true, false, true);
        assertThat(layout.totalHidden).containsExactly(false, false, false);
        assertNothingHiddenCanBeWorkedOut(layout);
    }

    @Test
    void theRespondentsMinusTheShownCountsDoNotRevealASmallOverallCount() {
        // 3 people in all gave the third answer
        Layout layout = layout(new long[] {30, 27, 3}, 60, table(new long[][] {{15, 13, 2}, {15, 14, 1}}));
        Suppression.protect(layout, K);

        assertThat(layout.totalHidden[2]).isTrue();
        assertThat(hidden(layout.totalHidden)).as("a second overall count hides with it").isGreaterThanOrEqualTo(2);
        assertNothingHiddenCanBeWorkedOut(layout);
    }

    @Test
    void aFigureThatOnlyACombinationOfSumsRevealsIsHiddenBetter() {
        // Every row and column has two or more small cells, yet rows 1+2 minus columns 1+2 give the
        // cell (1, 2) away: a naive "never one hidden per sum" rule would publish it as safe.
        long[][] cells = {
                {2, 3, 10, 10},
                {3, 2, 1, 10},
                {10, 10, 2, 3},
                {10, 10, 3, 2}};
        Layout primaryOnly = layout(new long[] {25, 25, 16, 25}, 91, table(cells));
        Table naive = primaryOnly.tables.get(0);
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                naive.hidden[r][c] = cells[r][c] < K;
            }
        }
        assertThat(workedOut(primaryOnly)).as("the attacker's find with small cells hidden and nothing else")
                .containsExactly("cell (table 0, row 1, column 2) = 1");

        Layout layout = layout(new long[] {25, 25, 16, 25}, 91, table(cells));
        Suppression.protect(layout, K);

        assertNothingHiddenCanBeWorkedOut(layout);
    }

    @Test
    void aChecklistOptionTickedByAllButOneOfAGroupDoesNotSayWhoDidNot() {
        // group A: 19 of 20 ticked; group B: 10 of 20; columns are ticked / not ticked
        Layout layout = layout(new long[] {29, 11}, 40, table(new long[][] {{19, 1}, {10, 10}}));
        Suppression.protect(layout, K);

        assertThat(layout.tables.get(0).hidden[0]).containsExactly(true, true);
        assertNothingHiddenCanBeWorkedOut(layout);
    }

    @Test
    void breakdownsByTwoProfileQuestionsShareTheOverallCountsAndAreProtectedTogether() {
        Table byGender = table(new long[][] {{12, 16, 2}, {18, 11, 1}});
        Table byAge = table(new long[][] {{10, 9, 0}, {9, 9, 3}, {11, 9, 0}});
        Layout layout = layout(new long[] {30, 27, 3}, 60, byGender, byAge);
        Suppression.protect(layout, K);

        assertThat(layout.totalHidden[2]).isTrue();
        assertNothingHiddenCanBeWorkedOut(layout);
    }

    @Test
    void fewerThanFiveRespondentsShowNothing() {
        Layout layout = layout(new long[] {3, 1}, 4, table(new long[][] {{3, 1}}));
        Suppression.protect(layout, K);

        assertThat(layout.withheld).isTrue();
        assertThat(layout.totalHidden).containsOnly(true);
    }

    @Test
    void aSumOfHiddenCountsIsPublishableOnlyWhenItIsAlreadyKnown() {
        Layout layout = layout(new long[] {2, 3, 30, 25}, 60, table(new long[][] {{1, 2, 15, 12}, {1, 1, 15, 13}}));
        Suppression.protect(layout, K);

        assertThat(layout.totalHidden).containsExactly(true, true, false, false);
        assertThat(Suppression.knows(layout, new double[] {1, 1, 0, 0})).as("respondents minus the shown counts").isTrue();
        assertThat(Suppression.knows(layout, new double[] {1, 0, 0, 0})).isFalse();
        assertThat(Suppression.knows(layout, new double[] {0, 0, 1, 0})).as("a shown count").isTrue();
    }

    // --- helpers ----------------------------------------------------------------------------------

    /** A breakdown whose group sizes are its row sums, hidden as the application would. */
    private static Table table(long[][] cells) {
        long[] sizes = new long[cells.length];
        for (int r = 0; r < cells.length; r++) {
            for (long v : cells[r]) {
                sizes[r] += v;
            }
        }
        return new Table(cells, sizes, Suppression.hiddenGroups(sizes, K));
    }

    private static Layout layout(long[] totals, long respondents, Table... tables) {
        return new Layout(totals, null, respondents, List.of(tables));
    }

    /**
     * The attacker: every hidden figure is an unknown, every sum an equation, and all whole
     * non-negative solutions are searched; each unknown must take two different values in them.
     */
    private static void assertNothingHiddenCanBeWorkedOut(Layout layout) {
        assertThat(workedOut(layout)).as("hidden figures the attacker works out").isEmpty();
    }

    /** The hidden figures that take one value only in every solution. */
    private static List<String> workedOut(Layout layout) {
        List<long[]> unknowns = new ArrayList<>(); // {kind, table, row, col, true value}
        List<int[]> vars = new ArrayList<>();
        List<List<Integer>> eqVars = new ArrayList<>();
        List<Long> eqTargets = new ArrayList<>();
        int categories = layout.totals.length;
        int[] totalVar = new int[categories];
        long knownTotals = 0;
        List<Integer> totalsEq = new ArrayList<>();
        for (int c = 0; c < categories; c++) {
            totalVar[c] = layout.totalHidden[c] ? add(unknowns, 1, -1, -1, c, layout.totals[c]) : -1;
            if (totalVar[c] >= 0) {
                totalsEq.add(totalVar[c]);
            } else {
                knownTotals += layout.totals[c];
            }
        }
        eqVars.add(totalsEq);
        eqTargets.add(layout.respondents - knownTotals);
        for (int t = 0; t < layout.tables.size(); t++) {
            Table table = layout.tables.get(t);
            int[][] cellVar = new int[table.rows()][categories];
            int[] groupVar = new int[table.rows()];
            List<Integer> groupsEq = new ArrayList<>();
            long knownGroups = 0;
            for (int r = 0; r < table.rows(); r++) {
                groupVar[r] = table.groupHidden[r] ? add(unknowns, 2, t, r, -1, table.groupSizes[r]) : -1;
                if (groupVar[r] >= 0) {
                    groupsEq.add(groupVar[r]);
                } else {
                    knownGroups += table.groupSizes[r];
                }
                for (int c = 0; c < categories; c++) {
                    cellVar[r][c] = table.hidden[r][c] ? add(unknowns, 0, t, r, c, table.cells[r][c]) : -1;
                }
            }
            eqVars.add(groupsEq);
            eqTargets.add(layout.respondents - knownGroups);
            for (int r = 0; r < table.rows(); r++) {
                List<Integer> row = new ArrayList<>();
                long target = 0;
                for (int c = 0; c < categories; c++) {
                    if (cellVar[r][c] >= 0) {
                        row.add(cellVar[r][c]);
                    } else {
                        target -= table.cells[r][c];
                    }
                }
                if (groupVar[r] < 0) {
                    target += table.groupSizes[r];
                    eqVars.add(row);
                    eqTargets.add(target);
                } else if (!row.isEmpty()) {
                    // size - cells = known part: encode as cells - size = -known, with a negative coefficient
                    row.add(-groupVar[r] - 1);
                    eqVars.add(row);
                    eqTargets.add(target);
                }
            }
            for (int c = 0; c < categories; c++) {
                List<Integer> column = new ArrayList<>();
                long target = 0;
                for (int r = 0; r < table.rows(); r++) {
                    if (cellVar[r][c] >= 0) {
                        column.add(cellVar[r][c]);
                    } else {
                        target -= table.cells[r][c];
                    }
                }
                if (totalVar[c] < 0) {
                    target += layout.totals[c];
                } else {
                    column.add(-totalVar[c] - 1);
                }
                eqVars.add(column);
                eqTargets.add(target);
            }
        }
        int n = unknowns.size();
        List<Set<Long>> seen = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            seen.add(new HashSet<>());
        }
        long[] values = new long[n];
        boolean[] assigned = new boolean[n];
        search(0, n, values, assigned, eqVars, eqTargets, layout.respondents, seen, new int[] {0});
        List<String> found = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long[] u = unknowns.get(i);
            assertThat(seen.get(i)).as("solutions found (the published figures must be consistent)").isNotEmpty();
            if (seen.get(i).size() < 2) {
                assertThat(seen.get(i)).as("the one value found is the true one").containsExactly(u[4]);
                found.add(String.format("%s (table %d, row %d, column %d) = %d",
                        new String[] {"cell", "overall count", "group size"}[(int) u[0]], u[1], u[2], u[3], u[4]));
            }
        }
        return found;
    }

    private static int add(List<long[]> unknowns, int kind, int table, int row, int col, long value) {
        unknowns.add(new long[] {kind, table, row, col, value});
        return unknowns.size() - 1;
    }

    /**
     * Depth-first over the unknowns; an equation left with one unknown fixes it (and must give a
     * value in range), an equation of positive terms must not overshoot.
     */
    private static void search(int next, int n, long[] values, boolean[] assigned, List<List<Integer>> eqVars,
                               List<Long> eqTargets, long max, List<Set<Long>> seen, int[] budget) {
        if (budget[0]++ > 2_000_000 || enough(seen)) {
            return;
        }
        List<Integer> forced = new ArrayList<>();
        try {
            boolean changed = true;
            while (changed) {
                changed = false;
                for (int e = 0; e < eqVars.size(); e++) {
                    long sum = 0;
                    int open = -1;
                    int openCount = 0;
                    boolean positive = true;
                    for (int v : eqVars.get(e)) {
                        int var = v >= 0 ? v : -v - 1;
                        positive &= v >= 0;
                        if (!assigned[var]) {
                            open = v;
                            openCount++;
                        } else {
                            sum += v >= 0 ? values[var] : -values[var];
                        }
                    }
                    long target = eqTargets.get(e);
                    if (openCount == 0 && sum != target || positive && sum > target) {
                        return;
                    }
                    if (openCount == 1) {
                        int var = open >= 0 ? open : -open - 1;
                        long value = open >= 0 ? target - sum : sum - target;
                        if (value < 0 || value > max) {
                            return;
                        }
                        values[var] = value;
                        assigned[var] = true;
                        forced.add(var);
                        changed = true;
                    }
                }
            }
            int free = next;
            while (free < n && assigned[free]) {
                free++;
            }
            if (free == n) {
                for (int i = 0; i < n; i++) {
                    seen.get(i).add(values[i]);
                }
                return;
            }
            for (long value = 0; value <= max && !enough(seen); value++) {
                values[free] = value;
                assigned[free] = true;
                search(free + 1, n, values, assigned, eqVars, eqTargets, max, seen, budget);
                assigned[free] = false;
            }
        } finally {
            forced.forEach(var -> assigned[var] = false);
        }
    }

    private static int hidden(boolean[] flags) {
        int count = 0;
        for (boolean f : flags) {
            count += f ? 1 : 0;
        }
        return count;
    }

    private static boolean enough(List<Set<Long>> seen) {
        return seen.stream().allMatch(s -> s.size() >= 2);
    }
}
