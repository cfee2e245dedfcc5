package it.familyaudit.workflow.plan.transfer;

import it.familyaudit.workflow.document.PdfPages;
import it.familyaudit.workflow.document.PdfText;
import it.familyaudit.workflow.plan.Indicator;
import it.familyaudit.workflow.plan.PlanAction;
import it.familyaudit.workflow.plan.PlanContent;
import it.familyaudit.workflow.plan.PlanField;
import it.familyaudit.workflow.plan.PlanStatus;
import it.familyaudit.workflow.plan.PlanVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDType1Font;

/**
 * A plan version as a readable A4 document: organisation, certification, version and its approval, then every field
 * of investigation with its actions in full. Drawn from the stored plan each time it is asked for. The standard PDF
 * fonts know Western European letters only (WinAnsi): other letters lose their accents where they have a plain form
 * (ő → o) and become "?" otherwise, so no text can stop the drawing.
 */
public final class PlanPdf {

    /** What the document shows: the organisation's name, the version (with its approval) and what it says. */
    /**
     * @param names the names of the people who submitted and decided the version, by user id; an id
     *              missing from it is printed as it is
     */
    public record Input(String organizationName, PlanVersion version, PlanContent content, Map<String, String> names) {

        public Input(String organizationName, PlanVersion version, PlanContent content) {
            this(organizationName, version, content, Map.of());
        }

