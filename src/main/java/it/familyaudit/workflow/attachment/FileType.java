package it.familyaudit.workflow.attachment;

import it.familyaudit.workflow.attachment.AttachmentRefusals.FileTypeNotAllowed;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.tika.Tika;

/**
 * The kinds of file an attachment may be, told by their content and never by their name: a renamed
 * executable stays an executable. Tika's magic numbers tell PDF, PNG, JPEG and the OpenDocument
 * formats apart; Office Open XML files are ZIP archives to them ({@code application/zip}, or
 * {@code application/x-tika-ooxml} when the package's first entry is its content types), so the
 * package's {@code [Content_Types].xml} is read here to tell a document from a spreadsheet — and
 * from their macro-enabled, template and presentation cousins, which are refused.
 */
enum FileType {

    PDF("application/pdf", "PDF", "pdf"),
    PNG("image/png", "PNG", "png"),
    JPEG("image/jpeg", "JPEG", "jpg", "jpeg"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX", "xlsx"),
    ODT("application/vnd.oasis.opendocument.text", "ODT", "odt"),
    ODS("application/vnd.oasis.opendocument.spreadsheet", "ODS", "ods");

    /** The main part of a document and of a workbook, as an OOXML package declares it. */
    private static final String DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private static final String XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    /** Macros: a package that carries a VBA project is refused, whatever its main part says. */
    private static final String VBA_PROJECT = "application/vnd.ms-office.vbaProject";
    private static final String CONTENT_TYPES = "[Content_Types].xml";
    /** A package's content types are a few kilobytes; no real one comes near this. */
    private static final int MAX_CONTENT_TYPES_BYTES = 256 * 1024;
    /**
     * Reading an archive up to its content types unpacks the entries before it. Office writes them
     * first; the bounds keep a crafted archive (a "zip bomb") from costing more than a moment.
     */
    private static final int MAX_ENTRIES_BEFORE = 10_000;
    private static final long MAX_UNPACKED_BEFORE = 256L * 1024 * 1024;

    /** Thread-safe; magic detection only, as no name is ever passed to it. */
    private static final Tika TIKA = new Tika();

    private final String mediaType;
    private final String label;
    private final List<String> extensions;

    FileType(String mediaType, String label, String... extensions) {
        this.mediaType = mediaType;
        this.label = label;
        this.extensions = List.of(extensions);
    }

    String mediaType() {
        return mediaType;
    }

    /** The extension a stored name gets unless it already has one of this type's. */
    String extension() {
        return extensions.get(0);
    }

    boolean hasExtension(String extension) {
        return extension != null && extensions.contains(extension.toLowerCase(Locale.ROOT));
    }

    /** "PDF, PNG, JPEG, DOCX, XLSX, ODT, ODS": what people are told they may send. */
    static String allowedNames() {
        return Arrays.stream(values()).map(t -> t.label).collect(Collectors.joining(", "));
    }

    /** The extensions of every type, for a file input's {@code accept}: ".pdf,.png,…". */
    static String acceptList() {
        return Arrays.stream(values()).flatMap(t -> t.extensions.stream()).map(e -> "." + e)
                .collect(Collectors.joining(","));
    }

    /** The type of this content; refused when it is none of the allowed ones. */
    static FileType of(byte[] content) {
        String detected = TIKA.detect(content);
        for (FileType type : values()) {
            if (type.mediaType.equals(detected)) {
                return type;
            }
        }
        if ("application/zip".equals(detected) || "application/x-tika-ooxml".equals(detected)) {
            return officeOpenXml(content);
        }
        throw new FileTypeNotAllowed(detected);
    }

    /** A document or a workbook, by the main part its package declares; refused otherwise. */
    private static FileType officeOpenXml(byte[] content) {
        String types = contentTypes(content);
        if (types == null) {
            throw new FileTypeNotAllowed("application/zip");
        }
        if (types.contains(VBA_PROJECT)) {
            throw new FileTypeNotAllowed("documento con macro", "document with macros");
        }
        boolean document = types.contains(DOCX_MAIN);
        boolean workbook = types.contains(XLSX_MAIN);
        if (document == workbook) {
            throw new FileTypeNotAllowed("file Office né DOCX né XLSX", "an Office file neither DOCX nor XLSX");
        }
        return document ? DOCX : XLSX;
    }

    /** The text of the package's {@code [Content_Types].xml}, or {@code null} when there is none within the bounds. */
    private static String contentTypes(byte[] content) {
        byte[] buffer = new byte[64 * 1024];
        long unpacked = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (CONTENT_TYPES.equals(entry.getName())) {
                    byte[] types = zip.readNBytes(MAX_CONTENT_TYPES_BYTES + 1);
                    return types.length > MAX_CONTENT_TYPES_BYTES ? null : new String(types, StandardCharsets.UTF_8);
                }
                if (++entries > MAX_ENTRIES_BEFORE) {
                    return null;
                }
                // Read past the entry here, counting, rather than let getNextEntry unpack it unbounded.
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    unpacked += n;
                    if (unpacked > MAX_UNPACKED_BEFORE) {
                        return null;
                    }
                }
            }
        } catch (IOException | IllegalArgumentException unreadable) {
            return null;
        }
        return null;
    }
}
