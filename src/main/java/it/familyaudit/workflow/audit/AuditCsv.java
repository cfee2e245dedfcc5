package it.familyaudit.workflow.audit;

import it.familyaudit.workflow.engine.EngineTime;
import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The audit trail as CSV (UTF-8, {@code ;}, as Italian spreadsheets expect). A cell that a
 * spreadsheet would run as a formula ({@code = + - @}, tab, carriage return) gets a leading quote.
 */
public final class AuditCsv {

    public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(EngineTime.ZONE);
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n")
            .setHeader("id", "data e ora", "utente", "azione", "descrizione azione", "certificazione", "organizzazione",
                    "oggetto", "dettaglio")
            .get();

    private AuditCsv() {
    }

    public static CSVPrinter open(Writer out) throws IOException {
        out.write('\uFEFF'); // so that Excel reads UTF-8
        return new CSVPrinter(out, FORMAT);
    }

    public static void write(CSVPrinter csv, List<AuditEvent> events) throws IOException {
        for (AuditEvent e : events) {
            csv.printRecord(e.id(), WHEN.format(e.occurredAt()), safe(e.actor()), e.action().name(), e.action().label(),
                    e.certificationId(), safe(e.organizationCode()), safe(e.subject()), safe(e.detail()));
        }
    }

    static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }
}
