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

    /**
     * A file's size as people read it: "850 byte", "320 KB", "1,5 MB" in Italian (binary units, as
     * file managers count them; one decimal from a megabyte up).
     */
    public String size(long bytes, Locale locale) {
        if (bytes < 1024) {
            return bytes + " byte";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(1);
        return format.format(bytes / (1024.0 * 1024.0)) + " MB";
    }
}
