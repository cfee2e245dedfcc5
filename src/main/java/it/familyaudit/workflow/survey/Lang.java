package it.familyaudit.workflow.survey;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The languages of the public questionnaire: Italian first, English second. */
public enum Lang {
    IT(Locale.ITALIAN), EN(Locale.ENGLISH);

    private final DateTimeFormatter dates;

    Lang(Locale locale) {
        this.dates = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String date(LocalDate day) {
        return dates.format(day);
    }

    /**
     * An explicit {@code lang} parameter wins; otherwise the browser's Accept-Language (the first of
     * Italian and English it names, by preference); Italian when it names neither.
     */
    public static Lang of(String parameter, String acceptLanguage) {
        if ("en".equalsIgnoreCase(parameter)) {
            return EN;
        }
        if ("it".equalsIgnoreCase(parameter) || acceptLanguage == null || acceptLanguage.isBlank()) {
            return IT;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String language = range.getRange().toLowerCase(Locale.ROOT);
                if (language.startsWith("it")) {
                    return IT;
                }
                if (language.startsWith("en")) {
                    return EN;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // a header we cannot read: Italian
        }
        return IT;
    }
}
