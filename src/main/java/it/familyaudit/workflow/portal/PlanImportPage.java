package it.familyaudit.workflow.portal;

import it.familyaudit.workflow.certification.CertificationService;
import it.familyaudit.workflow.certification.CertificationView;
import it.familyaudit.workflow.plan.PlanComparison;
import it.familyaudit.workflow.plan.PlanService;
import it.familyaudit.workflow.plan.PlanView;
import it.familyaudit.workflow.plan.transfer.ImportError;
import it.familyaudit.workflow.plan.transfer.PlanCsv;
import it.familyaudit.workflow.plan.transfer.PlanFormat;
import it.familyaudit.workflow.plan.transfer.PlanImportException;
import it.familyaudit.workflow.security.CurrentUser;
import it.familyaudit.workflow.security.CurrentUsers;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * A spreadsheet (.xlsx or CSV) imported into the plan's draft in two steps: the file is read and
 * checked, and the page shows what it would change in the draft, or every error with its row and
 * column; nothing is stored until the editor confirms, and then all or nothing, through the same
 * service call as {@code POST …/plan/import}. Who may import is who may edit the draft.
 *
 * <p>Between the two steps the file waits in the reader's session, one file per session (a new
 * upload replaces it; the confirmation, the cancel and signing out drop it), at most
 * {@link PlanCsv#MAX_BYTES}. Asking the editor to choose the file again on confirming would be a
 * second chance to pick a different one than the preview showed; sending it back and forth in a
 * hidden field would cost its size twice more. The preview remembers the draft it was made on: if
 * the draft has changed before the confirmation, the changes are shown again, afresh.
 */
@Controller
class PlanImportPage {

    static final String PAGE = "portal/plan-import";
    static final String PENDING = PlanImportPage.class.getName() + ".pending";

    /** A file shown in a preview, waiting for its confirmation. */
    record Pending(long certificationId, String token, PlanFormat format, String fileName, byte[] file,
                   int draftSeen) implements Serializable {
    }

    private final PlanService plans;
    private final CertificationService certifications;
    private final CurrentUsers users;
    private final MessageSource messages;

    PlanImportPage(PlanService plans, CertificationService certifications, CurrentUsers users,
                   MessageSource messages) {
        this.plans = plans;
        this.certifications = certifications;
        this.users = users;
        this.messages = messages;
    }

    @PostMapping("/certificazioni/{id}/piano/bozza/importazione")
    String preview(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile upload,
                   HttpSession session, HttpServletResponse response, Model model, Locale locale) throws IOException {
        CurrentUser user = users.current();
        CertificationView c = certifications.get(user, id);
        PlanView draft = plans.draft(user, id);
        session.removeAttribute(PENDING);
        String name = upload == null ? null : upload.getOriginalFilename();
        String refused = refusal(upload);
        if (refused != null) {
            return refused(model, response, c, draft, name, List.of(new ImportError(0, null,
                    messages.getMessage(refused, refused.endsWith("tooLarge")
                            ? new Object[] {PlanCsv.MAX_BYTES / (1024 * 1024)} : null, locale))), locale);
        }
        byte[] file = upload.getBytes();
        Optional<PlanFormat> format = formatOf(name, file);
        if (format.isEmpty()) {
            return refused(model, response, c, draft, name, List.of(new ImportError(0, null,
                    messages.getMessage("planImport.notASpreadsheet", null, locale))), locale);
        }
        Pending pending = new Pending(id, UUID.randomUUID().toString(), format.get(), name, file, seen(draft));
        return preview(model, response, session, user, c, draft, pending, false, locale);
    }

    @PostMapping("/certificazioni/{id}/piano/bozza/importazione/conferma")
    Object confirm(@PathVariable long id, @RequestParam(name = "file", required = false) String token,
                   HttpSession session, HttpServletResponse response, Model model, Locale locale,
                   RedirectAttributes flash) {
        CurrentUser user = users.current();
        CertificationView c = certifications.get(user, id);
        PlanView draft = plans.draft(user, id);
        Pending pending = session.getAttribute(PENDING) instanceof Pending p && p.certificationId() == id
                && p.token().equals(token) ? p : null;
        if (pending == null) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("gone", true);
            return show(model, c, draft, null, null, null, List.of(), locale);
        }
        if (pending.draftSeen() != seen(draft)) {
            return preview(model, response, session, user, c, draft, pending, true, locale);
        }
        PlanView imported;
        try {
            imported = plans.importDraft(user, id, pending.format(), pending.file());
        } catch (PlanImportException e) {
            session.removeAttribute(PENDING);
            return refused(model, response, c, draft, pending.fileName(), e.errors(), locale);
        }
        session.removeAttribute(PENDING);
        flash.addFlashAttribute("imported", messages.getMessage("planImport.done", new Object[] {
                Objects.requireNonNullElse(pending.fileName(), ""), imported.actions().size()}, locale));
        RedirectView editor = new RedirectView(PlanEditor.pathOf(id), true);
        editor.setStatusCode(HttpStatus.SEE_OTHER);
        return editor;
    }

    @PostMapping("/certificazioni/{id}/piano/bozza/importazione/annulla")
    RedirectView cancel(@PathVariable long id, HttpSession session) {
        session.removeAttribute(PENDING);
        RedirectView editor = new RedirectView(PlanEditor.pathOf(id), true);
        editor.setStatusCode(HttpStatus.SEE_OTHER);
        return editor;
    }

    /** Reads the file into a preview of what it changes and keeps it for the confirmation; its errors otherwise. */
    private String preview(Model model, HttpServletResponse response, HttpSession session, CurrentUser user,
                           CertificationView c, PlanView draft, Pending pending, boolean draftChanged, Locale locale) {
        PlanView imported;
        try {
            imported = plans.readImport(user, c.id(), pending.format(), pending.file());
        } catch (PlanImportException e) {
            session.removeAttribute(PENDING);
            return refused(model, response, c, draft, pending.fileName(), e.errors(), locale);
        }
        Pending kept = new Pending(pending.certificationId(), pending.token(), pending.format(), pending.fileName(),
                pending.file(), seen(draft));
        session.setAttribute(PENDING, kept);
        model.addAttribute("draftChanged", draftChanged);
        return show(model, c, draft, kept, imported, PlanComparison.of(draft, imported), List.of(), locale);
    }

    private String refused(Model model, HttpServletResponse response, CertificationView c, PlanView draft,
                           String fileName, List<ImportError> errors, Locale locale) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("fileName", fileName);
        return show(model, c, draft, null, null, null, errors, locale);
    }

    private String show(Model model, CertificationView c, PlanView draft, Pending pending, PlanView imported,
                        PlanComparison changes, List<ImportError> errors, Locale locale) {
        model.addAttribute("certification", c);
        model.addAttribute("draft", draft);
        model.addAttribute("pending", pending);
        if (pending != null) {
            model.addAttribute("fileName", pending.fileName());
        }
        model.addAttribute("imported", imported);
        model.addAttribute("changes", changes);
        model.addAttribute("errors", errors);
        if (imported != null) {
            // What the plan would still lack once imported, named as the editor names it.
            model.addAttribute("stillMissing", PlanProblems.of(imported.problems(), PlanForm.of(imported, locale),
                    Map.of(), messages, locale).list());
        }
        return PAGE;
    }

    /** The message key of why the upload is not read at all, or {@code null}. */
    private static String refusal(MultipartFile upload) {
        if (upload == null || upload.getOriginalFilename() == null || upload.getOriginalFilename().isBlank()
                && upload.isEmpty()) {
            return "planImport.noFile";
        }
        if (upload.isEmpty()) {
            return "planImport.empty";
        }
        if (upload.getSize() > PlanCsv.MAX_BYTES) {
            return "planImport.tooLarge";
        }
        return null;
    }

    /**
     * The format a file is in, by its name, or by its first bytes when its name says nothing. An old
     * Excel file (.xls) is read as .xlsx, whose reader says how to save it.
     */
    static Optional<PlanFormat> formatOf(String fileName, byte[] file) {
        String name = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
            return Optional.of(PlanFormat.XLSX);
        }
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            return Optional.of(PlanFormat.CSV);
        }
        boolean zip = file.length > 3 && file[0] == 'P' && file[1] == 'K' && file[2] == 3 && file[3] == 4;
        return !name.contains(".") && zip ? Optional.of(PlanFormat.XLSX) : Optional.empty();
    }

    /** The draft as the preview saw it: a change before the confirmation shows the changes again. */
    private static int seen(PlanView draft) {
        return Objects.hash(draft.version() == null ? null : draft.version().versionNo(), draft.title(),
                draft.fieldsMandatory(), draft.fields(), draft.actions());
    }
}
