package it.familyaudit.workflow.attachment;

import it.familyaudit.workflow.attachment.AttachmentRefusals.FileNameWithPath;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The name an attachment is stored and downloaded under: the sender's own name, made safe to hand
 * back to any browser and file system. A name with path parts is refused rather than cut, so that
 * nobody is surprised by what became of {@code ../../verbale.pdf}.
 */
final class FileNames {

    static final int MAX_LENGTH = 200;
    /** What a file is called when its sender gave no usable name. */
    private static final String UNNAMED = "allegato";

    /**
     * Control and format characters (among them the right-to-left override that makes
     * {@code fdp.exe} read as {@code exe.pdf}) and what Windows does not allow in a name.
     */
    private static final Pattern UNSAFE = Pattern.compile("[\\p{Cc}\\p{Cf}<>:\"|?*]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private FileNames() {
    }

    /**
     * The stored name: NFC, without unsafe characters, leading dots or trailing dots and spaces, at
     * most {@value #MAX_LENGTH} characters, and ending with an extension of the detected type (the
     * one it had, if it was one of the type's; otherwise the type's own, added or replacing it).
     */
    static String stored(String given, FileType type) {
        String name = given == null ? "" : Normalizer.normalize(given, Normalizer.Form.NFC);
        if (name.contains("/") || name.contains("\\") || name.strip().equals("..") || name.strip().equals(".")) {
            throw new FileNameWithPath();
        }
        name = SPACES.matcher(UNSAFE.matcher(name).replaceAll("")).replaceAll(" ").strip();
        name = name.replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
        int dot = name.lastIndexOf('.');
        String base = dot < 0 ? name : name.substring(0, dot).strip();
        String extension = dot < 0 ? null : name.substring(dot + 1);
        extension = type.hasExtension(extension) ? extension.toLowerCase(Locale.ROOT) : type.extension();
        if (base.isEmpty()) {
            base = UNNAMED;
        }
        int room = MAX_LENGTH - extension.length() - 1;
        if (base.length() > room) {
            // Never split a character that takes two UTF-16 units.
            int cut = Character.isHighSurrogate(base.charAt(room - 1)) ? room - 1 : room;
            base = base.substring(0, cut).strip();
        }
        return base + "." + extension;
    }

    /**
     * {@code Content-Disposition: attachment} with the name: an ASCII {@code filename} every
     * browser reads (accents dropped, anything else an underscore) and, when the name is not plain
     * ASCII, the exact one as RFC 6266 {@code filename*}. The stored name has no quotes or
     * backslashes to escape.
     */
    static String contentDisposition(String storedName) {
        String ascii = Normalizer.normalize(storedName, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^\\x20-\\x7E]", "_");
        String header = "attachment; filename=\"" + ascii + "\"";
        return ascii.equals(storedName) ? header : header + "; filename*=UTF-8''" + percentEncoded(storedName);
    }

    /** RFC 8187: every byte but the attribute characters as %XX. */
    private static String percentEncoded(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
