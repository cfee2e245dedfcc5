package it.familyaudit.workflow.survey.results;

import it.familyaudit.workflow.survey.results.QuestionnaireResults.Breakdown;
import it.familyaudit.workflow.survey.results.QuestionnaireResults.Count;
import it.familyaudit.workflow.survey.results.QuestionnaireResults.Group;
import it.familyaudit.workflow.survey.results.QuestionnaireResults.QuestionResult;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The results as CSV (UTF-8, {@code ;}, decimal comma, as Italian spreadsheets expect): the same
 * protected aggregates as the API, one figure a line, never an answer row and never free text.
 */
public final class ResultsCsv {

    public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n")
            .setHeader("domanda", "testo della domanda", "suddivisione", "gruppo", "risposta", "conteggio", "percentuale")
            .get();
    private static final String RESPONDENTS = "(rispondenti del gruppo)";

    private ResultsCsv() {
    }

    public static void write(Writer out, QuestionnaireResults results) throws IOException {
        out.write('\uFEFF'); // so that Excel reads UTF-8
        CSVPrinter csv = new CSVPrinter(out, FORMAT);
        String hidden = "nascosto (gruppo < " + results.minGroupSize() + ")";
        csv.printRecord("", "Risposte ricevute", "totale", "", "", results.respondents(), "");
        for (QuestionResult q : results.questions()) {
            for (Count c : q.overall()) {
                csv.printRecord(q.key(), safe(q.label()), "totale", "", safe(c.label()), figure(c.count(), hidden),
                        percent(c.share()));
            }
            for (Breakdown b : q.breakdowns()) {
                for (Group g : b.groups()) {
                    csv.printRecord(q.key(), safe(q.label()), safe(b.label()), safe(g.label()), RESPONDENTS,
                            figure(g.respondents(), hidden), "");
                    for (Count c : g.counts()) {
                        csv.printRecord(q.key(), safe(q.label()), safe(b.label()), safe(g.label()), safe(c.label()),
                                figure(c.count(), hidden), percent(c.share()));
                    }
                }
            }
        }
        csv.flush();
    }

    private static String figure(Long value, String hidden) {
        return value == null ? hidden : value.toString();
    }

    private static String percent(Double share) {
        return share == null ? "" : String.format(Locale.ITALIAN, "%.1f", share * 100);
    }

    /** A cell a spreadsheet would run as a formula gets a leading quote. */
    private static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }
}
