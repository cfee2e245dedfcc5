package it.familyaudit.workflow.attachment;

import java.time.Instant;

/**
 * One version of an attached file, without its content.
 *
 * @param roundNo    the monitoring year it is for, or {@code null}
 * @param actionCode the plan action it is for, or {@code null}
 * @param versionNo  1 for the first file of its kind (and year, and action), then 2, 3…
 * @param mediaType  as detected from the content
 * @param sha256     of the content, in lower-case hex
 * @param uploadedBy the user id of whoever attached it
 */
public record AttachmentView(long id, long certificationId, AttachmentKind kind, Integer roundNo, String actionCode,
                             int versionNo, String fileName, String mediaType, long sizeBytes, String sha256,
                             String uploadedBy, Instant uploadedAt) {
}
