package it.familyaudit.workflow.survey.invitations;

import it.familyaudit.workflow.document.PdfText;
import it.familyaudit.workflow.survey.Lang;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The invitation codes, the one time they exist in clear: a ZIP with a CSV for mail merge and a
 * PDF of slips to print and cut, one code each. Nothing here is logged or kept.
 */
public final class InvitationSheet {

    public static final String CSV_NAME = "codici-questionario.csv";
    public static final String PDF_NAME = "codici-questionario.pdf";
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n")
            .setHeader("numero", "codice", "indirizzo", "apertura", "chiusura").get();
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font ITALIC = new PDType1Font(Standard14Fonts.FontName.HELVETICA_OBLIQUE);
    private static final PDType1Font CODE = new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD);
    private static final int COLUMNS = 2;
    private static final int ROWS = 6;
    /** From a slip's top cut line to its first line's baseline, and below its last baseline to the bottom one. */
    private static final float FIRST_BASELINE = 18;
    private static final float BOTTOM_ROOM = 8;

    /** What every slip says besides its code. */
    public record Heading(String organization, String address, LocalDate opensOn, LocalDate closesOn) {
    }

    private InvitationSheet() {
    }

    public static byte[] zip(Heading heading, List<String> codes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry(CSV_NAME));
            zip.write(csv(heading, codes));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(PDF_NAME));
            zip.write(pdf(heading, codes));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] csv(Heading heading, List<String> codes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF'); // so that Excel reads UTF-8
        try (CSVPrinter csv = new CSVPrinter(writer, CSV)) {
            int n = 1;
            for (String code : codes) {
                csv.printRecord(n++, code, heading.address(), heading.opensOn(), heading.closesOn());
            }
        }
        return out.toByteArray();
    }

    /** One line of a slip: its font, size, distance below the previous line, and the text as it fits. */
    private record Line(PDType1Font font, float size, float below, String text) {
    }

    static byte[] pdf(Heading heading, List<String> codes) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.getDocumentInformation().setTitle("Codici del questionario / Questionnaire codes");
            PDRectangle a4 = PDRectangle.A4;
            float margin = 30;
            float width = (a4.getWidth() - 2 * margin) / COLUMNS;
            float height = (a4.getHeight() - 2 * margin) / ROWS;
            float room = width - 24;
            // The same on every slip: fitted once, not 10,000 times.
            List<Line> above = List.of(
                    line(BOLD, 9.5f, 0, "Questionario anonimo sui bisogni di conciliazione", room),
                    line(ITALIC, 8, 10, "Anonymous work-life balance needs questionnaire", room),
                    line(REGULAR, 8.5f, 12, heading.organization(), room),
                    line(REGULAR, 7.5f, 12, heading.address(), room),
                    line(REGULAR, 7.5f, 12, "Codice personale / Personal code:", room));
            Line code = new Line(CODE, 14, 16, "");
            // One language a line, so that neither is cut short.
            List<Line> below = List.of(
                    line(REGULAR, 7, 12, "Aperto dal " + Lang.IT.date(heading.opensOn()) + " al "
                            + Lang.IT.date(heading.closesOn()), room),
                    line(ITALIC, 7, 9, "Open from " + Lang.EN.date(heading.opensOn()) + " to "
                            + Lang.EN.date(heading.closesOn()), room),
                    line(ITALIC, 7, 9, "Il codice vale una volta e non rivela chi risponde.", room),
                    line(ITALIC, 7, 8, "The code works once and does not reveal who answers.", room));
            // Every line must end inside the cut lines, descenders included, whatever the page holds.
            float used = FIRST_BASELINE + Stream.of(above, List.of(code), below).flatMap(List::stream)
                    .map(Line::below).reduce(0f, Float::sum) + BOTTOM_ROOM;
            if (used > height) {
                throw new IllegalStateException("The slip's lines take " + used + " pt of its " + height);
            }
            int perPage = COLUMNS * ROWS;
            for (int first = 0; first < codes.size(); first += perPage) {
                PDPage page = new PDPage(a4);
                document.addPage(page);
                try (PDPageContentStream s = new PDPageContentStream(document, page)) {
                    s.setLineDashPattern(new float[] {3, 3}, 0);
                    s.setLineWidth(0.5f);
                    for (int i = first; i < Math.min(codes.size(), first + perPage); i++) {
                        int slot = i - first;
                        float x = margin + (slot % COLUMNS) * width;
                        float top = a4.getHeight() - margin - (slot / COLUMNS) * height;
                        s.addRect(x, top - height, width, height);
                        s.stroke();
                        float y = top - FIRST_BASELINE;
                        for (Line l : above) {
                            y = draw(s, l, x + 12, y);
                        }
                        y = draw(s, new Line(code.font(), code.size(), code.below(), codes.get(i)), x + 12, y);
                        for (Line l : below) {
                            y = draw(s, l, x + 12, y);
                        }
                    }
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private static Line line(PDType1Font font, float size, float below, String text, float maxWidth) throws IOException {
        String shown = PdfText.printableLine(font, text);
        while (shown.length() > 1 && font.getStringWidth(shown) / 1000 * size > maxWidth) {
            shown = shown.substring(0, shown.length() - 2) + "…";
        }
        return new Line(font, size, below, shown);
    }

    private static float draw(PDPageContentStream s, Line line, float x, float y) throws IOException {
        float at = y - line.below();
        s.beginText();
        s.setFont(line.font(), line.size());
        s.newLineAtOffset(x, at);
        s.showText(line.text());
        s.endText();
        return at;
    }

}
