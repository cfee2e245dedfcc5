package it.familyaudit.workflow.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class CertificatePdfTest {

    private static final String VERIFY_AT = "https://familyaudit.example.it/verifica?codice=ABCDEFGHJKLMNPQR";

    @Test
    void theCertificateNamesItsVerificationAddressSignatoryAndValidityAndItsQrCodeOpensTheAddress() throws Exception {
        byte[] pdf = CertificatePdf.render(new CertificatePdf.Content("Comune di Capannori", "FA-2026-7",
                LocalDate.of(2026, 3, 2), "ABCDEFGHJKLMNPQR", 1, "whole", false, "VALID", VERIFY_AT,
                LocalDate.of(2029, 3, 2), "Anna Verdi", "Presidente del Consiglio dell'Audit"));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Comune di Capannori", "FA-2026-7", "2 marzo 2026", "Valido fino al",
                    "2 marzo 2029", "con conferma annuale", VERIFY_AT, "Anna Verdi",
                    "Presidente del Consiglio dell'Audit", "Per il Consiglio dell'Audit");

            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
            int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
            String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels)))).getText();
            assertThat(decoded).isEqualTo(VERIFY_AT);
        }
    }

    @Test
    void withoutAConfiguredSignatoryTheRoleSignsAlone() throws Exception {
        byte[] pdf = CertificatePdf.render(new CertificatePdf.Content("Comune di Esempio", "FA-2026-8",
                LocalDate.of(2026, 3, 2), "ABCDEFGHJKLMNPQR", 2, "units", true, "REVOKED", VERIFY_AT,
                LocalDate.of(2029, 3, 2), null, "Presidente del Consiglio dell'Audit"));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Family Audit Executive", "CERTIFICATO REVOCATO", "Presidente del Consiglio")
                    .doesNotContain("null", "con conferma annuale");
        }
    }
}
