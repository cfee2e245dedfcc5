package it.familyaudit.workflow.portal;

import it.familyaudit.workflow.plan.Indicator;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A plan's values in words, as a comparison shows them before and after: days as dd/MM/yyyy, euro as
 * € 1.234,50, years as "1, 2, 3", an empty value as such and an empty budget as no cost. The pages
 * call it as {@code @planWords}.
 */
@Component("planWords")
class PlanWords {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final MessageSource messages;
    private final Figures figures;

    PlanWords(MessageSource messages, Figures figures) {
        this.messages = messages;
        this.figures = figures;
    }

    /** @param attribute the value's attribute ({@code budget}, {@code years}, {@code targetYear1} …) */
    public String value(String attribute, Object value, Locale locale) {
        if (value == null) {
            return messages.getMessage("budget".equals(attribute) ? "plan.noCost" : "planCompare.none", null, locale);
        }
        if (value instanceof BigDecimal amount) {
            return "budget".equals(attribute) ? euro(amount, locale) : figures.number(amount, locale);
        }
        if (value instanceof LocalDate day) {
            return DAY.format(day);
        }
        if (value instanceof Boolean yes) {
            return messages.getMessage(yes ? "planCompare.yes" : "planCompare.no", null, locale);
        }
        if (value instanceof Collection<?> years) {
            if (years.isEmpty()) { // an indicator that names no years is measured whenever its action runs
                return messages.getMessage("planCompare.everyYear", null, locale);
            }
            return years.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return value.toString();
    }

    /** An indicator in one line: name (unit): baseline, and the target of each year it has. */
    public String indicator(Indicator i, Locale locale) {
        StringBuilder text = new StringBuilder(i.name());
        if (i.unit() != null) {
            text.append(" (").append(i.unit()).append(')');
        }
        text.append(": ").append(messages.getMessage("planEditor.indicator.baseline", null, locale).toLowerCase(locale))
                .append(' ').append(figures.number(i.baseline(), locale));
        for (int year = 1; year <= 3; year++) {
            if (i.target(year) != null) {
                text.append("; ").append(messages.getMessage("planEditor.indicator.targetYear" + year, null, locale)
                        .toLowerCase(locale)).append(' ').append(figures.number(i.target(year), locale));
            }
        }
        return text.toString();
    }

    static String euro(BigDecimal amount, Locale locale) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(
                "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ITALIAN));
        return "€ " + format.format(amount);
    }
}
