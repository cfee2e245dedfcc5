package it.familyaudit.workflow.plan.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import it.familyaudit.workflow.plan.Indicator;
import it.familyaudit.workflow.plan.PlanAction;
import it.familyaudit.workflow.plan.PlanContent;
import it.familyaudit.workflow.plan.PlanField;
import it.familyaudit.workflow.plan.PlanRepositoryTest;
import it.familyaudit.workflow.plan.PlanStatus;
import it.familyaudit.workflow.plan.PlanVersion;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PlanPdfTest {

    static PlanVersion approved(int actions) {
        return new PlanVersion(1, 42, 2, PlanStatus.APPROVED, "Piano Family Audit 2026-2029", null, actions, null,
                "working-group", Instant.parse("2026-03-01T09:00:00Z"), "management",
                Instant.parse("2026-03-10T10:30:00Z"), null, true, 1, "working-group",
                Instant.parse("2026-02-01T09:00:00Z"), "Marco Rossi", "Segretario generale");
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    static int pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }

    @Test
    void showsTheApprovalAndEveryFieldWithItsActionsInFull() throws IOException {
        PlanContent plan = PlanRepositoryTest.twoActions();
        List<PlanField> fields = new java.util.ArrayList<>(plan.fields());
        fields.add(new PlanField("3", "Luoghi di lavoro"));
        byte[] pdf = PlanPdf.render(new PlanPdf.Input("Comune di Capannori", approved(2),
                new PlanContent(fields, plan.actions())));

        String text = text(pdf);

        assertThat(text).contains("Piano aziendale Family Audit", "Comune di Capannori", "Piano Family Audit 2026-2029",
                "n. 42", "approvato", "da management il 10 marzo 2026", "Marco Rossi, Segretario generale",
                "1. Organizzazione del lavoro", "1.1 Ripensare la flessibilità", "Ufficio personale", "CUG",
                "Tutto il personale", "1, 3", "31/12/2027", "1.500,00 €", "Bilancio 2027", "PTAP 5",
                "Corsi realizzati (n.): partenza 0; anno 1: 2; anno 2: -; anno 3: 6",
                "2. Comunicazione", "2.1 La scatola dei suggerimenti", "nessun costo: risorse interne",
                "3. Luoghi di lavoro", "Nessuna azione in questo campo", "Pagina 1 di 1");
    }

    @Test
    void aFieldsOwnBudgetCountsInTheFieldsAndThePlansTotalAndAnIndicatorSaysItsYears() throws IOException {
        PlanContent plan = PlanRepositoryTest.twoActions();
        PlanAction first = plan.actions().get(0);
        Indicator lastYear = new Indicator("Benessere percepito", "%", new BigDecimal("40"), null, null,
                new BigDecimal("60"), new TreeSet<>(List.of(3)));
        PlanAction measured = new PlanAction(first.code(), first.fieldCode(), first.title(), null, null, null, null, null,
                null, first.years(), null, first.budget(), first.fundingLine(), null, null, List.of(lastYear));
        List<PlanField> fields = List.of(new PlanField("1", "Organizzazione del lavoro", new BigDecimal("3000"),
                "PIAO 2026, obiettivo 4"), plan.fields().get(1), new PlanField("3", "Welfare", new BigDecimal("250.50"),
                "Fondo welfare"));

        String text = text(PlanPdf.render(new PlanPdf.Input("Comune di Capannori", approved(2),
                new PlanContent(fields, List.of(measured, plan.actions().get(1)))))).replaceAll("\\s+", " ");

        assertThat(first.budget()).isEqualByComparingTo("1500");
        assertThat(text).contains("budget totale 4.750,50 €", "Budget del campo 3.000,00 €", "PIAO 2026, obiettivo 4",
                "Totale del campo 4.500,00 € (campo e sue azioni)", "Totale del campo 250,50 €",
                "Benessere percepito (%): partenza 40; anno 1: -; anno 2: -; anno 3: 60; misurato negli anni 3");
    }

    @Test
    void wrapsLongTextAndBreaksPagesForFiveHundredActions() throws IOException {
        PlanContent plan = PlanSamples.random(500, 500, true);
        byte[] pdf = PlanPdf.render(new PlanPdf.Input("Comune di Esempio", approved(plan.actions().size()), plan));

        String text = text(pdf);

        assertThat(pages(pdf)).isGreaterThan(50);
        for (PlanAction a : plan.actions().subList(0, 20)) {
            assertThat(text).contains(a.code() + " ");
        }
        assertThat(text).contains("Pagina " + pages(pdf) + " di " + pages(pdf));
    }

    @Test
    void drawsTextOutsideTheStandardFontsWithoutStopping() throws IOException {
        String word = "x".repeat(3000);
        PlanAction action = new PlanAction("1.1", "1", "Ελληνικά 日本語 😀 Łódź ő", "riga\r\ncon\ttab\u0001 " + word,
                null, null, null, null, null, new TreeSet<>(List.of(1)), LocalDate.of(2027, 1, 1), null, null, null,
                null, List.of(new Indicator("≥ 80 %", null, new BigDecimal("1234567.5"), null, null, null)));
        PlanVersion draft = new PlanVersion(1, 7, 1, PlanStatus.DRAFT, null, null, 1, null, null, null, null, null,
                null, true, null, "wg", Instant.parse("2026-02-01T09:00:00Z"), null, null);

        String text = text(PlanPdf.render(new PlanPdf.Input("Comune di Łódź", draft,
                new PlanContent(List.of(new PlanField("1", "Campo")), List.of(action)))));

        assertThat(text).contains("1.1 ???????? ??? ? Lódz o", "Comune di Lódz", "1 campo di indagine, 1 azione", "bozza", "non approvata",
                ">= 80 %", "1.234.567,5");
    }
}
