package it.familyaudit.workflow.portal;

import it.familyaudit.workflow.monitoring.MonitoringView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One indicator of the approved plan across the plan years: its baseline, and for each year the
 * target and what the yearly report measured against it.
 */
record IndicatorTrend(String actionCode, String name, String unit, BigDecimal baseline, List<Year> years) {

    /** @param reached {@code null} until the year's report measures it */
    record Year(int year, BigDecimal target, BigDecimal measured, Boolean reached) {
    }

    /** Every indicator of the figures, in the plan's order, with a cell for each of the plan's years. */
    static List<IndicatorTrend> of(MonitoringView.PlanFigures figures) {
        Map<String, IndicatorTrend> byIndicator = new LinkedHashMap<>();
        for (MonitoringView.Year year : figures.years()) {
            for (MonitoringView.IndicatorFigure i : year.indicators()) {
                byIndicator.computeIfAbsent(i.actionCode() + "#" + i.indicatorNo(),
                                key -> new IndicatorTrend(i.actionCode(), i.name(), i.unit(), i.baseline(),
                                        new ArrayList<>()))
                        .years().add(new Year(year.year(), i.target(), i.measured(), i.reached()));
            }
        }
        return List.copyOf(byIndicator.values());
    }

    /** The figure of plan year {@code year}, or {@code null} when the indicator is not measured that year. */
    public Year in(int year) {
        return years.stream().filter(y -> y.year() == year).findFirst().orElse(null);
    }
}
