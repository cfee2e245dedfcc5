package it.familyaudit.workflow.plan.transfer;

import it.familyaudit.workflow.plan.PlanContent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The plan as an Excel workbook (.xlsx) in the layout of {@link PlanColumn}, on a sheet named "Piano" (or the first
 * sheet). Text, number, date and yes/no cells are all read. The sheet is read as a stream, never loaded whole, and
 * the file is checked before it is opened: at most {@link #MAX_BYTES}, and what it unpacks to at most
 * {@link #MAX_UNPACKED_BYTES}, so that a small file that unpacks to gigabytes (a zip bomb) is refused; reading stops
 * after {@link PlanSheet#MAX_ROWS} rows. The export marks text a spreadsheet would run as a formula with Excel's own
 * text prefix (the apostrophe typed before a value): the cell shows and keeps the text as it is.
 */
public final class PlanXlsx {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    static final long MAX_UNPACKED_BYTES = 50L * 1024 * 1024;
    static final int MAX_ENTRIES = 1000;
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String SHEET = "Piano";

    /** Excel keeps 15 significant digits; what a formula leaves beyond them is noise (1100.0000000000002). */
    private static final MathContext EXCEL_PRECISION = new MathContext(15);
    /** Cells further right are not ours: a sheet claiming column XFD is not read that far. */
    private static final int MAX_COLUMNS = 200;
    private static final Pattern LOOKS_ESCAPED = Pattern.compile("_x[0-9A-Fa-f]{4}_");

    private PlanXlsx() {
    }

    /**
     * Reads a plan, all or nothing.
     *
     * @throws PlanImportException with every problem of the file, rows as the spreadsheet numbers them
     */
    public static PlanImport read(byte[] bytes) {
        PlanSheet.Reader reader = new PlanSheet.Reader(false);
        String refused = refusal(bytes);
        if (refused != null) {
            reader.fail(0, refused);
            return reader.finish();
        }
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(new ByteArrayInputStream(bytes));
            XSSFReader xssf = new XSSFReader(pkg, true);
            SharedStrings strings = xssf.getSharedStringsTable();
            boolean date1904 = date1904(xssf.getWorkbookData());
            try (InputStream sheet = sheet(xssf)) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new SheetHandler(reader, strings, xssf.getStylesTable(), date1904));
                xml.parse(new InputSource(sheet));
            } catch (Stop stop) {
                // The reader has seen enough: too many rows or errors, or no header.
            }
        } catch (Exception e) {
            // Whatever POI or the XML parser refuses is a damaged file, never a server error.
            reader.fail(0, "Il file .xlsx è danneggiato o non è una cartella di lavoro Excel leggibile");
        } finally {
            if (pkg != null) {
                pkg.revert();
            }
        }
        return reader.finish();
    }

    /** Why the bytes are not opened at all, or {@code null}. */
    private static String refusal(byte[] bytes) {
        if (bytes.length == 0) {
            return "Il file è vuoto";
        }
        if (bytes.length > MAX_BYTES) {
            return "File troppo grande: al massimo " + MAX_BYTES / (1024 * 1024) + " MB";
        }
        if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) {
            return "È un file Excel 97-2003 (.xls): salvarlo come «Cartella di lavoro di Excel (.xlsx)»";
        }
        if (!startsWith(bytes, 'P', 'K', 3, 4)) {
            return "Il file non è un foglio di calcolo .xlsx";
        }
        // Count what the archive really unpacks to, whatever its entries claim, reading it as POI will.
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(bytes), "UTF-8", true, true)) {
            for (ZipArchiveEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    return "Il file .xlsx contiene troppe parti (più di " + MAX_ENTRIES + ")";
                }
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    total += n;
                    if (total > MAX_UNPACKED_BYTES) {
                        return "Il file .xlsx decompresso supera " + MAX_UNPACKED_BYTES / (1024 * 1024)
                                + " MB: non è un piano compilato a mano";
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return "Il file .xlsx è danneggiato (archivio non leggibile)";
        }
        return entries == 0 ? "Il file .xlsx è danneggiato (archivio vuoto)" : null;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The sheet named "Piano", or the first one. */
    private static InputStream sheet(XSSFReader xssf) throws Exception {
        XSSFReader.SheetIterator sheets = xssf.getSheetIterator();
        InputStream first = null;
        while (sheets.hasNext()) {
            InputStream sheet = sheets.next();
            if (SHEET.equalsIgnoreCase(sheets.getSheetName())) {
                if (first != null) {
                    first.close();
                }
                return sheet;
            }
            if (first == null) {
                first = sheet;
            } else {
                sheet.close();
            }
        }
        if (first == null) {
            throw new IOException("no sheet");
        }
        return first;
    }

    /** Workbooks from old Macs count days from 1904. */
    private static boolean date1904(InputStream workbook) throws Exception {
        boolean[] found = {false};
        try (workbook) {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    if ("workbookPr".equals(local(localName, qName))) {
                        String value = attributes.getValue("date1904");
                        found[0] = "1".equals(value) || "true".equalsIgnoreCase(value);
                    }
                }
            });
            xml.parse(new InputSource(workbook));
        }
        return found[0];
    }

    private static String local(String localName, String qName) {
        if (localName != null && !localName.isEmpty()) {
            return localName;
        }
        return qName.substring(qName.indexOf(':') + 1);
    }

    /** Ends the parse early; not an error. */
    private static final class Stop extends SAXException {
        Stop() {
            super("stop");
        }
    }

    /** Rows of the sheet's XML, each cell typed by its {@code t} attribute and its number format. */
    private static final class SheetHandler extends DefaultHandler {

        private final PlanSheet.Reader reader;
        private final SharedStrings strings;
        private final StylesTable styles;
        private final boolean date1904;
        private final Map<Integer, Boolean> dateStyles = new HashMap<>();

        private int rowNumber;
        private List<Object> cells;
        private int column;
        private String type;
        private String style;
        private final StringBuilder value = new StringBuilder();
        private boolean collecting;
        private boolean phonetic;

        SheetHandler(PlanSheet.Reader reader, SharedStrings strings, StylesTable styles, boolean date1904) {
            this.reader = reader;
            this.strings = strings;
            this.styles = styles;
            this.date1904 = date1904;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (local(localName, qName)) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                    cells = new ArrayList<>();
                    column = 0;
                }
                case "c" -> {
                    String ref = attributes.getValue("r");
                    if (ref != null) {
                        column = CellReference.convertColStringToIndex(ref.replaceAll("[0-9]", ""));
                    }
                    type = attributes.getValue("t");
                    style = attributes.getValue("s");
                    value.setLength(0);
                }
                case "v" -> collecting = true;
                case "t" -> collecting = !phonetic && "inlineStr".equals(type);
                case "rPh" -> phonetic = true;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (collecting) {
                value.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            switch (local(localName, qName)) {
                case "v", "t" -> collecting = false;
                case "rPh" -> phonetic = false;
                case "c" -> {
                    if (column < MAX_COLUMNS) {
                        while (cells.size() <= column) {
                            cells.add(null);
                        }
                        cells.set(column, cell());
                    }
                    column++;
                }
                case "row" -> {
                    if (!reader.row(rowNumber, cells)) {
                        throw new Stop();
                    }
                }
                default -> {
                }
            }
        }

        private Object cell() {
            String v = value.toString();
            if (type == null || type.equals("n")) {
                return v.isEmpty() ? null : number(v);
            }
            return switch (type) {
                case "s" -> v.isEmpty() ? null : strings.getItemAt(Integer.parseInt(v.strip())).getString();
                case "inlineStr", "str" -> v;
                case "b" -> "1".equals(v.strip()) || "true".equalsIgnoreCase(v.strip());
                case "e" -> new PlanSheet.CellError(v);
                case "d" -> v.length() >= 10 ? LocalDate.parse(v.substring(0, 10)) : null;
                default -> v;
            };
        }

        private Object number(String v) {
            BigDecimal number;
            try {
                number = new BigDecimal(v.strip()).round(EXCEL_PRECISION);
            } catch (NumberFormatException e) {
                return new PlanSheet.CellError(v);
            }
            if (style != null && isDate(Integer.parseInt(style))) {
                return DateUtil.getLocalDateTime(number.doubleValue(), date1904).toLocalDate();
            }
            return number;
        }

        private boolean isDate(int styleIndex) {
            return dateStyles.computeIfAbsent(styleIndex, i -> {
                if (styles == null || i >= styles.getNumCellStyles()) {
                    return false;
                }
                XSSFCellStyle s = styles.getStyleAt(i);
                return s != null && DateUtil.isADateFormat(s.getDataFormat(), s.getDataFormatString());
            });
        }
    }

    // ---------------------------------------------------------------- export

    /** The plan as a workbook with one sheet, "Piano"; {@code title} may be {@code null}. */
    public static byte[] write(String title, boolean fieldsMandatory, PlanContent content) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            XSSFSheet sheet = workbook.createSheet(SHEET);
            PlanColumn[] columns = PlanColumn.values();
            Row header = sheet.createRow(0);
            for (PlanColumn c : columns) {
                Cell cell = header.createCell(c.ordinal());
                cell.setCellValue(c.header);
                cell.setCellStyle(styles.header);
                sheet.setColumnWidth(c.ordinal(), width(c) * 256);
            }
            List<PlanSheet.Line> lines = PlanSheet.lines(title, fieldsMandatory, content);
            for (int i = 0; i < lines.size(); i++) {
                PlanSheet.Line line = lines.get(i);
                Row row = sheet.createRow(i + 1);
                Object[] cells = line.cells();
                for (int c = 0; c < cells.length; c++) {
                    Object value = cells[c];
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (value instanceof BigDecimal number) {
                        cell.setCellValue(number.doubleValue());
                        cell.setCellStyle(columns[c] == PlanColumn.BUDGET ? styles.euro : styles.number);
                    } else if (value instanceof LocalDate date) {
                        cell.setCellValue(date);
                        cell.setCellStyle(styles.date);
                    } else {
                        String text = value.toString();
                        cell.setCellValue(escaped(text));
                        cell.setCellStyle(styles.text(line.heading(), PlanSheet.formulaLike(text)));
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, lines.size(), 0, columns.length - 1));
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the plan workbook", e);
        }
    }

    /**
     * Excel's escape for what XML cannot hold (control characters, lone surrogates), written {@code _xHHHH_}, and
     * for a text that already looks like such an escape (its underscore written {@code _x005F_}); POI undoes both on reading,
     * and would otherwise write a question mark and read {@code _x0041_} as {@code A}.
     */
    static String escaped(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = null;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF
                    || Character.isSurrogate(c) && !pairedSurrogate(text, i)) {
                replacement = "_x%04X_".formatted((int) c);
            } else if (c == '_' && LOOKS_ESCAPED.matcher(text).region(i, text.length()).lookingAt()) {
                replacement = "_x005F_";
            }
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                out.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean pairedSurrogate(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }

    private static int width(PlanColumn c) {
        if (c.maxLength >= 2000) {
            return 60;
        }
        if (c.maxLength >= 200) {
            return 36;
        }
        return c == PlanColumn.FIELD_CODE || c == PlanColumn.ACTION_CODE ? 10 : 16;
    }

    /** The few cell styles of the sheet, made once per workbook (Excel caps a workbook's styles). */
    private static final class Styles {
        final CellStyle header;
        final CellStyle euro;
        final CellStyle number;
        final CellStyle date;
        private final CellStyle[] texts = new CellStyle[4];

        Styles(XSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.TOP);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            euro = top(workbook);
            euro.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            number = top(workbook);
            date = top(workbook);
            date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            for (int i = 0; i < texts.length; i++) {
                boolean heading = (i & 1) != 0;
                CellStyle s = top(workbook);
                s.setWrapText(true);
                if (heading) {
                    s.setFont(bold);
                    s.setFillForegroundColor(IndexedColors.LIGHT_CORNFLOWER_BLUE.getIndex());
                    s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                }
                s.setQuotePrefixed((i & 2) != 0);
                texts[i] = s;
            }
        }

        CellStyle text(boolean heading, boolean quoted) {
            return texts[(heading ? 1 : 0) | (quoted ? 2 : 0)];
        }

        private static CellStyle top(XSSFWorkbook workbook) {
            CellStyle s = workbook.createCellStyle();
            s.setVerticalAlignment(VerticalAlignment.TOP);
            return s;
        }
    }
}
