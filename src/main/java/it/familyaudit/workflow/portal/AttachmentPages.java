package it.familyaudit.workflow.portal;

import it.familyaudit.workflow.attachment.AttachmentKind;
import it.familyaudit.workflow.attachment.AttachmentUpload;
import it.familyaudit.workflow.attachment.AttachmentView;
import it.familyaudit.workflow.attachment.Attachments;
import it.familyaudit.workflow.attachment.Downloads;
import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.security.CurrentUser;
import it.familyaudit.workflow.security.CurrentUsers;
import it.familyaudit.workflow.security.People;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A certification's attachments on its page: the list with every version and who attached it, the
 * upload form for those who may attach, and the downloads. The same service as the API decides
 * who sees and who attaches what; its refusals get the portal's error page.
 */
@Controller
class AttachmentPages {

    /** The section of the certification page ({@code templates/portal/section-attachments.html}). */
    record Section(long certificationId, List<Line> lines, List<AttachmentKind> kinds, String maxSize, String accept,
                   String acceptedNames) {

        /** Whether the reader may attach anything: the form is shown only then. */
        public boolean mayAttach() {
            return !kinds.isEmpty();
        }
    }

    /** One version of a file, with the name of whoever attached it (never their user id). */
    record Line(long id, AttachmentKind kind, Integer roundNo, String actionCode, int versionNo, String fileName,
                long sizeBytes, String who, LocalDateTime at) {
    }

    private final Attachments attachments;
    private final People people;
    private final CurrentUsers users;

    AttachmentPages(Attachments attachments, People people, CurrentUsers users) {
        this.attachments = attachments;
        this.people = people;
        this.users = users;
    }

    /** The section for this reader; the certification page has checked that they may see it. */
    Section section(CurrentUser user, long certificationId) {
        List<AttachmentView> found = attachments.list(user, certificationId);
        Map<String, String> names = people.namesOf(found.stream().map(AttachmentView::uploadedBy).toList());
        List<Line> lines = found.stream().map(a -> new Line(a.id(), a.kind(), a.roundNo(), a.actionCode(),
                a.versionNo(), a.fileName(), a.sizeBytes(), names.get(a.uploadedBy()),
                LocalDateTime.ofInstant(a.uploadedAt(), EngineTime.ZONE))).toList();
        return new Section(certificationId, lines, List.copyOf(attachments.kindsFor(user, certificationId)),
                attachments.maxSize(), attachments.accepted(), attachments.acceptedNames());
    }

    /** Attaches the file and goes back to the section, which says what was attached. */
    @PostMapping("/certificazioni/{id}/allegati")
    String attach(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(name = "tipo", required = false) String kind,
                  @RequestParam(name = "anno", required = false) String year,
                  @RequestParam(name = "azione", required = false) String action, RedirectAttributes redirect) {
        AttachmentView attached = attachments.attach(users.current(), id,
                AttachmentUpload.of(kind, year, action, file));
        redirect.addFlashAttribute("attached", attached);
        return "redirect:/certificazioni/" + id + "#allegati";
    }

    @GetMapping("/certificazioni/{id}/allegati/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId) {
        return Downloads.of(attachments.file(users.current(), id, attachmentId));
    }
}
