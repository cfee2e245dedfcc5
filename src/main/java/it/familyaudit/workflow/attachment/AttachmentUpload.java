package it.familyaudit.workflow.attachment;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.web.multipart.MultipartFile;

/**
 * A file someone is attaching, as a request brings it: every value as sent (the checks are the
 * service's, so that the API and the portal give the same answers).
 *
 * @param kind       an {@link AttachmentKind}'s name
 * @param roundNo    the monitoring year, or blank
 * @param actionCode the plan action's code, or blank
 * @param fileName   the name the sender's system gave it
 * @param size       its size as declared, checked before anything is read
 * @param content    its bytes, read once
 */
public record AttachmentUpload(String kind, String roundNo, String actionCode, String fileName, long size,
                               Content content) {

    /** The bytes of the file, opened when the service reads them. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    /** A multipart request's file part; no file, or an empty part, is the service's refusal to make. */
    public static AttachmentUpload of(String kind, String roundNo, String actionCode, MultipartFile file) {
        if (file == null) {
            return new AttachmentUpload(kind, roundNo, actionCode, null, -1, null);
        }
        return new AttachmentUpload(kind, roundNo, actionCode, file.getOriginalFilename(), file.getSize(),
                file::getInputStream);
    }
}
