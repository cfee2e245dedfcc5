package it.familyaudit.workflow.attachment;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An attached file as an answer, the same from the API and the portal: its detected type, saved
 * under its name rather than opened in the page, and never sniffed into another type by the browser.
 */
public final class Downloads {

    private Downloads() {
    }

    public static ResponseEntity<byte[]> of(AttachmentFile file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, file.contentDisposition())
                .header("X-Content-Type-Options", "nosniff")
                .contentLength(file.content().length)
                .body(file.content());
    }
}
