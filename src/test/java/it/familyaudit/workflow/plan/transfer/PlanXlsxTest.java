package it.familyaudit.workflow.plan.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import it.familyaudit.workflow.plan.Indicator;
import it.familyaudit.workflow.plan.PlanAction;
import it.familyaudit.workflow.plan.PlanContent;
import it.familyaudit.workflow.plan.PlanField;
import it.familyaudit.workflow.plan.PlanRules;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class PlanXlsxTest {

    static final List<String> HEADER = List.of("Codice campo", "Campo di indagine", "Codice azione", "Titolo",
            "Anni del piano", "Scadenza", "Budget (euro)", "Indicatore", "Valore di partenza", "Target anno 1",
            "Campi obbligatori");

    /** A workbook made the way Excel would save it, with the header in {@code headerRow} (0-based). */
    static byte[] workbook(Workbook workbook, int headerRow, Consumer<Sheet> rows) {
        try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Foglio1");
            Row header = sheet.createRow(headerRow);
            for (int i = 0; i < HEADER.size(); i++) {
                header.createCell(i).setCellValue(HEADER.get(i));
            }
            rows.accept(sheet);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<ImportError> errors(byte[] file) {
        PlanImportException e = catchThrowableOfType(PlanImportException.class, () -> PlanXlsx.read(file));
        assertThat(e).as("the file is refused").isNotNull();
        return e.errors();
    }

    @Test
    void readsNumberDateYesNoAndFormulaCellsAsWellAsText() {
        XSSFWorkbook wb = new XSSFWorkbook();
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
        byte[] file = workbook(wb, 2, sheet -> {
            Row r = sheet.createRow(3);
            r.createCell(0).setCellValue(1);                         // field code typed as a number
            r.createCell(1).setCellValue("Organizzazione del lavoro");
            r.createCell(2).setCellValue(1.1);                       // action code typed as a number
            r.createCell(3).setCellValue("Ripensare la flessibilità");
            r.createCell(4).setCellValue(2);                         // years: just year 2
            Cell deadline = r.createCell(5);
            deadline.setCellValue(LocalDate.of(2027, 12, 31));
            deadline.setCellStyle(date);
            r.createCell(6).setCellFormula("1000*1.1");              // a budget computed in the sheet
            r.createCell(7).setCellValue("Corsi");
            r.createCell(8).setCellValue(0);
            r.createCell(9).setCellValue(12.5);
            r.createCell(10).setCellValue(true);
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });

        PlanImport plan = PlanXlsx.read(file);

        PlanAction action = plan.content().actions().get(0);
        assertThat(action.code()).isEqualTo("1.1");
        assertThat(action.fieldCode()).isEqualTo("1");
        assertThat(action.years()).containsExactly(2);
        assertThat(action.deadline()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(action.budget()).isEqualByComparingTo("1100");
        assertThat(action.indicators()).containsExactly(
                new Indicator("Corsi", null, BigDecimal.ZERO, new BigDecimal("12.5"), null, null));
        assertThat(plan.fieldsMandatory()).isTrue();
        assertThat(plan.actionRows()).as("rows as Excel numbers them, header on row 3").containsExactly(4);
    }

    @Test
    void readsTheInlineStringsOfStreamingWritersAndPrefersTheSheetNamedPiano() throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook();
        wb.createSheet("Istruzioni").createRow(0).createCell(0).setCellValue("Compilare il foglio Piano");
        byte[] file;
        try (wb; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Piano");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADER.size(); i++) {
                header.createCell(i).setCellValue(HEADER.get(i));
            }
            Row r = sheet.createRow(1);
            r.createCell(0).setCellValue("1");
            r.createCell(1).setCellValue("Campo");
            r.createCell(2).setCellValue("1.1");
            r.createCell(3).setCellValue("Titolo con à e 😀");
            wb.write(out);
            file = out.toByteArray();
        }

        assertThat(PlanXlsx.read(file).content().actions().get(0).title()).isEqualTo("Titolo con à e 😀");
    }

    @Test
    void listsEveryBadCellAtOnceWithItsRowAndColumn() {
        XSSFWorkbook wb = new XSSFWorkbook();
        byte[] file = workbook(wb, 0, sheet -> {
            Row r = sheet.createRow(1);
            r.createCell(0).setCellValue("1");
            r.createCell(1).setCellValue("Campo");
            r.createCell(2).setCellValue("1.1");
            r.createCell(4).setCellValue(5);                          // not a plan year
            r.createCell(5).setCellValue(46000);                      // a number without date format
            r.createCell(6).setCellValue(10.123);                     // three decimals
            r.createCell(8).setCellErrorValue(FormulaError.DIV0.getCode());
            r.createCell(10).setCellValue("forse");
        });

        List<ImportError> errors = errors(file);

        assertThat(errors).extracting(e -> e.row() + " " + e.column()).containsExactly("2 Titolo", "2 Anni del piano",
                "2 Scadenza", "2 Budget (euro)", "2 Indicatore", "2 Valore di partenza", "2 Campi obbligatori");
        assertThat(errors.get(5).message()).contains("#DIV/0!");
    }

    @Test
    void refusesWhatIsNotAnXlsxFile() {
        byte[] garbage = new byte[2048];
        new Random(3).nextBytes(garbage);
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        byte[] csv = PlanCsvTest.HEADER.getBytes(StandardCharsets.UTF_8);

        assertThat(errors(garbage)).singleElement().satisfies(e -> assertThat(e.message()).contains("non è un foglio"));
        assertThat(errors(csv)).singleElement().satisfies(e -> assertThat(e.message()).contains("non è un foglio"));
        assertThat(errors(xls)).singleElement().satisfies(e -> assertThat(e.message()).contains(".xls", ".xlsx"));
        assertThat(errors(new byte[0])).singleElement().satisfies(e -> assertThat(e.message()).contains("vuoto"));
        assertThat(errors(zip("readme.txt", "ciao".getBytes(StandardCharsets.UTF_8))))
                .singleElement().satisfies(e -> assertThat(e.message()).contains("danneggiato"));
        byte[] truncated = java.util.Arrays.copyOf(PlanXlsx.write("P", true, PlanContent.empty()), 3000);
        assertThat(errors(truncated)).singleElement().satisfies(e -> assertThat(e.message()).contains("danneggiato"));
    }

    @Test
    void refusesAZipBombBeforeOpeningIt() {
        byte[] bomb = zip("xl/worksheets/sheet1.xml", new byte[(int) PlanXlsx.MAX_UNPACKED_BYTES + 1024]);
        assertThat(bomb.length).isLessThan(1024 * 1024);

        assertThat(errors(bomb)).singleElement().satisfies(e -> assertThat(e.message()).contains("decompresso supera"));
    }

    @Test
    void stopsAfterFiveThousandRows() throws IOException {
        byte[] file;
        try (SXSSFWorkbook wb = new SXSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Piano");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADER.size(); i++) {
                header.createCell(i).setCellValue(HEADER.get(i));
            }
            for (int i = 1; i <= 20_000; i++) {
                Row r = sheet.createRow(i);
                r.createCell(0).setCellValue("1");
                r.createCell(1).setCellValue("Campo");
                r.createCell(2).setCellValue("1." + i);
                r.createCell(3).setCellValue("Azione");
            }
            wb.write(out);
            file = out.toByteArray();
        }

        assertThat(errors(file)).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(PlanSheet.MAX_ROWS + 2);
            assertThat(e.message()).contains("Troppe righe");
        });
    }

    @Test
    void exportedTextThatLooksLikeAFormulaIsAMarkedTextCellNeverAFormula() throws IOException {
        PlanAction action = new PlanAction("1.1", "1", "=HYPERLINK(\"http://x\",\"clic\")", "+cmd|' /C calc'!A0",
                "-2+3", "@SUM(1)", "'apostrofo", "Normale", null, new TreeSet<>(List.of(1)), LocalDate.of(2027, 1, 31),
                new BigDecimal("1500.50"), null, null, null, List.of(new Indicator("=1", null, null, null, null, null)));
        PlanContent plan = new PlanContent(List.of(new PlanField("1", "=campo")), List.of(action));
        byte[] file = PlanXlsx.write("Piano", true, plan);

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = wb.getSheet("Piano");
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).as(cell.getAddress().toString()).isNotEqualTo(CellType.FORMULA);
                }
            }
            Row first = sheet.getRow(2);
            for (int c : new int[] {3, 4, 5, 6, 16}) {
                Cell cell = first.getCell(c);
                assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                assertThat(cell.getCellStyle().getQuotePrefixed()).as(cell.getStringCellValue()).isTrue();
            }
            assertThat(first.getCell(3).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\",\"clic\")");
            assertThat(first.getCell(7).getCellStyle().getQuotePrefixed()).as("plain text").isFalse();
            assertThat(first.getCell(7).getCellStyle().getQuotePrefixed()).isFalse();
            assertThat(first.getCell(12).getNumericCellValue()).isEqualTo(1500.5);
            assertThat(first.getCell(11).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2027, 1, 31));
            assertThat(sheet.getRow(1).getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
        }
        assertThat(PlanXlsx.read(file).content()).isEqualTo(plan);
    }

    static byte[] zip(String name, byte[] content) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsAFieldsBudgetAndMeasurementYearsTypedAsNumbersAndPlacesTheirRuleErrors() throws IOException {
        List<String> header = List.of("Codice campo", "Campo di indagine", "Codice azione", "Titolo", "Anni del piano",
                "Budget (euro)", "Linea di finanziamento", "Indicatore", "Target anno 3", "Anni di misura");
        byte[] file;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Piano");
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                h.createCell(i).setCellValue(header.get(i));
            }
            Row field = sheet.createRow(1);
            field.createCell(0).setCellValue(1);
            field.createCell(1).setCellValue("Organizzazione");
            field.createCell(5).setCellValue(25000.5);                // no funding line: a rule error
            Row action = sheet.createRow(2);
            action.createCell(0).setCellValue(1);
            action.createCell(2).setCellValue("1.1");
            action.createCell(3).setCellValue("Azione");
            action.createCell(4).setCellValue(12);                    // years 1 and 2, run together by Excel
            action.createCell(7).setCellValue("Indagine");
            action.createCell(9).setCellValue(3);                     // measured in year 3 only: not a year of 1.1
            wb.write(out);
            file = out.toByteArray();
        }

        PlanImport plan = PlanXlsx.read(file);

        assertThat(plan.content().fields()).containsExactly(new PlanField("1", "Organizzazione",
                new BigDecimal("25000.5"), null));
        assertThat(plan.content().actions().get(0).indicators().get(0).years()).containsExactly(3);
        List<ImportError> errors = PlanRules.structure("Piano", plan.content()).stream()
                .map(e -> plan.locate(e.field(), e.message())).toList();
        assertThat(errors).extracting(e -> e.row() + " " + e.column())
                .containsExactlyInAnyOrder("2 Linea di finanziamento", "3 Anni di misura");
    }

    @Test
    void exportsAFieldsBudgetAsAnEuroAmountOnItsHeadingRow() throws IOException {
        PlanContent plan = new PlanContent(List.of(new PlanField("1", "Organizzazione", new BigDecimal("25000.5"),
                "PIAO")), List.of());

        byte[] file = PlanXlsx.write("Piano", true, plan);

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Row heading = wb.getSheet("Piano").getRow(1);
            Cell budget = heading.getCell(PlanColumn.BUDGET.ordinal());
            assertThat(budget.getNumericCellValue()).isEqualTo(25000.5);
            assertThat(budget.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(heading.getCell(PlanColumn.FUNDING_LINE.ordinal()).getStringCellValue()).isEqualTo("PIAO");
            assertThat(heading.getCell(PlanColumn.ACTION_CODE.ordinal())).isNull();
            assertThat(wb.getSheet("Piano").getRow(0).getCell(PlanColumn.INDICATOR_YEARS.ordinal()).getStringCellValue())
                    .isEqualTo("Anni di misura");
        }
        assertThat(PlanXlsx.read(file).content()).isEqualTo(plan);
    }
}
