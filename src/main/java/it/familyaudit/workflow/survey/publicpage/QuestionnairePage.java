package it.familyaudit.workflow.survey.publicpage;

import it.familyaudit.workflow.survey.Campaign;
import it.familyaudit.workflow.survey.Lang;
import it.familyaudit.workflow.survey.Questionnaire;
import it.familyaudit.workflow.survey.Questionnaire.Block;
import it.familyaudit.workflow.survey.Questionnaire.Note;
import it.familyaudit.workflow.survey.Questionnaire.Option;
import it.familyaudit.workflow.survey.Questionnaire.Question;
import it.familyaudit.workflow.survey.Questionnaire.Section;
import it.familyaudit.workflow.survey.publicpage.AnswerCheck.Problem;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The public pages of the questionnaire, drawn on the server: they work without JavaScript, on a
 * phone, with a keyboard and with a screen reader (every input has its label, every group of
 * options its legend, errors are listed at the top with links to the questions and tied to each
 * input). Every text that is not ours is escaped, including what the employee typed.
 */
final class QuestionnairePage {

    static final String CODE_PARAMETER = "_codice";
    static final String LANG_PARAMETER = "_lang";

    /** What the form page shows. */
    record FormView(Lang lang, String token, String organization, Campaign campaign, Questionnaire questionnaire,
                    Map<String, String[]> values, List<Problem> problems, String csrfParameter, String csrfToken,
                    int minGroupSize) {
    }

    private QuestionnairePage() {
    }

    static String form(FormView v) {
        Lang lang = v.lang();
        boolean codes = v.campaign().mode() == Campaign.InvitationMode.CODES;
        Map<String, List<Problem>> problems = v.problems().stream()
                .collect(Collectors.groupingBy(Problem::key, LinkedHashMap::new, Collectors.toList()));
        StringBuilder h = new StringBuilder(32_000);
        head(h, lang, t(lang, "Questionario sui bisogni di conciliazione", "Work–life balance needs questionnaire")
                + " – " + v.organization(), v.token(), lang == Lang.IT ? "en" : "it");
        h.append("<main id=\"contenuto\">\n<h1>").append(esc(t(lang, "Questionario sui bisogni di conciliazione vita-lavoro",
                "Work–life balance needs questionnaire"))).append("</h1>\n");
        h.append("<p class=\"ente\">").append(esc(v.organization())).append(" · ")
                .append(esc(t(lang, "aperto fino al ", "open until ") + lang.date(v.campaign().closesOn()))).append("</p>\n");
        h.append("<div class=\"anonimo\"><p>").append(esc(t(lang,
                "Le risposte sono anonime: non contengono il suo nome, il suo codice, il suo indirizzo internet né l'ora"
                        + " della compilazione, e nessuno può collegarle a lei. I risultati si vedono solo per gruppi di almeno "
                        + v.minGroupSize() + " persone.",
                "Your answers are anonymous: they hold neither your name, your code, your internet address nor the time"
                        + " you answered, and nobody can link them to you. Results are only shown for groups of at least "
                        + v.minGroupSize() + " people."))).append("</p>");
        if (!codes) {
            h.append("<p>").append(esc(t(lang, "Si chiede di rispondere una sola volta.", "Please answer only once.")))
                    .append("</p>");
        }
        h.append("</div>\n");
        if (!problems.isEmpty()) {
            errorSummary(h, v, problems);
        }
        h.append("<form method=\"post\" action=\"/questionario/").append(esc(v.token())).append("\" novalidate>\n");
        h.append("<input type=\"hidden\" name=\"").append(esc(v.csrfParameter())).append("\" value=\"")
                .append(esc(v.csrfToken())).append("\">\n");
        h.append("<input type=\"hidden\" name=\"").append(LANG_PARAMETER).append("\" value=\"").append(lang.code())
                .append("\">\n");
        if (codes) {
            code(h, v, problems.get(CODE_PARAMETER));
        }
        for (Block b : v.questionnaire().blocks()) {
            block(h, v, b, problems);
        }
        h.append("<p><button type=\"submit\">").append(esc(t(lang, "Invia le risposte", "Send my answers")))
                .append("</button></p>\n</form>\n</main>\n</body>\n</html>\n");
        return h.toString();
    }

