package it.familyaudit.workflow.portal;

import java.util.List;

/**
 * A horizontal bar chart drawn by the server as SVG (the page's {@code chart} fragment), so it
 * shows without JavaScript; the page puts the same figures in a table beside it.
 *
 * @param title      the message key of what the chart shows, also its accessible name
 * @param titleArgs  the words the title's message takes (a question's label), none for most charts
 * @param labelKey   the message key that turns a bar's label into its words ({@code chart.year}: "Anno 1")
 */
record Bars(String title, List<String> titleArgs, String labelKey, List<Bar> bars) {

    /** The chart's width in SVG units; short labels take the first {@link #LABEL_WIDTH}. */
    static final int WIDTH = 600;
    static final int LABEL_WIDTH = 120;
    static final int ROW_HEIGHT = 36;
    /** Room at the end of the bar for its figure ("120 di 120"). */
    static final int FIGURE_WIDTH = 90;
    /**
     * Labels longer than this go on a line of their own above the bar: an SVG text does not wrap,
     * and beside the bar a questionnaire's option ("Mensa o buoni pasto") would run into it.
     */
    static final int SHORT_LABEL = 12;

    Bars(String title, String labelKey, List<Bar> bars) {
        this(title, List.of(), labelKey, bars);
    }

    /**
     * @param value        what the bar measures, out of {@code of} (the full length)
     * @param hiddenBelow  for a figure withheld because it counts fewer than this many answers (statistical
     *                     disclosure control): the bar is not drawn and says so; null for a figure shown
     */
    record Bar(String label, int value, int of, Integer hiddenBelow) {

        Bar(String label, int value, int of) {
            this(label, value, of, null);
        }

        /** A bar whose figure is hidden: no length and no value, so that nothing of it can be read off the picture. */
        static Bar withheld(String label, int of, int hiddenBelow) {
            return new Bar(label, 0, of, hiddenBelow);
        }

        public boolean hidden() {
            return hiddenBelow != null;
        }
    }

    public boolean labelsAbove() {
        return bars.stream().anyMatch(b -> b.label().length() > SHORT_LABEL);
    }

    public int rowHeight() {
        return labelsAbove() ? 54 : ROW_HEIGHT;
    }

    /** Where a label's baseline is, within its row. */
    public int labelY() {
        return labelsAbove() ? 18 : 20;
    }

    public int barX() {
        return labelsAbove() ? 0 : LABEL_WIDTH;
    }

    public int barY() {
        return labelsAbove() ? 26 : 4;
    }

    /** The length of the whole a bar is measured against. */
    public int track() {
        return WIDTH - barX() - FIGURE_WIDTH;
    }

    /** A bar's length in SVG units. */
    public int length(Bar bar) {
        return bar.of() <= 0 || bar.hidden() ? 0
                : (int) Math.round(Math.min((double) bar.value() / bar.of(), 1.0) * track());
    }

    public int height() {
        return bars.size() * rowHeight() + 8;
    }
}
