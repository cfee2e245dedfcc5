package it.familyaudit.workflow.document;

import java.io.IOException;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pdfbox.pdmodel.font.PDType1Font;

/** Text for the standard PDF fonts, which know Western European letters only: anything else would stop the drawing. */
public final class PdfText {

    private static final Map<Integer, String> PRINTABLE = new ConcurrentHashMap<>();

    private PdfText() {
    }

    /**
     * What the font can draw: line breaks as {@code \n}, tabs and other control characters as spaces, letters
     * outside WinAnsi without their accents where that gives one, "?" otherwise. The three Helvetica faces
     * share one encoding, so one answer per character serves them all.
     */
    public static String printable(PDType1Font font, String text) {
        String normal = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(normal.length());
        normal.codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (cp < 0x20 || cp == 0x7F || Character.isWhitespace(cp)) {
                out.append(' ');
            } else {
                String glyph = PRINTABLE.get(cp);
                if (glyph == null) {
                    glyph = glyph(font, cp);
                    if (PRINTABLE.size() < 4096) {
                        PRINTABLE.put(cp, glyph);
                    }
                }
                out.append(glyph);
            }
        });
        return out.toString();
    }

    /** As {@link #printable}, on one line: for text drawn with {@code showText}, which cannot break lines. */
    public static String printableLine(PDType1Font font, String text) {
        return printable(font, text).replace('\n', ' ');
    }

    private static String glyph(PDType1Font font, int cp) {
        String ch = new String(Character.toChars(cp));
        if (encodable(font, ch)) {
            return ch;
        }
        String base = Normalizer.normalize(ch, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        if (!base.isEmpty() && !base.equals(ch) && encodable(font, base)) {
            return base;
        }
        return REPLACEMENTS.getOrDefault(cp, "?");
    }

    private static boolean encodable(PDType1Font font, String text) {
        try {
            font.encode(text);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Signs and letters with no accent to drop that WinAnsi lacks, and what stands in for them. */
    private static final Map<Integer, String> REPLACEMENTS = new HashMap<>();

    static {
        String[] pairs = {"≥", ">=", "≤", "<=", "→", "->", "←", "<-", "≠", "!=", "✓", "v", "−", "-", "‐", "-",
                "Ł", "L", "ł", "l", "Đ", "D", "đ", "d"};
        for (int i = 0; i < pairs.length; i += 2) {
            REPLACEMENTS.put(pairs[i].codePointAt(0), pairs[i + 1]);
        }
    }
}
