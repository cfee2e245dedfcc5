package it.familyaudit.workflow.portal;

import it.familyaudit.workflow.engine.TransientFailures;
import it.familyaudit.workflow.plan.PlanRefusals.ApprovedPlanUnchangeable;
import it.familyaudit.workflow.refusal.Refusal;
import it.familyaudit.workflow.survey.QuestionnaireRefusals.CodesAlreadyIssued;
import it.familyaudit.workflow.web.RefusalStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * The portal's answer when something goes wrong: an Italian page (English below) with the status
 * the API would give — 404 for what does not exist or is another organisation's, 403 for a role
 * that may not, 409 for a state that does not allow it — and never a stack trace.
 */
@ControllerAdvice(basePackageClasses = PortalErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE) // before the API's handler, which would answer JSON
class PortalErrors {

    private static final Logger log = LoggerFactory.getLogger(PortalErrors.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final MessageSource messages;

    PortalErrors(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * The refusal's own words tell an API client to send {@code {"replace": true}}; a person on the
     * portal is told where the page's replacement form is, and given the way back to it.
     */
    @ExceptionHandler(CodesAlreadyIssued.class)
    String codesAlreadyIssued(CodesAlreadyIssued refusal, HttpServletRequest request, HttpServletResponse response,
                              Model model, Locale locale) {
        String issuedOn = refusal.issuedOn() == null ? "" : DAY.format(refusal.issuedOn());
        backToTheCertification(request, model);
        return page(RefusalStatus.of(refusal), messages.getMessage("codes.alreadyIssued", new Object[] {issuedOn},
                locale), response, model);
    }

    /**
     * The refusal's own words send an API client to the revisions' address; a person on the portal is
     * told to open a revision, which the certification's page offers to those who may.
     */
    @ExceptionHandler(ApprovedPlanUnchangeable.class)
    String approvedPlanUnchangeable(ApprovedPlanUnchangeable refusal, HttpServletRequest request,
                                    HttpServletResponse response, Model model, Locale locale) {
        backToTheCertification(request, model);
        return page(RefusalStatus.of(refusal), messages.getMessage("planEditor.approvedUnchangeable", null, locale),
                response, model);
    }

    @ExceptionHandler(Refusal.class)
    String refused(Refusal refusal, HttpServletResponse response, Model model) {
        return page(RefusalStatus.of(refusal), refusal.getMessage(), response, model);
    }

    /**
     * Two people completing the same task at the same moment: the engine lets one through and
     * refuses the other, who learns that the data changed, as the API answers.
     */
    @ExceptionHandler(OptimisticLockingException.class)
    String changedMeanwhile(OptimisticLockingException e, HttpServletResponse response, Model model) {
        return page(HttpStatus.CONFLICT, "Qualcun altro ha appena modificato gli stessi dati: ricaricare e riprovare / "
                + "Someone else changed the same data just now: reload and try again", response, model);
    }

    /**
     * An address whose path names nothing (a certification id that is not a number): 404, as for
     * any address that is not there; a malformed parameter of a page that exists: 400.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String malformed(MethodArgumentTypeMismatchException e, HttpServletResponse response, Model model) {
        boolean inThePath = e.getParameter().hasParameterAnnotation(PathVariable.class);
        return page(inThePath ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST, null, response, model);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    String missing(MissingServletRequestParameterException e, HttpServletResponse response, Model model) {
        return page(HttpStatus.BAD_REQUEST, null, response, model);
    }

    /**
     * An upload over the servlet's limit, which sits above the attachments' own: the form's token
     * travels in its address, so the request gets this far and this answer instead of a 403.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(MaxUploadSizeExceededException e, HttpServletResponse response, Model model) {
        return page(HttpStatus.PAYLOAD_TOO_LARGE, "Il file supera la dimensione massima che si può caricare"
                + " / The file is larger than can be uploaded", response, model);
    }

    /** A form announced as multipart whose body is not. */
    @ExceptionHandler(MultipartException.class)
    String unreadable(MultipartException e, HttpServletResponse response, Model model) {
        return page(HttpStatus.BAD_REQUEST, null, response, model);
    }

    /**
     * Spring MVC's own refusals (a method the page does not take, a file that is not there) keep their
     * status; a refusal the engine wrapped (a listener's, e.g. a cycle the organisation may not
     * start) is answered as itself, as the API does.
     */
    @ExceptionHandler(Exception.class)
    String failed(Exception e, HttpServletResponse response, Model model) {
        if (TransientFailures.isTransient(e)) {
            log.warn("Database unavailable for the moment, page answered 503: {}", e.toString());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(TransientFailures.RETRY_AFTER_SECONDS));
            return page(HttpStatus.SERVICE_UNAVAILABLE, null, response, model);
        }
        if (e instanceof ErrorResponse answered && answered.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.resolve(answered.getStatusCode().value());
            return page(status == null ? HttpStatus.BAD_REQUEST : status, null, response, model);
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof Refusal refusal) {
                return refused(refusal, response, model);
            }
            if (cause instanceof OptimisticLockingException locking) {
                return changedMeanwhile(locking, response, model);
            }
        }
        log.error("Portal page failed", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, null, response, model);
    }

    /** The way back to the certification the page was about. */
    private static void backToTheCertification(HttpServletRequest request, Model model) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> path
                && path.get("id") instanceof String id) {
            model.addAttribute("back", "/certificazioni/" + id);
        }
    }

    private static String page(HttpStatus status, String detail, HttpServletResponse response, Model model) {
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("detail", detail);
        return "portal/error";
    }
}
