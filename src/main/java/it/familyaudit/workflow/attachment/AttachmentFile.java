package it.familyaudit.workflow.attachment;

/**
 * An attached file to download: its stored name, its detected type and its bytes.
 *
 * @param contentDisposition the header that makes browsers save it under its name
 */
public record AttachmentFile(String fileName, String mediaType, byte[] content, String contentDisposition) {
}
