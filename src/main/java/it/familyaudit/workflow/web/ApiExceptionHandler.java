package it.familyaudit.workflow.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import it.familyaudit.workflow.certification.CertificationAlreadyActive;
import it.familyaudit.workflow.engine.FormValidationException;
import it.familyaudit.workflow.engine.TransientFailures;
import it.familyaudit.workflow.refusal.Refusal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as an RFC 7807 problem detail. The engine wraps what our listeners
 * throw, so the cause chain is searched for the exception that says what went wrong. Unknown
 * failures answer 500 with no details; the log keeps them.
 */
@RestControllerAdvice(basePackages = "it.familyaudit.workflow")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final String INVALID_DATA = "Dati non validi: correggere i campi indicati / Invalid data: see the"
            + " fields listed";
    private static final String TOO_LARGE_UPLOAD = "Il file supera la dimensione massima che si può caricare"
            + " / The file is larger than can be uploaded";

    /**
     * A body that is no JSON, or JSON whose values are not of their properties' types ({@code {"reason": {}}}):
     * the latter names each property as a field error, as the forms' checks do.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (ex.getCause() instanceof MismatchedInputException mismatch) {
            if (!mismatch.getPath().isEmpty()) {
                return invalid(ex, headers, request, INVALID_DATA, path(mismatch), "Tipo di valore non ammesso");
            }
            return ResponseEntity.badRequest().body(referenced(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "Il corpo della richiesta deve essere un oggetto JSON / The request body must be a JSON object")));
        }
        return ResponseEntity.badRequest().body(referenced(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Il corpo della richiesta non è JSON valido in UTF-8 / The request body is not valid UTF-8 JSON")));
    }

    /** A path variable or a query parameter that is not of its type: {@code /api/certifications/abc}, {@code ?size=x}. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() != null ? ex.getPropertyName() : "";
        return invalid(ex, headers, request, "Valore non valido per «" + name + "» / Invalid value for «" + name + "»",
                name, expected(ex.getRequiredType()));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        String name = ex.getParameterName();
        return invalid(ex, headers, request, "Manca il parametro «" + name + "» / The parameter «" + name
                + "» is missing", name, "Campo obbligatorio");
    }

    /** A body in a type the operation does not read, or a {@code Content-Type} that is no media type at all. */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        String send = ex.getSupportedMediaTypes().contains(MediaType.APPLICATION_JSON) ? "application/json"
                : ex.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(", "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Tipo di contenuto non accettato: inviare " + send + " / Unsupported content type: send " + send);
        log.info("Answered 415: {}", ex.getMessage());
        return handleExceptionInternal(ex, problem, headers, HttpStatus.UNSUPPORTED_MEDIA_TYPE, request);
    }

    /** 400 with one field error, in the shape {@link FormValidationException} answers. */
    private ResponseEntity<Object> invalid(Exception ex, HttpHeaders headers, WebRequest request, String detail,
                                           String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Dati non validi");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        log.info("Answered 400: {} ({})", detail, field);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** What a value of this type looks like, as the forms say it. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "Valore non ammesso";
        }
        if (type == long.class || type == int.class || type == Long.class || type == Integer.class) {
            return "Deve essere un numero intero";
        }
        if (type == LocalDate.class) {
            return "Data non valida: usare il formato AAAA-MM-GG";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "Deve essere vero o falso";
        }
        return Number.class.isAssignableFrom(type) ? "Deve essere un numero" : "Valore non ammesso";
    }

    /** A JSON path as the forms' errors write it: {@code actions[0].title}. */
    private static String path(MismatchedInputException mismatch) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : mismatch.getPath()) {
            if (step.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /**
     * A request over the servlet's upload limit ({@code spring.servlet.multipart}), which sits above
     * each feature's own limit: refused before the feature could name its limit.
     */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(referenced(ProblemDetail.forStatusAndDetail(
                HttpStatus.PAYLOAD_TOO_LARGE, TOO_LARGE_UPLOAD)));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handle(Exception exception) {
        if (TransientFailures.isTransient(exception)) {
            log.warn("Database unavailable for the moment, answered 503: {}", exception.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(TransientFailures.RETRY_AFTER_SECONDS))
                    .body(referenced(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                            ErrorPages.UNAVAILABLE)));
        }
        for (Throwable t = exception; t != null; t = t.getCause()) {
            ProblemDetail problem = known(t);
            if (problem != null) {
                // The caller's mistake or a lost race: one line, no stack trace.
                log.info("Answered {}: {}", problem.getStatus(), problem.getDetail());
                return ResponseEntity.status(problem.getStatus()).body(referenced(problem));
            }
        }
        log.error("Unexpected failure", exception);
        return ResponseEntity.internalServerError().body(referenced(ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "Errore interno / Internal error")));
    }

    /** The request's correlation id, which the log's lines of the request carry too. */
    static ProblemDetail referenced(ProblemDetail problem) {
        if (RequestLog.current() != null) {
            problem.setProperty("reference", RequestLog.current());
        }
        return problem;
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        return super.createResponseEntity(body instanceof ProblemDetail p ? referenced(p) : body, headers, statusCode,
                request);
    }

    private static ProblemDetail known(Throwable t) {
        if (t instanceof FormValidationException e) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, INVALID_DATA);
            p.setTitle("Dati non validi");
            List<Map<String, String>> errors = e.errors().stream()
                    .map(f -> Map.of("field", f.field(), "message", f.message())).toList();
            p.setProperty("errors", errors);
            return p;
        }
        if (t instanceof Refusal refusal) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(RefusalStatus.of(refusal), refusal.getMessage());
            if (refusal instanceof CertificationAlreadyActive e) {
                p.setProperty("activeCertificationId", e.activeId());
            }
            return p;
        }
        if (t instanceof MultipartException) {
            // A body announced as multipart that is not (the size limit has its own answer above).
            return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "Richiesta multipart/form-data non leggibile / Unreadable multipart/form-data request");
        }
        if (t instanceof OptimisticLockingException || t instanceof DuplicateKeyException) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "Qualcun altro ha appena modificato gli stessi dati: ricaricare e riprovare / "
                            + "Someone else changed the same data just now: reload and try again");
        }
        if (t instanceof AuthorizationException e) {
            log.info("Engine refused: {}", e.getMessage());
            return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "Non autorizzato / Not authorized");
        }
        return null;
    }
}