    /** A page with a title and one message: thanks, closed, not open yet, not found. */
    static String message(Lang lang, String token, String title, String text) {
        StringBuilder h = new StringBuilder(2_000);
        head(h, lang, title, token, lang == Lang.IT ? "en" : "it");
        h.append("<main id=\"contenuto\">\n<h1>").append(esc(title)).append("</h1>\n<p>").append(esc(text))
                .append("</p>\n</main>\n</body>\n</html>\n");
        return h.toString();
    }

    static String thanks(Lang lang, String token) {
        return message(lang, token, t(lang, "Grazie!", "Thank you!"), t(lang,
                "Le sue risposte sono state registrate in forma anonima. Può chiudere questa pagina.",
                "Your answers have been recorded anonymously. You may close this page."));
    }

    static String closed(Lang lang, String token) {
        return message(lang, token, t(lang, "Il questionario è chiuso", "The questionnaire is closed"), t(lang,
                "Non è più possibile rispondere. Grazie per l'interesse.", "Answers are no longer accepted. Thank you for your interest."));
    }

    static String notYetOpen(Lang lang, String token, LocalDate opensOn) {
        return message(lang, token, t(lang, "Il questionario non è ancora aperto", "The questionnaire is not open yet"),
                t(lang, "Sarà possibile rispondere dal ", "You can answer from ") + lang.date(opensOn) + ".");
    }

    static String notFound(Lang lang) {
        return message(lang, null, t(lang, "Questionario non trovato", "Questionnaire not found"), t(lang,
                "L'indirizzo non corrisponde a nessun questionario: controllare il link ricevuto.",
                "This address matches no questionnaire: please check the link you received."));
    }

    static String alreadyAnswered(Lang lang, String token) {
        return message(lang, token, t(lang, "Questionario già compilato", "Questionnaire already answered"), t(lang,
                "Da questo browser il questionario è già stato compilato: ogni persona risponde una sola volta.",
                "The questionnaire has already been answered from this browser: everyone answers once."));
    }

    static String tooLarge(Lang lang, String token) {
        return message(lang, token, t(lang, "Risposte troppo lunghe", "Answers too long"), t(lang,
                "Le risposte superano la lunghezza consentita: accorciare i testi e riprovare.",
                "The answers are longer than allowed: please shorten the texts and try again."));
    }

    static String failure(Lang lang, String token) {
        return message(lang, token, t(lang, "Si è verificato un errore", "Something went wrong"), t(lang,
                "Le risposte non sono state registrate: riprovare tra qualche minuto.",
                "Your answers were not recorded: please try again in a few minutes."));
    }

    // --- pieces ----------------------------------------------------------------------------------

