package it.familyaudit.workflow.survey.invitations;

import static org.assertj.core.api.Assertions.assertThat;

import it.familyaudit.workflow.survey.invitations.InvitationSheet.Heading;
import java.awt.geom.Rectangle2D;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.Test;

/** The printed slips: each holds its whole text, and one code, inside its own cut lines. */
class InvitationSheetTest {

    private static final float MARGIN = 30;

    @Test
    void everySlipKeepsItsWholeTextInsideItsCutLines() throws Exception {
        List<String> codes = IntStream.range(0, 13).mapToObj(i -> InvitationCodes.newCode()).toList();
        Heading heading = new Heading("Comune di Capannori, con un nome lungo per vedere se il testo si accorcia",
                "https://audit.example.it/questionario/0123456789abcdef", LocalDate.of(2027, 3, 1),
                LocalDate.of(2027, 3, 31));

        try (PDDocument pdf = Loader.loadPDF(InvitationSheet.pdf(heading, codes))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(2);
            for (int i = 0; i < codes.size(); i++) {
                PDPage page = pdf.getPage(i / 12);
                int slot = i % 12;
                float width = (page.getMediaBox().getWidth() - 2 * MARGIN) / 2;
                float height = (page.getMediaBox().getHeight() - 2 * MARGIN) / 6;
                PDFTextStripperByArea inside = new PDFTextStripperByArea();
                // Just inside the dashed rectangle (text coordinates run down from the page's top).
                inside.addRegion("slip", new Rectangle2D.Float(MARGIN + (slot % 2) * width + 1,
                        MARGIN + (slot / 2) * height + 1, width - 2, height - 2));
                inside.extractRegions(page);
                String text = inside.getTextForRegion("slip");
                assertThat(text).as("slip " + i).contains("Questionario anonimo sui bisogni di conciliazione",
                        codes.get(i), "https://audit.example.it/questionario/0123456789abcdef",
                        "Aperto dal 1 marzo 2027 al 31 marzo 2027", "Open from 1 March 2027 to 31 March 2027",
                        "The code works once and does not reveal who answers.");
                assertThat(codes.stream().filter(text::contains)).as("slip " + i).hasSize(1);
            }
        }
    }
}
