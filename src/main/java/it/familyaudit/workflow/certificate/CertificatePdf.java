package it.familyaudit.workflow.certificate;

import it.familyaudit.workflow.document.PdfText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.GregorianCalendar;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The certificate as a one-page PDF, drawn from the register entry each time it is asked for,
 * so the document always matches the register and nothing is stored twice.
 */
final class CertificatePdf {

    private static final DateTimeFormatter ITALIAN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ITALIAN);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font ITALIC = new PDType1Font(Standard14Fonts.FontName.HELVETICA_OBLIQUE);

    private CertificatePdf() {
    }

    /**
     * @param executive the Family Audit Executive (plan carried out) rather than the Family Audit certificate
     * @param status    as in the register: {@code VALID}, {@code REVOKED} or {@code WITHDRAWN}
     */
    record Content(String organizationName, String number, LocalDate issueDate, String verificationCode, int cycleNo,
                   String scope, boolean executive, String status) {

        /** What a certificate that no longer holds says across its face, so no copy passes for a valid one. */
        String notValid() {
            return switch (status) {
                case "REVOKED" -> "CERTIFICATO REVOCATO / CERTIFICATE REVOKED";
                case "WITHDRAWN" -> "NON PIÙ VALIDO: CERTIFICAZIONE RITIRATA / NO LONGER VALID: WITHDRAWN";
                default -> null;
            };
        }
    }

    static byte[] render(Content c) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = document.getDocumentInformation();
            String title = c.executive() ? "Certificato Family Audit Executive" : "Certificato Family Audit";
            info.setTitle(title + " " + c.number());
            info.setSubject((c.executive() ? "Family Audit Executive certificate" : "Family Audit certificate")
                    + (c.notValid() == null ? "" : " - " + c.status()));
            info.setCreator("Family Audit Workflow");
            info.setCreationDate(GregorianCalendar.from(c.issueDate().atStartOfDay(ZoneId.of("Europe/Rome"))));
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            float width = page.getMediaBox().getWidth();
            try (PDPageContentStream s = new PDPageContentStream(document, page)) {
                s.setLineWidth(2f);
                s.addRect(36, 36, width - 72, page.getMediaBox().getHeight() - 72);
                s.stroke();
                centered(s, BOLD, c.executive() ? 26 : 30, width, 720, title);
                centered(s, ITALIC, 13, width, 696,
                        c.executive() ? "Family Audit Executive certificate" : "Family Audit certificate");
                if (c.notValid() != null) {
                    s.setNonStrokingColor(0.75f, 0f, 0f);
                    centered(s, BOLD, 16, width, 664, c.notValid());
                    s.setNonStrokingColor(0f, 0f, 0f);
                }
                centered(s, REGULAR, 14, width, 640, "Si attesta che / This is to certify that");
                centered(s, BOLD, 20, width, 605, c.organizationName());
                if (c.executive()) {
                    centered(s, REGULAR, 12, width, 570,
                            "ha attuato il piano aziendale Family Audit e ottiene la certificazione Family Audit Executive");
                    centered(s, ITALIC, 11, width, 552,
                            "has carried out its Family Audit plan and is awarded the Family Audit Executive certification");
                } else {
                    centered(s, REGULAR, 12, width, 570,
                            "ha ottenuto la certificazione Family Audit per le politiche di conciliazione vita-lavoro");
                    centered(s, ITALIC, 11, width, 552, "has been awarded the Family Audit work-life balance certification");
                }
                centered(s, REGULAR, 12, width, 520, "Ambito / Scope: " + ("units".equals(c.scope())
                        ? "alcune unità organizzative / some units" : "intera organizzazione / whole organisation"));
                line(s, 120, 450, "Numero del certificato / Certificate number:", c.number());
                line(s, 120, 425, "Data di rilascio / Issue date:", ITALIAN_DATE.format(c.issueDate()));
                line(s, 120, 400, "Ciclo di certificazione / Cycle:", String.valueOf(c.cycleNo()));
                line(s, 120, 375, "Codice di verifica / Verification code:", c.verificationCode());
                centered(s, ITALIC, 10, width, 300,
                        "Il codice di verifica permette all'ente di certificazione di confermare l'autenticità del certificato.");
                centered(s, ITALIC, 10, width, 286,
                        "The verification code lets the certifying agency confirm that this certificate is genuine.");
                centered(s, REGULAR, 11, width, 200, "Il Consiglio dell'Audit / The Audit Council");
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot draw the certificate " + c.number(), e);
        }
    }

    private static void centered(PDPageContentStream s, PDType1Font font, float size, float width, float y, String text)
            throws IOException {
        text = PdfText.printableLine(font, text);
        float textWidth = font.getStringWidth(text) / 1000 * size;
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset(Math.max(40, (width - textWidth) / 2), y);
        s.showText(text);
        s.endText();
    }

    private static void line(PDPageContentStream s, float x, float y, String label, String value) throws IOException {
        s.beginText();
        s.setFont(REGULAR, 12);
        s.newLineAtOffset(x, y);
        s.showText(label + " ");
        s.setFont(BOLD, 12);
        s.showText(PdfText.printableLine(BOLD, value));
        s.endText();
    }
}
