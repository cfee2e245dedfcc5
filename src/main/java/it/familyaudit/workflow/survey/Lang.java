package it.familyaudit.workflow.survey;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The languages of the public questionnaire: Italian first, English second. */
enum Lang {
    IT(Locale.ITALIAN), EN(Locale.ENGLISH);

    private final DateTimeFormatter dates;

    Lang(Locale locale) {
        this.dates = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
    }

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    String date(LocalDate day) {
        return dates.format(day);
    }

    /** An explicit {@code lang} parameter wins; otherwise English only for a browser that asks for it first. */
    static Lang of(String parameter, Locale browser) {
        if ("en".equalsIgnoreCase(parameter)) {
            return EN;
        }
        if ("it".equalsIgnoreCase(parameter)) {
            return IT;
        }
        return browser != null && "en".equals(browser.getLanguage()) ? EN : IT;
    }
}
