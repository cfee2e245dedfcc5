package it.familyaudit.workflow.plan.transfer;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Euro amounts and indicator values as people type them, in a spreadsheet or a form: 1500, 1500.00,
 * 1.500,00, 1500,5, € 1.500. Italian first: a lone comma is the decimal separator, a dot followed by
 * groups of three digits (1.500) separates thousands.
 */
public final class PlanNumbers {

    private static final Pattern DIGITS = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern THOUSANDS = Pattern.compile("-?[1-9]\\d{0,2}(\\.\\d{3})+");

    private PlanNumbers() {
    }

    /**
     * The number {@code text} holds, or empty when it holds none.
     *
     * @param percent whether a {@code %} after the number is allowed (and dropped)
     */
    public static Optional<BigDecimal> read(String text, boolean percent) {
        String s = text.replaceAll("[\\s\\u00A0\\u202F€]", "").replaceAll("(?i)^eur|eur$", "");
        if (percent && s.endsWith("%")) {
            s = s.substring(0, s.length() - 1);
        }
        int comma = s.lastIndexOf(',');
        int dot = s.lastIndexOf('.');
        if (comma >= 0 && dot >= 0) {
            s = comma > dot ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
        } else if (comma >= 0) {
            s = s.indexOf(',') == comma ? s.replace(',', '.') : s.replace(",", "");
        } else if (dot >= 0 && (s.indexOf('.') != dot || THOUSANDS.matcher(s).matches())) {
            s = s.replace(".", "");
        }
        return DIGITS.matcher(s).matches() ? Optional.of(new BigDecimal(s)) : Optional.empty();
    }
}
