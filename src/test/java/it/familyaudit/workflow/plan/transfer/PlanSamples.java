package it.familyaudit.workflow.plan.transfer;

import it.familyaudit.workflow.plan.Indicator;
import it.familyaudit.workflow.plan.PlanAction;
import it.familyaudit.workflow.plan.PlanContent;
import it.familyaudit.workflow.plan.PlanField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * Plans made at random from a seed, with the texts that break spreadsheets: accents and other scripts, emoji, line
 * breaks, quotes, separators, text a spreadsheet would run as a formula, a leading apostrophe, Excel's own escapes.
 * Texts are trimmed and empty ones are absent, as an import reads them.
 */
final class PlanSamples {

    private static final String[] PIECES = {
            "Città", "perché", "più", "Ελληνικά", "日本語", "Ärger", "ß", "😀", "👩‍👩‍👧", "€ 1.500,00", "\n", "\r\n",
            "\"", "\"\"", ";", ",", "'", "=SUM(A1:A3)", "+39 0583", "-", "@utente", "#1", "\t", "_x0041_", "lavoro agile",
            "Tutto il personale", "CUG", "  ", "a", "Z", "1", "0,5", "%", "\\", "<b>", "&amp;", "Nº", "“citazione”",
            "– trattino", "…"};
    private static final String STARTS = "=+-@'";

    private PlanSamples() {
    }

    /** A plan with about {@code actions} actions; {@code controlCharacters} adds characters only .xlsx escapes. */
    static PlanContent random(long seed, int actions, boolean controlCharacters) {
        Random r = new Random(seed);
        int fieldCount = 1 + r.nextInt(Math.max(1, Math.min(12, actions / 2 + 2)));
        List<PlanField> fields = new ArrayList<>();
        for (int f = 1; f <= fieldCount; f++) {
            String code = r.nextInt(5) == 0 ? "F" + f : String.valueOf(f);
            String name = text(r, 60, controlCharacters, "Campo " + f);
            // Some fields have money of their own (PTAP/PIAO plans), a few a funding line alone.
            BigDecimal budget = r.nextInt(3) == 0 ? budget(r) : null;
            String fundingLine = budget != null || r.nextInt(8) == 0 ? optional(r, 40, controlCharacters) : null;
            fields.add(new PlanField(code, name, budget, fundingLine));
        }
        List<PlanAction> list = new ArrayList<>();
        for (int i = 0; i < actions; i++) {
            PlanField field = fields.get(Math.min(fieldCount - 1, i * fieldCount / Math.max(1, actions)));
            if (r.nextInt(7) == 0 && fieldCount > 1) {
                continue; // leaves some fields with fewer actions, some with none
            }
            String code = field.code() + "." + (i + 1) + (r.nextInt(5) == 0 ? ".1" : "");
            list.add(action(r, code, field.code(), controlCharacters));
        }
        if (r.nextInt(4) == 0) {
            Collections.shuffle(list, r); // actions out of their fields' order
        }
        return new PlanContent(fields, list);
    }

    static PlanAction action(Random r, String code, String fieldCode, boolean control) {
        TreeSet<Integer> years = new TreeSet<>();
        for (int y = 1; y <= 3; y++) {
            if (r.nextBoolean()) {
                years.add(y);
            }
        }
        List<Indicator> indicators = new ArrayList<>();
        for (int k = r.nextInt(4); k > 0; k--) {
            indicators.add(new Indicator(text(r, 50, control, "Indicatore"), optional(r, 8, control), value(r), value(r),
                    value(r), value(r), r.nextInt(3) == 0 ? someYears(r) : null));
        }
        return new PlanAction(code, fieldCode, text(r, 60, control, "Azione " + code), optional(r, 400, control),
                optional(r, 200, control), optional(r, 300, control), optional(r, 40, control), optional(r, 80, control),
                optional(r, 80, control), years,
                r.nextBoolean() ? null : LocalDate.of(2026, 1, 1).plusDays(r.nextInt(2000)),
                r.nextInt(3) == 0 ? null : budget(r),
                optional(r, 40, control), optional(r, 20, control), optional(r, 20, control), indicators);
    }

    /** Euro, at most ten digits before the comma and two after it. */
    private static BigDecimal budget(Random r) {
        return BigDecimal.valueOf(r.nextLong(0, 1_000_000_000_000L), 2);
    }

    /** Some of the plan years 1, 2 and 3, at least one. */
    private static TreeSet<Integer> someYears(Random r) {
        TreeSet<Integer> years = new TreeSet<>();
        for (int y = 1; y <= 3; y++) {
            if (r.nextBoolean()) {
                years.add(y);
            }
        }
        if (years.isEmpty()) {
            years.add(1 + r.nextInt(3));
        }
        return years;
    }

    private static BigDecimal value(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> null;
            case 1 -> BigDecimal.valueOf(r.nextInt(200));
            case 2 -> BigDecimal.valueOf(r.nextLong(-99_999_999_999_99L, 99_999_999_999_99L), 2);
            default -> BigDecimal.valueOf(r.nextInt(10_000), 1);
        };
    }

    private static String optional(Random r, int length, boolean control) {
        return r.nextInt(4) == 0 ? null : text(r, length, control, null);
    }

    /** Trimmed, non-empty text of at most {@code length} characters, or {@code fallback}. */
    static String text(Random r, int length, boolean control, String fallback) {
        StringBuilder s = new StringBuilder();
        if (r.nextInt(6) == 0) {
            s.append(STARTS.charAt(r.nextInt(STARTS.length())));
        }
        int pieces = 1 + r.nextInt(8);
        for (int i = 0; i < pieces; i++) {
            s.append(PIECES[r.nextInt(PIECES.length)]);
            if (control && r.nextInt(10) == 0) {
                s.append((char) r.nextInt(0x20));
            }
            if (r.nextBoolean()) {
                s.append(' ');
            }
        }
        String text = s.toString().strip();
        while (text.length() > length) {
            text = text.substring(0, length).strip();
            if (!text.isEmpty() && Character.isHighSurrogate(text.charAt(text.length() - 1))) {
                text = text.substring(0, text.length() - 1);
            }
        }
        // A lone low surrogate can be left by the cut of a joined emoji: drop it.
        text = text.replaceAll("^[\\uDC00-\\uDFFF]", "").strip();
        return text.isEmpty() ? (fallback == null ? "x" : fallback) : text;
    }
}