    private static void head(StringBuilder h, Lang lang, String title, String token, String other) {
        h.append("<!DOCTYPE html>\n<html lang=\"").append(lang.code()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"robots\" content=\"noindex\">\n")
                .append("<title>").append(esc(title)).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"/questionario.css\">\n</head>\n<body>\n")
                .append("<a class=\"salta\" href=\"#contenuto\">").append(esc(t(lang, "Vai al contenuto", "Skip to content")))
                .append("</a>\n");
        h.append("<nav class=\"lingua\" aria-label=\"").append(esc(t(lang, "Lingua", "Language"))).append("\">");
        if (token != null) {
            h.append("<a href=\"?lang=").append(other).append("\" lang=\"").append(other).append("\" hreflang=\"")
                    .append(other).append("\">").append("en".equals(other) ? "English" : "Italiano").append("</a>");
        }
        h.append("</nav>\n");
    }

    private static void errorSummary(StringBuilder h, FormView v, Map<String, List<Problem>> problems) {
        Lang lang = v.lang();
        h.append("<div class=\"errori\" role=\"alert\" aria-labelledby=\"errori-titolo\" tabindex=\"-1\">\n")
                .append("<h2 id=\"errori-titolo\">").append(esc(t(lang, "Alcune risposte vanno corrette", "Some answers need correcting")))
                .append("</h2>\n<ul>\n");
        problems.forEach((key, list) -> {
            String label = key.equals(CODE_PARAMETER) ? t(lang, "Codice personale", "Personal code")
                    : v.questionnaire().question(key).map(q -> q.label().in(lang)).orElse(key);
            for (Problem p : list) {
                h.append("<li><a href=\"#").append(esc(anchor(v.questionnaire(), key))).append("\">").append(esc(label))
                        .append(": ").append(esc(p.text(lang))).append("</a></li>\n");
            }
        });
        h.append("</ul>\n</div>\n");
    }

    private static String anchor(Questionnaire questionnaire, String key) {
        if (key.equals(CODE_PARAMETER)) {
            return "codice";
        }
        return questionnaire.question(key).map(q -> switch (q.widget()) {
            case RADIO, CHECKLIST -> "q-" + key + "-0";
            default -> "q-" + key;
        }).orElse("contenuto");
    }

    private static void code(StringBuilder h, FormView v, List<Problem> problems) {
        Lang lang = v.lang();
        String value = first(v.values(), CODE_PARAMETER);
        h.append("<div class=\"domanda codice").append(problems == null ? "" : " con-errore").append("\">\n")
                .append("<label for=\"codice\">").append(esc(t(lang, "Codice personale", "Personal code")))
                .append(" <span class=\"obbligatoria\">").append(esc(t(lang, "(obbligatorio)", "(required)"))).append("</span></label>\n")
                .append("<p class=\"aiuto\" id=\"codice-aiuto\">").append(esc(t(lang,
                        "Si trova nell'invito, ad esempio 7K3M-XQ2A-9RTV-H4WE. Maiuscole, minuscole, spazi e trattini non contano.",
                        "You will find it in your invitation, e.g. 7K3M-XQ2A-9RTV-H4WE. Case, spaces and dashes do not matter.")))
                .append("</p>\n");
        errors(h, "codice", problems, lang);
        h.append("<input type=\"text\" id=\"codice\" name=\"").append(CODE_PARAMETER)
                .append("\" autocomplete=\"off\" autocapitalize=\"characters\" spellcheck=\"false\" maxlength=\"40\" required")
                .append(" aria-describedby=\"codice-aiuto").append(problems == null ? "" : " codice-errore").append("\"")
                .append(problems == null ? "" : " aria-invalid=\"true\"")
                .append(" value=\"").append(esc(value == null ? "" : value)).append("\">\n</div>\n");
    }

    private static void block(StringBuilder h, FormView v, Block b, Map<String, List<Problem>> problems) {
        Lang lang = v.lang();
        if (b instanceof Note n) {
            markdown(h, n.text().in(lang));
        } else if (b instanceof Section s) {
            h.append("<section>\n<h2>").append(esc(s.title().in(lang))).append("</h2>\n");
            for (Block inner : s.blocks()) {
                block(h, v, inner, problems);
            }
            h.append("</section>\n");
        } else if (b instanceof Question q) {
            question(h, v, q, problems.get(q.key()));
        }
    }

    private static void question(StringBuilder h, FormView v, Question q, List<Problem> problems) {
        Lang lang = v.lang();
        String id = "q-" + q.key();
        String required = q.required()
                ? " <span class=\"obbligatoria\">" + esc(t(lang, "(obbligatoria)", "(required)")) + "</span>" : "";
        String describedBy = (q.description() != null ? id + "-aiuto " : "") + (problems != null ? id + "-errore" : "");
        String aria = (describedBy.isBlank() ? "" : " aria-describedby=\"" + describedBy.strip() + "\"")
                + (problems != null ? " aria-invalid=\"true\"" : "");
        h.append("<div class=\"domanda").append(problems == null ? "" : " con-errore").append("\">\n");
        switch (q.widget()) {
            case RADIO, CHECKLIST -> {
                boolean radio = q.widget() == Questionnaire.Widget.RADIO;
                Set<String> chosen = Set.of(v.values().getOrDefault(q.key(), new String[0]));
                h.append("<fieldset id=\"").append(id).append("\">\n<legend>").append(esc(q.label().in(lang))).append(required)
                        .append("</legend>\n");
                help(h, q, id, lang);
                errors(h, id, problems, lang);
                h.append("<div class=\"opzioni\">\n");
                int i = 0;
                for (Option o : q.options()) {
                    String optionId = id + "-" + i++;
                    h.append("<div class=\"opzione\"><input type=\"").append(radio ? "radio" : "checkbox").append("\" id=\"")
                            .append(optionId).append("\" name=\"").append(q.key()).append("\" value=\"").append(esc(o.value()))
                            .append("\"").append(chosen.contains(o.value()) ? " checked" : "")
                            .append(radio && q.required() ? " required" : "").append(aria).append("><label for=\"")
                            .append(optionId).append("\">").append(esc(o.label().in(lang))).append("</label></div>\n");
                }
                h.append("</div>\n</fieldset>\n");
            }
            case SELECT -> {
                String chosen = first(v.values(), q.key());
                h.append("<label for=\"").append(id).append("\">").append(esc(q.label().in(lang))).append(required)
                        .append("</label>\n");
                help(h, q, id, lang);
                errors(h, id, problems, lang);
                h.append("<select id=\"").append(id).append("\" name=\"").append(q.key()).append("\"")
                        .append(q.required() ? " required" : "").append(aria).append(">\n<option value=\"\">")
                        .append(esc(t(lang, "— Scegliere —", "— Choose —"))).append("</option>\n");
                for (Option o : q.options()) {
                    h.append("<option value=\"").append(esc(o.value())).append("\"")
                            .append(o.value().equals(chosen) ? " selected" : "").append(">").append(esc(o.label().in(lang)))
                            .append("</option>\n");
                }
                h.append("</select>\n");
            }
            case TEXTAREA, TEXTFIELD -> {
                String typed = first(v.values(), q.key());
                h.append("<label for=\"").append(id).append("\">").append(esc(q.label().in(lang))).append(required)
                        .append("</label>\n");
                help(h, q, id, lang);
                h.append("<p class=\"aiuto\">").append(esc(t(lang, "Al massimo " + q.maxLength() + " caratteri.",
                        "At most " + q.maxLength() + " characters."))).append("</p>\n");
                errors(h, id, problems, lang);
                if (q.widget() == Questionnaire.Widget.TEXTAREA) {
                    h.append("<textarea id=\"").append(id).append("\" name=\"").append(q.key()).append("\" rows=\"5\"")
                            .append(q.required() ? " required" : "").append(aria).append(">")
                            .append(esc(typed == null ? "" : typed)).append("</textarea>\n");
                } else {
                    h.append("<input type=\"text\" id=\"").append(id).append("\" name=\"").append(q.key()).append("\"")
                            .append(q.required() ? " required" : "").append(aria).append(" value=\"")
                            .append(esc(typed == null ? "" : typed)).append("\">\n");
                }
            }
        }
        h.append("</div>\n");
    }

    private static void help(StringBuilder h, Question q, String id, Lang lang) {
        if (q.description() != null) {
            h.append("<p class=\"aiuto\" id=\"").append(id).append("-aiuto\">").append(esc(q.description().in(lang)))
                    .append("</p>\n");
        }
    }

    private static void errors(StringBuilder h, String id, List<Problem> problems, Lang lang) {
        if (problems != null) {
            h.append("<p class=\"errore\" id=\"").append(id).append("-errore\">")
                    .append(esc(problems.stream().map(p -> p.text(lang)).collect(Collectors.joining(". "))))
                    .append("</p>\n");
        }
    }

    /** The little Markdown form-js texts use: paragraphs, **bold**, _italics_ and `code`. */
    private static void markdown(StringBuilder h, String text) {
        for (String paragraph : text.split("\\n\\s*\\n")) {
            String html = esc(paragraph.strip())
                    .replaceAll("\\*\\*(.+?)\\*\\*", "<strong>$1</strong>")
                    .replaceAll("(?<![\\w])_(.+?)_(?![\\w])", "<em>$1</em>")
                    .replaceAll("`(.+?)`", "<code>$1</code>")
                    .replace("\n", "<br>");
            h.append("<p>").append(html).append("</p>\n");
        }
    }

    private static String first(Map<String, String[]> values, String key) {
        String[] found = values.get(key);
        return found == null || found.length == 0 ? null : found[0];
    }

    static String t(Lang lang, String italian, String english) {
        return lang == Lang.EN ? english : italian;
    }

    /** Escapes text for HTML content and quoted attribute values. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
