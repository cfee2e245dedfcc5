package it.familyaudit.workflow.portal;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Writes figures as the reader writes numbers; the pages call it as {@code @figures}. */
@Component("figures")
class Figures {

    /** A baseline, target or measured value with the decimals it has ("2,5" in Italian); a dash for none. */
    public String number(BigDecimal value, Locale locale) {
        if (value == null) {
            return "–";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(Math.max(0, value.scale()));
        return format.format(value);
    }
}
