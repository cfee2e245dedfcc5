package it.familyaudit.workflow.attachment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the attachments.
 *
 * @param maxSize the largest file accepted (20 MB by default). Keep
 *                {@code spring.servlet.multipart.max-file-size} and {@code max-request-size} above
 *                it, so that a file over this limit still reaches the check that names it.
 */
@ConfigurationProperties("family-audit.attachments")
public record AttachmentProperties(DataSize maxSize) {

    /**
     * A file is held in memory while it is checked, hashed and stored, and PostgreSQL's bytea and
     * H2's binary strings stop at 1 GB: beyond this the limit would only move the failure elsewhere.
     */
    static final DataSize LARGEST = DataSize.ofMegabytes(200);

    public AttachmentProperties {
        maxSize = maxSize == null ? DataSize.ofMegabytes(20) : maxSize;
        if (maxSize.toBytes() < 1 || maxSize.compareTo(LARGEST) > 0) {
            throw new IllegalArgumentException("family-audit.attachments.max-size must be between 1B and "
                    + LARGEST.toMegabytes() + "MB, not " + maxSize);
        }
    }

    /** The limit as people write it: "20 MB", "64 KB", "1500 byte". */
    public String maxSizeText() {
        long bytes = maxSize.toBytes();
        if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return maxSize.toMegabytes() + " MB";
        }
        return bytes % DataSize.ofKilobytes(1).toBytes() == 0 ? maxSize.toKilobytes() + " KB" : bytes + " byte";
    }
}