        String nameOf(String userId) {
            return names.getOrDefault(userId, userId);
        }
    }

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ITALIAN);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final PDType1Font BOLD = PdfPages.BOLD;
    private static final PDType1Font REGULAR = PdfPages.REGULAR;
    private static final PDType1Font ITALIC = PdfPages.ITALIC;

    private PlanPdf() {
    }

    public static byte[] render(Input input) {
        PlanVersion v = input.version();
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(PdfText.printable(REGULAR, "Piano aziendale Family Audit - " + input.organizationName()
                    + " - versione " + v.versionNo()));
            info.setSubject("Family Audit action plan");
            info.setCreator("Family Audit Workflow");
            Instant dated = v.decidedAt() != null ? v.decidedAt() : v.createdAt();
            if (dated != null) {
                info.setCreationDate(GregorianCalendar.from(dated.atZone(ROME)));
            }
            try (PdfPages pages = new PdfPages(document)) {
                front(pages, input);
                body(pages, input.content());
            }
            footers(document, input);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot draw the plan of " + input.organizationName(), e);
        }
    }

    private static void front(PdfPages p, Input input) throws IOException {
        PlanVersion v = input.version();
        p.text(BOLD, 18, "Piano aziendale Family Audit", 0, 4);
        p.text(ITALIC, 10, "Family Audit action plan", 0, 10);
        if (v.title() != null && !v.title().isBlank()) {
            p.text(BOLD, 14, v.title(), 0, 4);
        }
        p.text(REGULAR, 13, input.organizationName(), 0, 14);
        p.row("Certificazione", "n. " + v.certificationId());
        p.row("Versione", v.versionNo() + (v.basedOnVersion() == null ? "" : " (da versione " + v.basedOnVersion() + ")"));
        p.row("Stato", status(v));
        if (v.submittedBy() != null) {
            p.row("Presentato", "da " + input.nameOf(v.submittedBy()) + (v.submittedAt() == null ? "" : " il " + longDate(v.submittedAt())));
        }
        if (v.status() == PlanStatus.APPROVED) {
            p.row("Approvato", "da " + input.nameOf(v.decidedBy()) + (v.decidedAt() == null ? "" : " il " + longDate(v.decidedAt())));
            p.row("Firmato da", v.signatoryName() == null ? "-" : v.signatoryName()
                    + (v.signatoryRole() == null || v.signatoryRole().isBlank() ? "" : ", " + v.signatoryRole()));
        } else {
            p.row("Approvazione", "versione non approvata: il documento non è il piano in vigore / not approved");
            if (v.decisionNote() != null) {
                p.row("Modifiche richieste", v.decisionNote());
            }
        }
        PlanContent c = input.content();
        BigDecimal total = Objects.requireNonNullElse(PlanContent.budget(c.fields(), c.actions()), BigDecimal.ZERO);
        p.row("Contenuto", (c.fields().size() == 1 ? "1 campo di indagine, " : c.fields().size() + " campi di indagine, ")
                + (c.actions().size() == 1 ? "1 azione" : c.actions().size() + " azioni") + ", budget totale " + euro(total));
        p.space(10);
    }

    private static void body(PdfPages p, PlanContent content) throws IOException {
        Set<String> listed = content.fields().stream().map(PlanField::code).collect(Collectors.toSet());
        for (PlanField field : content.fields()) {
            fieldHeading(p, field.code() + ". " + field.name());
            List<PlanAction> actions = content.actionsOf(field.code());
            if (field.budget() != null || field.fundingLine() != null) {
                // Money given to the field as a whole (PTAP/PIAO style), then what the field costs in all.
                p.row("Budget del campo", field.budget() == null ? "-" : euro(field.budget()));
                p.row("Finanziamento", field.fundingLine());
                p.row("Totale del campo", euro(Objects.requireNonNullElse(PlanContent.budget(List.of(field), actions),
                        BigDecimal.ZERO)) + " (campo e sue azioni)");
                p.space(6);
            }
            if (actions.isEmpty()) {
                p.text(ITALIC, 10, "Nessuna azione in questo campo / No actions in this field", 0, 8);
            }
            for (PlanAction a : actions) {
                action(p, a);
            }
        }
        List<PlanAction> others = content.actions().stream().filter(a -> !listed.contains(a.fieldCode())).toList();
        if (!others.isEmpty()) {
            fieldHeading(p, "Azioni di altri campi / Other actions");
            for (PlanAction a : others) {
                action(p, a);
            }
        }
    }

    private static void fieldHeading(PdfPages p, String text) throws IOException {
        p.keep(80);
        p.space(6);
        p.text(BOLD, 13, text, 0, 2);
        p.rule();
        p.space(6);
    }

    private static void action(PdfPages p, PlanAction a) throws IOException {
        p.keep(60);
        p.text(BOLD, 11, a.code() + " " + a.title(), 0, 3);
        p.row("Descrizione", a.description());
        p.row("Obiettivo", a.objective());
        p.row("Attività", a.activities());
        p.row("Responsabile", a.owner());
        p.row("Soggetti attuatori", a.actors());
        p.row("Destinatari", a.recipients());
        p.row("Anni del piano", a.years().isEmpty() ? "-" : years(a.years()));
        p.row("Scadenza", a.deadline() == null ? null : SHORT_DATE.format(a.deadline()));
        p.row("Budget", a.budget() == null ? "nessun costo: risorse interne" : euro(a.budget()));
        p.row("Finanziamento", a.fundingLine());
        p.row("Rif. questionario", a.findingRef());
        p.row("Rif. PTAP/PIAO", a.ptapRef());
        if (a.indicators().isEmpty()) {
            p.row("Indicatori", "-");
        }
        for (int i = 0; i < a.indicators().size(); i++) {
            Indicator k = a.indicators().get(i);
            p.row(i == 0 ? "Indicatori" : "", "• " + k.name() + (k.unit() == null ? "" : " (" + k.unit() + ")")
                    + ": partenza " + value(k.baseline()) + "; anno 1: " + value(k.targetYear1()) + "; anno 2: "
                    + value(k.targetYear2()) + "; anno 3: " + value(k.targetYear3())
                    + (k.years().isEmpty() ? "" : "; misurato negli anni " + years(k.years())));
        }
        p.space(8);
    }

    private static void footers(PDDocument document, Input input) throws IOException {
        PdfPages.footers(document, input.organizationName() + " - Piano aziendale, versione "
                + input.version().versionNo());
    }

    private static String status(PlanVersion v) {
        return switch (v.status()) {
            case DRAFT -> "bozza / draft";
            case SUBMITTED -> "presentato, in attesa di approvazione / submitted";
            case APPROVED -> "approvato / approved";
            case CHANGES_REQUESTED -> "rimandato con modifiche richieste / changes requested";
        };
    }

    private static String longDate(Instant at) {
        return LONG_DATE.format(at.atZone(ROME));
    }

    private static String years(Collection<Integer> years) {
        return years.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }



    static String euro(BigDecimal amount) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ITALY));
        return f.format(amount) + " €";
    }

    private static String value(BigDecimal amount) {
        if (amount == null) {
            return "-";
        }
        DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ITALY));
        return f.format(amount);
    }
}
