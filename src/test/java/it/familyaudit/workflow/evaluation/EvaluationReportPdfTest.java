package it.familyaudit.workflow.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class EvaluationReportPdfTest {

    private static EvaluationReport report(EvaluationOutcome outcome, String text, String integration) {
        return new EvaluationReport(7, LocalDate.of(2026, 3, 5), "Requisiti soddisfatti\nGruppo di lavoro attivo", text,
                outcome, integration, "evaluator", Instant.parse("2026-03-06T09:30:00Z"));
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void namesTheOrganisationTheEvaluatorAndTheOutcomeInItalianWithEveryText() throws IOException {
        byte[] pdf = EvaluationReportPdf.render(new EvaluationReportPdf.Input("Comune di Capannori", 42,
                report(EvaluationOutcome.INTEGRATION, "Prima riga\nSeconda riga", "Aggiornare l'azione 1.1"),
                "Luca Ferri"));

        assertThat(text(pdf)).contains("Rapporto di valutazione Family Audit", "Comune di Capannori", "n. 42",
                "Data della visita 05/03/2026", "Valutatore Luca Ferri", "Esito integrazione richiesta",
                "Consegnato il 06/03/2026 10:30", "Osservazioni emerse", "Requisiti soddisfatti",
                "Gruppo di lavoro attivo", "Prima riga\nSeconda riga", "Integrazioni richieste",
                "Aggiornare l'azione 1.1", "Pagina 1 di 1").doesNotContain("evaluator");
    }

    @Test
    void leavesOutTheIntegrationRequestsWhenNoneWereAskedAndBreaksPagesForALongReport() throws IOException {
        String longReport = "Una frase del rapporto di valutazione, ripetuta. ".repeat(3000) + "\nŁódź 日本";
        byte[] pdf = EvaluationReportPdf.render(new EvaluationReportPdf.Input("Comune di Prova", 1,
                report(EvaluationOutcome.POSITIVE, longReport, null), "Luca Ferri"));

        String text = text(pdf);
        assertThat(text).contains("Esito positivo", "Lódz ??").doesNotContain("Integrazioni richieste");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(5);
            assertThat(text).contains("Pagina " + pages + " di " + pages);
        }
    }

    @Test
    void readsTheFormsThreeOutcomesAndNoOther() {
        assertThat(EvaluationOutcome.of("positive").italian()).isEqualTo("positivo");
        assertThat(EvaluationOutcome.of("integration").italian()).isEqualTo("integrazione richiesta");
        assertThat(EvaluationOutcome.of("negative").italian()).isEqualTo("negativo");
        assertThatThrownBy(() -> EvaluationOutcome.of("maybe")).isInstanceOf(IllegalArgumentException.class);
    }
}
