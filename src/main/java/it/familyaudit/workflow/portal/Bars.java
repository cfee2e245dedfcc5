package it.familyaudit.workflow.portal;

import java.util.List;

/**
 * A horizontal bar chart drawn by the server as SVG (the page's {@code chart} fragment), so it
 * shows without JavaScript; the page puts the same figures in a table beside it.
 *
 * @param title    the message key of what the chart shows, also its accessible name
 * @param labelKey the message key that turns a bar's label into its words ({@code chart.year}: "Anno 1")
 */
record Bars(String title, String labelKey, List<Bar> bars) {

    /** The chart's width in SVG units; labels take the first {@link #LABEL_WIDTH}. */
    static final int WIDTH = 600;
    static final int LABEL_WIDTH = 120;
    static final int ROW_HEIGHT = 36;

    /** @param value what the bar measures, out of {@code of} (the full length) */
    record Bar(String label, int value, int of) {

        /** The bar's length in SVG units. */
        public int length() {
            return of <= 0 ? 0 : (int) Math.round(Math.min((double) value / of, 1.0) * (WIDTH - LABEL_WIDTH - 90));
        }

        /** The length of the whole it is measured against. */
        public int fullLength() {
            return WIDTH - LABEL_WIDTH - 90;
        }
    }

    public int height() {
        return bars.size() * ROW_HEIGHT + 8;
    }
}
