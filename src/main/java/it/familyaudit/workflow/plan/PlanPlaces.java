package it.familyaudit.workflow.plan;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A place in a plan as its rules name it ({@code actions[2].indicators[0].targetYear1}) said in
 * Italian words ("azione 1.3, indicatore 1, obiettivo anno 1"), for the text the drafting task shows
 * in Tasklist. (The portal's editor says the same with links to its inputs.)
 */
final class PlanPlaces {

    private static final Pattern ACTION = Pattern.compile("actions\\[(\\d+)](?:\\.indicators\\[(\\d+)])?(?:\\.(\\w+))?.*");
    private static final Pattern FIELD = Pattern.compile("fields\\[(\\d+)](?:\\.(\\w+))?.*");
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("title", "titolo"), Map.entry("code", "codice"), Map.entry("name", "nome"),
            Map.entry("fieldCode", "campo di indagine"), Map.entry("description", "descrizione"),
            Map.entry("objective", "obiettivo"), Map.entry("activities", "attività"),
            Map.entry("owner", "responsabile"), Map.entry("actors", "chi la realizza"),
            Map.entry("recipients", "destinatari"), Map.entry("years", "anni"), Map.entry("deadline", "scadenza"),
            Map.entry("budget", "costo"), Map.entry("fundingLine", "finanziamento"),
            Map.entry("findingRef", "bisogno del questionario"), Map.entry("ptapRef", "obiettivo PTAP/PIAO"),
            Map.entry("indicators", "indicatori"), Map.entry("unit", "unità di misura"),
            Map.entry("baseline", "valore di partenza"), Map.entry("targetYear1", "obiettivo anno 1"),
            Map.entry("targetYear2", "obiettivo anno 2"), Map.entry("targetYear3", "obiettivo anno 3"),
            Map.entry("fields", "campi di indagine"), Map.entry("actions", "azioni"));

    private PlanPlaces() {
    }

    static String italian(String path, PlanContent content) {
        Matcher action = ACTION.matcher(path);
        if (action.matches()) {
            int index = Integer.parseInt(action.group(1));
            List<PlanAction> actions = content.actions();
            String code = index < actions.size() && actions.get(index).code() != null ? actions.get(index).code()
                    : String.valueOf(index + 1) + "ª";
            StringBuilder words = new StringBuilder("Azione " + code);
            if (action.group(2) != null) {
                words.append(", indicatore ").append(Integer.parseInt(action.group(2)) + 1);
            }
            if (action.group(3) != null) {
                words.append(", ").append(WORDS.getOrDefault(action.group(3), action.group(3)));
            }
            return words.toString();
        }
        Matcher field = FIELD.matcher(path);
        if (field.matches()) {
            String words = "Campo di indagine " + (Integer.parseInt(field.group(1)) + 1);
            return field.group(2) == null ? words : words + ", " + WORDS.getOrDefault(field.group(2), field.group(2));
        }
        String word = WORDS.get(path);
        return word == null ? path : "Piano, " + word;
    }
}
