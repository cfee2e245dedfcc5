package it.familyaudit.workflow.accounts;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * User ids made from a person's name, as people in Italian offices are used to: the first name's
 * initial, a dot and the last name, without accents, spaces or apostrophes ({@code Maria D'Angelo} →
 * {@code m.dangelo}); a number follows when the id is taken ({@code m.dangelo2}). The dot is always
 * there, so a made id is never one of the fixed ones ({@code admin}, the demo users).
 */
final class UserIds {

    /** Camunda's user ids have 64 characters at most; room is left for the number. */
    private static final int MAX_BASE = 58;

    private UserIds() {
    }

    /** The first id from the name that {@code taken} does not refuse. */
    static String free(String firstName, String lastName, Predicate<String> taken) {
        String base = base(firstName, lastName);
        if (!taken.test(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String candidate = base + n;
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
    }

    static String base(String firstName, String lastName) {
        String first = plain(firstName);
        String last = plain(lastName);
        String base = (first.isEmpty() ? "u" : first.substring(0, 1)) + "." + (last.isEmpty() ? "utente" : last);
        return base.length() > MAX_BASE ? base.substring(0, MAX_BASE) : base;
    }

    /** Lower-case Latin letters and digits only: accents dropped, everything else left out. */
    private static String plain(String name) {
        return name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
