package it.familyaudit.workflow.certificate;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import it.familyaudit.workflow.document.PdfText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.Map;
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
    /**
     * @param verifyAt   the verification page's address with this certificate's code: the QR code opens it
     * @param validUntil the end of the years the certificate holds for, subject to the yearly confirmations
     * @param signatory  who signs for the audit council, or {@code null} for the role alone
     */
    record Content(String organizationName, String number, LocalDate issueDate, String verificationCode, int cycleNo,
                   String scope, boolean executive, String status, String verifyAt, LocalDate validUntil,
                   String signatory, String signatoryRole) {

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
                frame(s, width, page.getMediaBox().getHeight());
                centered(s, BOLD, 12, width, 770, "FAMILY AUDIT");
                centered(s, BOLD, c.executive() ? 26 : 30, width, 722, title);
                centered(s, ITALIC, 13, width, 698,
                        c.executive() ? "Family Audit Executive certificate" : "Family Audit certificate");
                if (c.notValid() != null) {
                    s.setNonStrokingColor(0.75f, 0f, 0f);
                    centered(s, BOLD, 16, width, 666, c.notValid());
                    s.setNonStrokingColor(0f, 0f, 0f);
                }
                centered(s, REGULAR, 14, width, 640, "Si attesta che / This is to certify that");
                centered(s, BOLD, 22, width, 605, c.organizationName());
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
                centered(s, REGULAR, 12, width, 522, "Ambito / Scope: " + ("units".equals(c.scope())
                        ? "alcune unità organizzative / some units" : "intera organizzazione / whole organisation"));
                line(s, 110, 468, "Numero del certificato / Certificate number:", c.number());
                line(s, 110, 446, "Data di rilascio / Issue date:", ITALIAN_DATE.format(c.issueDate()));
                line(s, 110, 424, "Valido fino al / Valid until:", ITALIAN_DATE.format(c.validUntil())
                        + (c.executive() ? "" : ", con conferma annuale / confirmed every year"));
                line(s, 110, 402, "Ciclo di certificazione / Cycle:", String.valueOf(c.cycleNo()));
                line(s, 110, 380, "Codice di verifica / Verification code:", c.verificationCode());
                signature(s, width, c);
                verification(s, c);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot draw the certificate " + c.number(), e);
        }
    }

    /** A double rule in the blue of the Italian public administration, so the page reads as a certificate. */
    private static void frame(PDPageContentStream s, float width, float height) throws IOException {
        s.setStrokingColor(0f, 0.4f, 0.8f);
        s.setLineWidth(3f);
        s.addRect(30, 30, width - 60, height - 60);
        s.stroke();
        s.setLineWidth(0.75f);
        s.addRect(38, 38, width - 76, height - 76);
        s.stroke();
        s.setStrokingColor(0f, 0f, 0f);
    }

    /** Who signs, for the council: the role, the name when configured, and the line of the signature. */
    private static void signature(PDPageContentStream s, float width, Content c) throws IOException {
        float x = width - 250;
        text(s, REGULAR, 11, x, 300, "Per il Consiglio dell'Audit / For the Audit Council");
        text(s, ITALIC, 11, x, 284, c.signatoryRole());
        if (c.signatory() != null) {
            text(s, BOLD, 12, x, 266, c.signatory());
        }
        s.setLineWidth(0.5f);
        s.moveTo(x, 236);
        s.lineTo(width - 60, 236);
        s.stroke();
    }

    /** The QR code of the verification page, drawn as squares (sharp at any size), and its address. */
    private static void verification(PDPageContentStream s, Content c) throws IOException {
        BitMatrix qr;
        try {
            qr = new QRCodeWriter().encode(c.verifyAt(), BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalStateException("Cannot encode " + c.verifyAt() + " as a QR code", e);
        }
        float size = 96;
        float module = size / qr.getWidth();
        float left = 60;
        float bottom = 70;
        for (int y = 0; y < qr.getHeight(); y++) {
            for (int x = 0; x < qr.getWidth(); x++) {
                if (qr.get(x, y)) {
                    s.addRect(left + x * module, bottom + size - (y + 1) * module, module, module);
                }
            }
        }
        s.fill();
        float textX = left + size + 16;
        text(s, BOLD, 10, textX, bottom + 70, "Verifica l'autenticità / Verify this certificate:");
        text(s, REGULAR, 9, textX, bottom + 54, c.verifyAt());
        text(s, ITALIC, 9, textX, bottom + 36,
                "Inquadrare il codice QR o aprire l'indirizzo: la pagina conferma numero, organizzazione e validità.");
        text(s, ITALIC, 9, textX, bottom + 24,
                "Scan the QR code or open the address: the page confirms number, organisation and validity.");
    }

    private static void text(PDPageContentStream s, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset(x, y);
        s.showText(PdfText.printableLine(font, text));
        s.endText();
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
