package it.familyaudit.workflow.plan.transfer;

import it.familyaudit.workflow.plan.PlanContent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

/**
 * The plan as CSV in the layout of {@link PlanColumn}. Reads UTF-8 (with or without byte order mark) separated by
 * semicolons or commas, whichever the header uses, with quoted cells over several lines. Writes what Excel opens
 * as it is: UTF-8 with a byte order mark, semicolons, CRLF, decimal commas, and an apostrophe before any text a
 * spreadsheet would run as a formula (removed again on import).
 */
public final class PlanCsv {

    /** Larger than any plan typed by hand, small enough to read in memory. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";

    private static final char BOM = '\uFEFF';

    private PlanCsv() {
    }

    /**
     * Reads a plan, all or nothing.
     *
     * @throws PlanImportException with every problem of the file (encoding, columns, cells), rows as a spreadsheet
     *                             numbers them
     */
    public static PlanImport read(byte[] bytes) {
        PlanSheet.Reader reader = new PlanSheet.Reader(true);
        if (bytes.length > MAX_BYTES) {
            reader.fail(0, "File troppo grande: al massimo " + MAX_BYTES / (1024 * 1024) + " MB");
            return reader.finish();
        }
        String text = decode(bytes, reader);
        if (text == null) {
            return reader.finish();
        }
        if (!text.isEmpty() && text.charAt(0) == BOM) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            return reader.finish();
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter(text)).get();
        long read = 0;
        try (CSVParser parser = CSVParser.parse(text, format)) {
            for (CSVRecord record : parser) {
                read = record.getRecordNumber();
                List<Object> cells = new ArrayList<>(record.toList());
                if (!reader.row((int) read, cells)) {
                    break;
                }
            }
        } catch (UncheckedIOException | IllegalStateException | IOException e) {
            reader.fail((int) read + 1, "Riga non leggibile: virgolette non chiuse, o altro testo dopo le virgolette "
                    + "di chiusura di una cella");
        }
        return reader.finish();
    }

    /** UTF-8 or nothing: a file saved as Windows-1252 would otherwise lose its accented letters without a word. */
    private static String decode(byte[] bytes, PlanSheet.Reader reader) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            reader.fail(0, "Il file non è codificato in UTF-8 (primo carattere non valido alla riga " + line
                    + " del file): salvarlo da Excel come «CSV UTF-8 (delimitato da virgole)», o da LibreOffice con "
                    + "il set di caratteri «Unicode (UTF-8)»");
            return null;
        }
        return out.flip().toString();
    }

    /** The separator the header uses: Excel in Italian writes semicolons, elsewhere commas. */
    private static char delimiter(String text) {
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            }
        }
        return commas > semicolons ? ',' : ';';
    }

    /** The plan as CSV; {@code title} may be {@code null}. */
    public static byte[] write(String title, boolean fieldsMandatory, PlanContent content) {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(';').setRecordSeparator("\r\n")
                .setQuoteMode(QuoteMode.MINIMAL).get();
        StringBuilder out = new StringBuilder().append(BOM);
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            printer.printRecord(Arrays.stream(PlanColumn.values()).map(c -> c.header).toList());
            for (PlanSheet.Line line : PlanSheet.lines(title, fieldsMandatory, content)) {
                printer.printRecord(Arrays.stream(line.cells()).map(PlanCsv::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal number) {
            return PlanSheet.italian(number);
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        return PlanSheet.quoted(value.toString());
    }
}
