package it.familyaudit.workflow.attachment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.familyaudit.workflow.security.CurrentUsers;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The files attached to a certification: attach one, list them, download one. */
@Tag(name = "Allegati / Attachments", description = "Documenti allegati alla certificazione, in versioni / Documents attached to a certification, in versions")
@RestController
@RequestMapping("/api/certifications/{id}/attachments")
class AttachmentController {

    private final Attachments attachments;
    private final CurrentUsers users;

    AttachmentController(Attachments attachments, CurrentUsers users) {
        this.attachments = attachments;
        this.users = users;
    }

    /**
     * Every value is optional here so that a missing one gets the service's refusal, in both
     * languages, rather than a framework's message.
     */
    @Operation(summary = "Allega un file / Attaches a file",
            description = "multipart/form-data: file, kind, roundNo (anno), actionCode (azione). Il tipo è letto dal "
                    + "contenuto; un nuovo file dello stesso tipo, anno e azione è una nuova versione. / The type is read "
                    + "from the content; a new file of the same kind, year and action is a new version.")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AttachmentView> attach(@PathVariable long id,
                                          @RequestParam(name = "file", required = false) MultipartFile file,
                                          @RequestParam(name = "kind", required = false) String kind,
                                          @RequestParam(name = "roundNo", required = false) String roundNo,
                                          @RequestParam(name = "actionCode", required = false) String actionCode) {
        AttachmentView attached = attachments.attach(users.current(), id,
                AttachmentUpload.of(kind, roundNo, actionCode, file));
        return ResponseEntity.created(URI.create("/api/certifications/" + id + "/attachments/" + attached.id()))
                .body(attached);
    }

    @Operation(summary = "Gli allegati / The attachments",
            description = "Ogni versione di ogni file, senza contenuto. / Every version of every file, without content.")
    @GetMapping
    List<AttachmentView> list(@PathVariable long id) {
        return attachments.list(users.current(), id);
    }

    @Operation(summary = "Scarica un allegato / Downloads an attachment")
    @GetMapping("/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId) {
        return Downloads.of(attachments.file(users.current(), id, attachmentId));
    }
}
