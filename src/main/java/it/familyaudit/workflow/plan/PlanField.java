package it.familyaudit.workflow.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A field of investigation (campo di indagine) of one plan: {@code code} is what action codes start with.
 * Positive-action plans (PTAP/PIAO) often fund a whole area rather than each action: {@code budget} is that
 * money, on top of its actions' own, and {@code fundingLine} where it comes from; both may be absent.
 */
public record PlanField(String code, String name, BigDecimal budget, String fundingLine) {

    /** Callers validate first: a budget with more than two decimals is refused here, never rounded. */
    public PlanField {
        budget = budget == null ? null : budget.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** A field with no money of its own, as most plans have. */
    public PlanField(String code, String name) {
        this(code, name, null, null);
    }
}
