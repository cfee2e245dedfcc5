package it.familyaudit.workflow.survey.publicpage;

import it.familyaudit.workflow.survey.Lang;

/** What the public page tells an employee, in both languages; {@code %d} take the message's arguments. */
public enum Message {
    REQUIRED("Risposta obbligatoria", "This answer is required"),
    NOT_AN_OPTION("Risposta non prevista tra le opzioni", "This answer is not one of the options"),
    ONE_ONLY("Scegliere una sola risposta", "Choose one answer only"),
    TOO_LONG("Al massimo %d caratteri (ne sono stati scritti %d)", "At most %d characters (%d were written)"),
    CONTROL_CHARACTERS("Il testo contiene caratteri non ammessi", "The text contains characters that are not allowed"),
    CODE_REQUIRED("Inserire il codice personale ricevuto con l'invito", "Enter the personal code that came with your invitation"),
    CODE_FORMAT("Il codice ha 16 lettere e cifre, ad esempio 7K3M-XQ2A-9RTV-H4WE: controllarlo",
            "The code has 16 letters and digits, e.g. 7K3M-XQ2A-9RTV-H4WE: please check it"),
    CODE_UNKNOWN("Codice non riconosciuto: controllarlo e riprovare", "Code not recognised: please check it and try again"),
    CODE_USED("Questo codice è già stato usato: ogni codice vale per una sola compilazione",
            "This code has already been used: each code works once");

    private final String it;
    private final String en;

    Message(String it, String en) {
        this.it = it;
        this.en = en;
    }

    String in(Lang lang, Object... args) {
        return String.format(lang == Lang.EN ? en : it, args);
    }
}
