package it.familyaudit.workflow.document;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The A4 pages of a document as they fill up, in the house style the plan set: Helvetica, text wrapped to the
 * width, labels with their values beside them, a new page when the current one is full, and "Pagina n di m" with a
 * line of its own at the foot of every page. Every text passes through {@link PdfText}, so none can stop the drawing.
 */
public final class PdfPages implements AutoCloseable {

    public static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    public static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    public static final PDType1Font ITALIC = new PDType1Font(Standard14Fonts.FontName.HELVETICA_OBLIQUE);
    private static final float MARGIN = 50;
    private static final float TOP = PDRectangle.A4.getHeight() - 56;
    private static final float BOTTOM = 60;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float LABEL_WIDTH = 118;

    private final PDDocument document;
    private PDPageContentStream stream;
    private float y;

    public PdfPages(PDDocument document) throws IOException {
        this.document = document;
        newPage();
    }

    private void newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        y = TOP;
    }

    /** Starts a new page unless {@code height} points are left: a heading does not end a page. */
    public void keep(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    public void space(float points) {
        y -= points;
    }

    public void rule() throws IOException {
        stream.setLineWidth(0.6f);
        stream.moveTo(MARGIN, y);
        stream.lineTo(MARGIN + WIDTH, y);
        stream.stroke();
    }

    /** The text wrapped to the width less {@code indent}, then {@code after} points of space. */
    public void text(PDType1Font font, float size, String text, float indent, float after) throws IOException {
        for (String line : wrap(font, size, text, WIDTH - indent)) {
            line(font, size, MARGIN + indent, line);
        }
        y -= after;
    }

    /** A label and its value beside it; nothing when there is no value. */
    public void row(String label, String value) throws IOException {
        if (value == null || value.isBlank()) {
            return;
        }
        List<String> lines = wrap(REGULAR, 9.5f, value, WIDTH - LABEL_WIDTH);
        for (int i = 0; i < lines.size(); i++) {
            float leading = 9.5f * 1.35f;
            if (y - leading < BOTTOM) {
                newPage();
            }
            y -= leading;
            if (i == 0 && !label.isEmpty()) {
                show(BOLD, 9, MARGIN, label);
            }
            show(REGULAR, 9.5f, MARGIN + LABEL_WIDTH, lines.get(i));
        }
        y -= 1.5f;
    }

    /**
     * Writes the foot of every page of the finished document: {@code left} (cut to fit, on one line) and "Pagina n
     * di m". Called once all pages are drawn, since only then is m known.
     */
    public static void footers(PDDocument document, String left) throws IOException {
        int count = document.getNumberOfPages();
        String printable = fit(REGULAR, 8, PdfText.printableLine(REGULAR, left), WIDTH - 80);
        for (int i = 0; i < count; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream s = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                String right = "Pagina " + (i + 1) + " di " + count;
                s.beginText();
                s.setFont(REGULAR, 8);
                s.newLineAtOffset(MARGIN, 34);
                s.showText(printable);
                s.endText();
                s.beginText();
                s.newLineAtOffset(MARGIN + WIDTH - REGULAR.getStringWidth(right) / 1000 * 8, 34);
                s.showText(right);
                s.endText();
            }
        }
    }

    private void line(PDType1Font font, float size, float x, String text) throws IOException {
        float leading = size * 1.3f;
        if (y - leading < BOTTOM) {
            newPage();
        }
        y -= leading;
        show(font, size, x, text);
    }

    private void show(PDType1Font font, float size, float x, String text) throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, y);
        stream.showText(text);
        stream.endText();
    }

    /** The text's lines, each broken at spaces to fit {@code width}; a word too long for a line is cut. */
    static List<String> wrap(PDType1Font font, float size, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : PdfText.printable(font, text).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(font, size, candidate) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                while (width(font, size, word) > width) {
                    // Printable text is one char per glyph: cut where the next one would overflow.
                    float used = 0;
                    int cut = 0;
                    while (cut < word.length()) {
                        float w = width(font, size, word.substring(cut, cut + 1));
                        if (cut > 0 && used + w > width) {
                            break;
                        }
                        used += w;
                        cut++;
                    }
                    lines.add(word.substring(0, cut));
                    word = word.substring(cut);
                }
                line.append(word);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** The text cut to fit {@code width}, with an ellipsis. */
    static String fit(PDType1Font font, float size, String text, float width) throws IOException {
        if (width(font, size, text) <= width) {
            return text;
        }
        String cut = text;
        while (cut.length() > 1 && width(font, size, cut + "...") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "...";
    }

    private static float width(PDType1Font font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
