package it.familyaudit.workflow.plan.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import it.familyaudit.workflow.plan.Indicator;
import it.familyaudit.workflow.plan.PlanAction;
import it.familyaudit.workflow.plan.PlanContent;
import it.familyaudit.workflow.plan.PlanField;
import it.familyaudit.workflow.plan.PlanRules;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PlanCsvTest {

    static final String HEADER = "Codice campo;Campo di indagine;Codice azione;Titolo;Descrizione;Anni del piano;"
            + "Scadenza;Budget (euro);Indicatore;Unità di misura;Valore di partenza;Target anno 1;Target anno 2;"
            + "Target anno 3\r\n";

    /** The columns of a file that gives a field its own budget and an indicator its measurement years. */
    static final String MONEY_AND_YEARS_HEADER = "Codice campo;Campo di indagine;Codice azione;Titolo;Anni del piano;"
            + "Budget (euro);Linea di finanziamento;Indicatore;Target anno 1;Target anno 2;Target anno 3;"
            + "Anni di misura\r\n";

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static List<ImportError> errors(byte[] file) {
        PlanImportException e = catchThrowableOfType(PlanImportException.class, () -> PlanCsv.read(file));
        assertThat(e).as("the file is refused").isNotNull();
        return e.errors();
    }

    @Test
    void readsWhatAReferentTypesInExcelItalianNumbersDatesYearsAndSeveralIndicatorsPerAction() {
        byte[] file = utf8("\uFEFF" + HEADER
                + "1;Organizzazione del lavoro;;;;;;;;;;;;\r\n"
                + "1;;1.1;Ripensare la flessibilità;\"Orari flessibili;\n"
                + "anche \"\"in entrata\"\"\";1, 2 e 3;31/12/2027;1.500,00;Dipendenti in orario flessibile;%;10;20;"
                + "30;40\r\n"
                + ";;1.1;;;;;;Gradimento;punti;3,5;4;;4,5\r\n"
                + "\r\n"
                + ";;1.2;Smart Working;;2;2028-06-30;;;;;;;\r\n"
                + "2;Comunicazione;2.1;La scatola dei suggerimenti;;1-3;;250;;;;;;\r\n");

        PlanImport plan = PlanCsv.read(file);

        assertThat(plan.content().fields()).containsExactly(new PlanField("1", "Organizzazione del lavoro"),
                new PlanField("2", "Comunicazione"));
        PlanAction flexibility = plan.content().actions().get(0);
        assertThat(flexibility.description()).isEqualTo("Orari flessibili;\nanche \"in entrata\"");
        assertThat(flexibility.years()).containsExactly(1, 2, 3);
        assertThat(flexibility.deadline()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(flexibility.budget()).isEqualByComparingTo("1500");
        assertThat(flexibility.indicators()).containsExactly(
                new Indicator("Dipendenti in orario flessibile", "%", new BigDecimal("10"), new BigDecimal("20"),
                        new BigDecimal("30"), new BigDecimal("40")),
                new Indicator("Gradimento", "punti", new BigDecimal("3.5"), new BigDecimal("4"), null,
                        new BigDecimal("4.5")));
        PlanAction smartWorking = plan.content().actions().get(1);
        assertThat(smartWorking.fieldCode()).as("field from the action code").isEqualTo("1");
        assertThat(smartWorking.budget()).as("no cost").isNull();
        assertThat(smartWorking.deadline()).isEqualTo(LocalDate.of(2028, 6, 30));
        assertThat(plan.content().actions().get(2).budget()).isEqualByComparingTo("250");
        assertThat(plan.content().actions().get(2).years()).containsExactly(1, 2, 3);
        assertThat(plan.actionRows()).containsExactly(3, 6, 7);
        assertThat(plan.indicatorRows()).containsExactly(List.of(3, 4), List.of(), List.of());
        assertThat(plan.fieldRows()).containsExactly(2, 7);
        assertThat(plan.title()).isNull();
        assertThat(plan.fieldsMandatory()).isNull();
    }

    @Test
    void readsCommaSeparatedFilesWithoutByteOrderMarkAndEnglishHeaders() {
        byte[] file = utf8("Field code,Field name,Action code,Title,Budget,Plan title,Fields mandatory\n"
                + "1,Work,1.1,Flexible hours,1500.50,My plan,no\n");

        PlanImport plan = PlanCsv.read(file);

        assertThat(plan.content().actions().get(0).budget()).isEqualByComparingTo("1500.50");
        assertThat(plan.title()).isEqualTo("My plan");
        assertThat(plan.fieldsMandatory()).isFalse();
    }

    @Test
    void acceptsTheUsualWaysOfWritingAnAmount() {
        String rows = "";
        String[] amounts = {"1500", "1500.00", "1.500,00", "1500,5", "€ 1.500", "1.500", "1,500,000", "2,000.5", "0"};
        for (int i = 0; i < amounts.length; i++) {
            rows += "1;Campo;1." + i + ";Azione;;;;\"" + amounts[i] + "\";;;;;;\r\n";
        }

        List<BigDecimal> budgets = PlanCsv.read(utf8(HEADER + rows)).content().actions().stream()
                .map(PlanAction::budget).toList();

        assertThat(budgets).usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("1500"),
                new BigDecimal("1500"), new BigDecimal("1500"), new BigDecimal("1500.5"), new BigDecimal("1500"),
                new BigDecimal("1500"), new BigDecimal("1500000"), new BigDecimal("2000.5"), BigDecimal.ZERO);
    }

    @Test
    void refusesAFileThatIsNotUtf8AndSaysHowToSaveIt() {
        byte[] latin1 = ("Codice campo;Campo di indagine;Codice azione;Titolo\r\n1;Città;1.1;Perché\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThat(errors(latin1)).singleElement().satisfies(e -> {
            assertThat(e.row()).isZero();
            assertThat(e.message()).contains("UTF-8", "riga 2");
        });
    }

    @Test
    void refusesBinaryGarbage() {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);

        assertThat(errors(garbage)).singleElement().satisfies(e -> assertThat(e.message()).contains("UTF-8"));
    }

    @Test
    void refusesAnEmptyFileAndAFileWithTheHeaderOnly() {
        assertThat(errors(new byte[0])).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("vuoto"));
        assertThat(errors(utf8("\uFEFF\r\n  \r\n"))).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("vuoto"));
        assertThat(errors(utf8(HEADER))).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(2);
            assertThat(e.message()).contains("né campi di indagine né azioni");
        });
    }

    @Test
    void namesEveryMissingRequiredColumn() {
        List<ImportError> errors = errors(utf8("Codice azione;Descrizione\r\n1.1;x\r\n"));

        assertThat(errors).extracting(ImportError::row).containsOnly(1);
        assertThat(errors).extracting(ImportError::column)
                .containsExactly("Codice campo", "Campo di indagine", "Titolo");
    }

    @Test
    void refusesAnExtraColumnItDoesNotKnowNamingIt() {
        List<ImportError> errors = errors(utf8("Codice campo;Campo di indagine;Codice azione;Titolo;Titolo azzione\r\n"
                + "1;Organizzazione;1.1;Buona;x\r\n"));

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(1);
            assertThat(e.column()).isEqualTo("Titolo azzione");
            assertThat(e.message()).contains("Colonna sconosciuta");
        });
    }

    @Test
    void listsEveryBadCellOfTheFileAtOnceWithItsRowAndColumn() {
        byte[] file = utf8(HEADER
                + "1;Organizzazione;1.1;Buona;;1,4;31/02/2027;mille;Corsi;n.;uno;1,234;;\r\n"       // row 2
                + "1;Altro nome;1.2;;;;;-5;;n.;;;;\r\n"                                              // row 3
                + ";;1.1;Ripetuta;;;;;;;;;;\r\n"                                                     // row 4
                + "7;;7.1;Campo sconosciuto;;;;;;;;;;\r\n"                                           // row 5
                + ";;;Senza codice;;;;;;;;;;\r\n"                                                    // row 6
                + "1;Organizzazione;1.3;" + "x".repeat(301) + ";;;;123456789012,00;;;;;;\r\n"        // row 7
                + ";Nome senza codice;;;;;;;;;;;;\r\n"                                               // row 8
                + "1;Organizzazione;1.4;Ok;;;;1,005;;;;;;\r\n");                                     // row 9

        List<ImportError> errors = errors(file);

        assertThat(errors).extracting(e -> e.row() + " " + e.column()).containsExactly(
                "2 Anni del piano", "2 Scadenza", "2 Budget (euro)", "2 Valore di partenza", "2 Target anno 1",
                "3 Campo di indagine", "3 Titolo", "3 Budget (euro)", "3 Indicatore",
                "4 Codice azione",
                "5 Campo di indagine",
                "6 Codice azione",
                "7 Titolo", "7 Budget (euro)",
                "8 Codice campo",
                "9 Budget (euro)");
        assertThat(errors.get(0).message()).contains("«1,4»");
        assertThat(errors.get(1).message()).contains("31/02/2027");
        assertThat(errors.get(5).message()).contains("«Organizzazione» alla riga 2");
        assertThat(errors.get(9).message()).contains("ripetuto", "riga 2");
        assertThat(errors.get(10).message()).contains("campo di indagine 7 dell'azione 7.1 non è definito");
        assertThat(errors.get(12).message()).contains("301 caratteri, al massimo 300");
        assertThat(errors.get(15).message()).contains("due decimali");
    }

    @Test
    void aFurtherRowOfAnActionMayRepeatItsValuesButNotChangeThem() {
        byte[] same = utf8(HEADER + "1;Campo;1.1;Titolo;Testo;1,2;;100;A;;;;;\r\n"
                + "1;Campo;1.1;Titolo;Testo;1,2;;100,00;B;;;;;\r\n");
        assertThat(PlanCsv.read(same).content().actions().get(0).indicators()).hasSize(2);

        byte[] changed = utf8(HEADER + "1;Campo;1.1;Titolo;Testo;1,2;;100;A;;;;;\r\n"
                + "1;Campo;1.1;Altro titolo;Testo;1,3;;;B;;;;;\r\n");
        assertThat(errors(changed)).extracting(e -> e.row() + " " + e.column())
                .containsExactly("3 Titolo", "3 Anni del piano");
    }

    @Test
    void refusesMoreThanFiveThousandRows() {
        StringBuilder file = new StringBuilder(HEADER).append("1;Campo;;;;;;;;;;;;\r\n");
        for (int i = 1; i <= PlanSheet.MAX_ROWS + 10; i++) {
            file.append("1;;1.").append(i).append(";Azione;;;;;;;;;;\r\n");
        }

        assertThat(errors(utf8(file.toString()))).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(PlanSheet.MAX_ROWS + 2);
            assertThat(e.message()).contains("Troppe righe");
        });
    }

    @Test
    void listsTheFirstFiveHundredErrorsAndSaysThereAreMore() {
        StringBuilder file = new StringBuilder(HEADER);
        for (int i = 1; i <= 600; i++) {
            file.append("1;Campo;1.").append(i).append(";Azione;;;;cento;;;;;;\r\n");
        }

        List<ImportError> errors = errors(utf8(file.toString()));

        assertThat(errors).hasSize(PlanSheet.MAX_ERRORS + 1);
        assertThat(errors.get(0)).isEqualTo(new ImportError(0, null, "Troppi errori: sono elencati i primi 500"));
        assertThat(errors.get(1).row()).isEqualTo(2);
    }

    @Test
    void reportsAnUnclosedQuoteWithItsRow() {
        byte[] file = utf8(HEADER + "1;Campo;1.1;Titolo;;;;;;;;;;\r\n1;Campo;1.2;\"Titolo aperto;;;;;;;;;;\r\n");

        assertThat(errors(file)).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(3);
            assertThat(e.message()).contains("virgolette");
        });
    }

    @Test
    void writesWhatExcelOpensAndNeutralisesFormulas() {
        PlanAction action = new PlanAction("1.1", "1", "=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "-2+3",
                "@SUM(1)", "'già tra apostrofi", null, null, new TreeSet<>(List.of(1, 3)), LocalDate.of(2027, 1, 31),
                new BigDecimal("1500.5"), null, null, null, List.of());
        byte[] file = PlanCsv.write("Piano", true, new PlanContent(List.of(new PlanField("1", "Campo")), List.of(action)));
        String text = new String(file, StandardCharsets.UTF_8);

        assertThat(file).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(text).contains("\r\n").doesNotContain(";=").doesNotContain(";+").doesNotContain(";-")
                .doesNotContain(";@").doesNotContain(";\"=");
        assertThat(text).contains(";\"'=HYPERLINK(\"\"http://x\"\")\";", ";'+cmd|' /C calc'!A0;", ";'-2+3;",
                ";'@SUM(1);", ";''già tra apostrofi;", ";1,3;2027-01-31;1500,50;");
        assertThat(text.split("\r\n")[0]).startsWith("\uFEFFCodice campo;Campo di indagine;Codice azione;Titolo;");

        PlanAction back = PlanCsv.read(file).content().actions().get(0);
        assertThat(back).isEqualTo(action);
    }

    @Test
    void placesTheErrorsOfThePlanRulesOnTheirRowsAndColumns() {
        PlanImport plan = PlanCsv.read(utf8(HEADER + "1;Campo;;;;;;;;;;;;\r\n"
                + "1;;1.1;A;;;;;Corsi;;;;;\r\n;;1.1;;;;;;Gradimento;;;;;\r\n2;Altro;2.1;B;;;;;;;;;;\r\n"));

        assertThat(plan.locate("actions[1].budget", "m")).isEqualTo(new ImportError(5, "Budget (euro)", "m"));
        assertThat(plan.locate("actions[0].indicators[1].targetYear2", "m"))
                .isEqualTo(new ImportError(4, "Target anno 2", "m"));
        assertThat(plan.locate("actions[0].fieldCode", "m")).isEqualTo(new ImportError(3, "Codice campo", "m"));
        assertThat(plan.locate("fields[1].name", "m")).isEqualTo(new ImportError(5, "Campo di indagine", "m"));
        assertThat(plan.locate("actions[0]", "m")).isEqualTo(new ImportError(3, null, "m"));
        assertThat(plan.locate("fields", "almeno un campo")).isEqualTo(new ImportError(0, null, "fields: almeno un campo"));
        assertThat(plan.locate("actions[9].title", "m")).isEqualTo(new ImportError(0, null, "actions[9].title: m"));
    }

    @Test
    void aFieldsDeclarationRowCarriesItsOwnBudgetAndFundingLineWhileAnActionRowCarriesTheActions() {
        byte[] file = utf8(MONEY_AND_YEARS_HEADER
                + "1;Organizzazione del lavoro;;;;25.000,00;PIAO 2026-2028;;;;;\r\n"                  // row 2
                + "1;;1.1;Ripensare la flessibilità;1-3;1.500;Fondi propri;Orario flessibile;10;20;30;\r\n"
                + ";;1.1;;;;;Indagine sul benessere;;;80;3\r\n"                                       // row 4
                + ";;1.2;Smart working;2,3;;;Accordi firmati;;5;8;2 e 3\r\n"                          // row 5
                + "2;Comunicazione;;;;;;;;;;\r\n");                                                    // row 6

        PlanImport plan = PlanCsv.read(file);

        assertThat(plan.content().fields()).containsExactly(
                new PlanField("1", "Organizzazione del lavoro", new BigDecimal("25000"), "PIAO 2026-2028"),
                new PlanField("2", "Comunicazione"));
        PlanAction flexibility = plan.content().actions().get(0);
        assertThat(flexibility.budget()).as("the action's own budget").isEqualByComparingTo("1500");
        assertThat(flexibility.fundingLine()).isEqualTo("Fondi propri");
        assertThat(flexibility.indicators()).extracting(k -> (Set<Integer>) k.years())
                .as("empty: every year of the action").containsExactly(Set.of(), Set.of(3));
        assertThat(plan.content().actions().get(1).indicators().get(0).years()).containsExactly(2, 3);
        assertThat(plan.fieldRows()).containsExactly(2, 6);
        assertThat(plan.fieldBudgetRows()).containsExactly(2, 6);
    }

    @Test
    void acceptsTheEnglishNameOfTheMeasurementYearsColumn() {
        byte[] file = utf8("Field code,Field name,Action code,Title,Plan years,Indicator,Measured in years\n"
                + "1,Work,1.1,Flexible hours,1-3,Survey,\"1, 3\"\n");

        assertThat(PlanCsv.read(file).content().actions().get(0).indicators().get(0).years()).containsExactly(1, 3);
    }

    @Test
    void aFieldDeclaredAgainMayRepeatItsBudgetButADifferentOneNamesBothRows() {
        String first = "1;Organizzazione;;;;25000;PIAO;;;;;\r\n1;;1.1;Azione;1;;;;;;;\r\n";
        byte[] same = utf8(MONEY_AND_YEARS_HEADER + first + "1;Organizzazione;;;;25.000,00;PIAO;;;;;\r\n"
                + "1;Organizzazione;;;;;;;;;;\r\n");
        assertThat(PlanCsv.read(same).content().fields()).containsExactly(
                new PlanField("1", "Organizzazione", new BigDecimal("25000"), "PIAO"));

        byte[] different = utf8(MONEY_AND_YEARS_HEADER + first
                + "1;Organizzazione;;;;30000;;;;;;\r\n"                                                // row 4
                + "1;;;;;;Fondi propri;;;;;\r\n");                                                    // row 5

        List<ImportError> errors = errors(different);

        assertThat(errors).extracting(e -> e.row() + " " + e.column())
                .containsExactly("4 Budget (euro)", "5 Linea di finanziamento");
        assertThat(errors.get(0).message()).contains("campo 1", "25000,00 alla riga 2", "30000,00 alla riga 4");
        assertThat(errors.get(1).message()).contains("campo 1", "«PIAO» alla riga 2", "«Fondi propri» alla riga 5");
    }

    @Test
    void refusesBadMeasurementYearsAndABudgetOnARowWithNeitherCode() {
        byte[] file = utf8(MONEY_AND_YEARS_HEADER
                + "1;Organizzazione;;;;;;;;;;\r\n"
                + "1;;1.1;Azione;1,2;;;Corsi;;;;4\r\n"                                                // row 3
                + ";;1.1;;;;;;;;;3\r\n"                                                               // row 4
                + ";;;;;500;Fondi propri;;;;;\r\n"                                                    // row 5
                + "1;;;Titolo senza codice;;500;;;;;;\r\n");                                          // row 6

        List<ImportError> errors = errors(file);

        assertThat(errors).extracting(e -> e.row() + " " + e.column()).containsExactly(
                "3 Anni di misura", "4 Indicatore", "5 Codice azione", "6 Codice azione");
        assertThat(errors.get(0).message()).contains("Anni di misura non validi", "«4»");
        assertThat(errors.get(2).message()).contains("budget", "codice campo");
        assertThat(errors.get(3).message()).contains("Codice azione mancante");
    }

    @Test
    void placesTheRulesOnAFieldsBudgetAndAnIndicatorsYearsOnTheirRowsAndColumns() {
        PlanImport plan = PlanCsv.read(utf8(MONEY_AND_YEARS_HEADER
                + "1;Organizzazione;;;;25000;;;;;;\r\n"                                               // row 2
                + "1;;1.1;Azione;1,2;;;Corsi;;;;3\r\n"                                                // row 3
                + ";;1.1;;;;;Gradimento;4;5;;2\r\n"                                                   // row 4
                + "2;Comunicazione;2.1;Altra azione;1;;;;;;;\r\n"));                                  // row 5

        List<ImportError> errors = PlanRules.structure("Piano", plan.content()).stream()
                .map(e -> plan.locate(e.field(), e.message())).toList();

        assertThat(errors).extracting(e -> e.row() + " " + e.column()).containsExactlyInAnyOrder(
                "2 Linea di finanziamento", "3 Anni di misura", "4 Target anno 1");
        assertThat(errors).allSatisfy(e -> assertThat(e.message()).isNotBlank());
        assertThat(plan.locate("fields[0].budget", "m")).isEqualTo(new ImportError(2, "Budget (euro)", "m"));
        assertThat(plan.locate("fields[0].code", "m")).isEqualTo(new ImportError(2, "Codice campo", "m"));
        assertThat(plan.locate("fields[1].budget", "m")).as("a field only its actions name: their first row")
                .isEqualTo(new ImportError(5, "Budget (euro)", "m"));
        assertThat(plan.locate("fields[1].fundingLine", "m")).isEqualTo(new ImportError(5, "Linea di finanziamento", "m"));
        assertThat(plan.locate("actions[0].indicators[1].years", "m")).isEqualTo(new ImportError(4, "Anni di misura", "m"));
    }

    @Test
    void aFieldsBudgetIsPlacedOnTheDeclarationRowThatGivesItEvenWhenAnActionNamedTheFieldFirst() {
        PlanImport plan = PlanCsv.read(utf8(MONEY_AND_YEARS_HEADER
                + "1;;1.1;Azione;1;;;;;;;\r\n"                                                        // row 2
                + "1;Organizzazione;;;;;;;;;;\r\n"                                                    // row 3
                + "1;;;;;25000;;;;;;\r\n"));                                                          // row 4

        assertThat(plan.content().fields().get(0).budget()).isEqualByComparingTo("25000");
        assertThat(plan.fieldRows()).containsExactly(2);
        assertThat(plan.locate("fields[0].name", "m").row()).isEqualTo(2);
        assertThat(plan.locate("fields[0].fundingLine", "m")).isEqualTo(new ImportError(4, "Linea di finanziamento", "m"));
    }

    @Test
    void anOldFileWithoutTheNewColumnsReadsAsBefore() {
        byte[] file = utf8(HEADER
                + "1;Organizzazione del lavoro;;;;;;;;;;;;\r\n"
                + "1;;1.1;Flessibilità;;1,2,3;;1.500,00;Corsi;n.;0;1;2;3\r\n"
                + "2;Comunicazione;2.1;Sportello;;1;;;;;;;;\r\n");

        PlanImport plan = PlanCsv.read(file);

        assertThat(plan.content().fields()).containsExactly(new PlanField("1", "Organizzazione del lavoro"),
                new PlanField("2", "Comunicazione"));
        assertThat(plan.content().actions().get(0).budget()).isEqualByComparingTo("1500");
        assertThat(plan.content().actions().get(0).indicators()).containsExactly(new Indicator("Corsi", "n.",
                BigDecimal.ZERO, BigDecimal.ONE, new BigDecimal("2"), new BigDecimal("3")));
        assertThat(plan.content().actions().get(0).indicators().get(0).years()).as("every year of the action").isEmpty();
        assertThat(plan.fieldBudgetRows()).isEqualTo(plan.fieldRows()).containsExactly(2, 4);
    }

    @Test
    void writesAFieldsBudgetOnItsHeadingRowAndTheMeasurementYearsAfterTheTargets() {
        PlanAction action = new PlanAction("1.1", "1", "Azione", null, null, null, null, null, null,
                new TreeSet<>(List.of(1, 2, 3)), null, new BigDecimal("1500"), "Fondi propri", null, null,
                List.of(new Indicator("Indagine", "%", null, null, null, new BigDecimal("80"),
                        new TreeSet<>(List.of(3)))));
        PlanContent plan = new PlanContent(List.of(new PlanField("1", "Organizzazione", new BigDecimal("25000.5"),
                "PIAO")), List.of(action));

        String[] lines = new String(PlanCsv.write("Piano", true, plan), StandardCharsets.UTF_8).split("\r\n");

        List<String> header = List.of(lines[0].substring(1).split(";", -1));
        List<String> heading = List.of(lines[1].split(";", -1));
        List<String> actionRow = List.of(lines[2].split(";", -1));
        assertThat(header.subList(header.indexOf("Target anno 3"), header.indexOf("Target anno 3") + 2))
                .containsExactly("Target anno 3", "Anni di misura");
        assertThat(heading.get(header.indexOf("Budget (euro)"))).isEqualTo("25000,50");
        assertThat(heading.get(header.indexOf("Linea di finanziamento"))).isEqualTo("PIAO");
        assertThat(heading.get(header.indexOf("Codice azione"))).isEmpty();
        assertThat(actionRow.get(header.indexOf("Budget (euro)"))).isEqualTo("1500,00");
        assertThat(actionRow.get(header.indexOf("Anni di misura"))).isEqualTo("3");
        assertThat(PlanCsv.read(String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8)).content()).isEqualTo(plan);
    }
}
