package it.familyaudit.workflow.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the servlet container's error dispatch answers (a path nothing serves, a method a path does not take
 * before any controller saw it, a request refused by a filter): problem details under {@code /api} and to
 * clients that do not read HTML, the portal's Italian error page to browsers. Replaces Spring Boot's page,
 * whose JSON is not a problem detail and which answers 500 to a plain visit of {@code /error}: a visit that is
 * no error dispatch is a page that does not exist.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErrorPages implements ErrorController {

    /** What a 503 says, whichever way in answers it. */
    static final String UNAVAILABLE = "Servizio momentaneamente non disponibile: riprovare tra qualche secondo / "
            + "Service unavailable for the moment: try again in a few seconds";

    /** A request attribute: what the error page says, set by whoever sends the error. */
    static final String DETAIL = "it.familyaudit.workflow.web.errorDetail";

    @RequestMapping
    Object error(HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = status(request);
        String detail = request.getAttribute(DETAIL) instanceof String said ? said : null;
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri
                : request.getRequestURI();
        if (path.startsWith("/api/") || path.equals("/api") || !acceptsHtml(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail != null ? detail : detail(status));
            problem.setTitle(status.getReasonPhrase());
            ApiExceptionHandler.referenced(problem);
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        response.setStatus(status.value());
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("status", status.value());
        model.put("detail", detail);
        return new ModelAndView("portal/error", model, status);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.NOT_FOUND : status;
    }

    /** Browsers name HTML in what they accept; programs (curl's {@code *}{@code /*}, none at all) get JSON. */
    private static boolean acceptsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "Indirizzo inesistente / No such address";
            case METHOD_NOT_ALLOWED -> "Metodo non ammesso per questo indirizzo / Method not allowed here";
            case PAYLOAD_TOO_LARGE -> "Richiesta troppo grande / Request too large";
            case UNAUTHORIZED -> "Accesso richiesto / Sign-in required";
            case FORBIDDEN -> "Non autorizzato / Not authorized";
            case BAD_REQUEST -> "Richiesta non valida / Bad request";
            case UNSUPPORTED_MEDIA_TYPE -> "Tipo di contenuto non accettato da questo indirizzo / "
                    + "Content type not accepted here";
            case NOT_ACCEPTABLE -> "Non si può rispondere nel formato chiesto (Accept) / "
                    + "Cannot answer in the format asked for (Accept)";
            case SERVICE_UNAVAILABLE -> UNAVAILABLE;
            default -> status.is5xxServerError() ? "Errore interno / Internal error"
                    : status.getReasonPhrase();
        };
    }
}
