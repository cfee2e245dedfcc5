package it.familyaudit.workflow.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.familyaudit.workflow.certification.CertificationAlreadyActive;
import it.familyaudit.workflow.certification.CertificationNotActive;
import it.familyaudit.workflow.certification.CycleNotAllowed;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's REST APIs ({@code /engine-rest} and the webapps' {@code /camunda/api}) answer a server
 * failure with the exception's class and message, and the message of a failing delegate or
 * listener can carry SQL ("bad SQL grammar [SELECT …]") or code details. Their 5xx bodies are
 * rewritten here: the type becomes {@code ServerError}, the message a bilingual one with a
 * reference that the log repeats next to the original body, and Camunda's numeric error code stays.
 *
 * <p>Messages written for people survive: our domain refusals (an organisation already has an
 * active certification, …) and Camunda's "task already claimed", as long as they do not look
 * technical. Client errors (4xx) pass unchanged: they are Camunda's documented answers and
 * Tasklist shows our field errors from them.
 */
final class EngineServerErrorFilter extends OncePerRequestFilter {

    static final String SERVER_ERROR_TYPE = "ServerError";

    private static final Logger log = LoggerFactory.getLogger(EngineServerErrorFilter.class);

    /** Refusals whose messages are written for the people using the webapps. */
    private static final Set<String> FOR_PEOPLE = Set.of(CertificationAlreadyActive.class.getSimpleName(),
            CertificationNotActive.class.getSimpleName(), CycleNotAllowed.class.getSimpleName(),
            TaskAlreadyClaimedException.class.getSimpleName());
    /** Camunda often wraps them: "Cannot instantiate process definition …: it.….SomeException: the message". */
    private static final Pattern WRAPPED_FOR_PEOPLE =
            Pattern.compile("(?:^|[\\s.:])(?:" + String.join("|", FOR_PEOPLE) + "): (.+)$", Pattern.DOTALL);
    private static final Pattern TECHNICAL = Pattern.compile(
            "(?i)sql|jdbc|exception|###|\\bat [\\w$.]+\\(|\\b(java|javax|jakarta|org|com|it)\\.[a-z]");
    private static final String CONCURRENT_CHANGE = "Qualcun altro ha appena modificato gli stessi dati: ricaricare "
            + "e riprovare / Someone else changed the same data just now: reload and try again";

    private final ObjectMapper json;

    EngineServerErrorFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HeldServerError held = new HeldServerError(response);
        chain.doFilter(request, held);
        if (request.isAsyncStarted()) {
            // Long polling (external tasks) answers later, on another thread: let it through as it is.
            held.release();
            return;
        }
        if (!held.serverError || response.isCommitted()) {
            held.release();
            return;
        }
        byte[] body = replacement(request, held.status, held.captured.toByteArray());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private byte[] replacement(HttpServletRequest request, int status, byte[] original) throws IOException {
        JsonNode error = parse(original);
        String type = error.path("type").asText("");
        String message = error.path("message").asText("");
        ObjectNode answer = json.createObjectNode();
        answer.put("type", SERVER_ERROR_TYPE);
        String forPeople = forPeople(type, message);
        if (forPeople != null) {
            answer.put("message", forPeople);
        } else if (OptimisticLockingException.class.getSimpleName().equals(type)) {
            answer.put("message", CONCURRENT_CHANGE);
        } else {
            String reference = RequestLog.current() != null ? RequestLog.current()
                    : UUID.randomUUID().toString().substring(0, 8);
            log.error("{} {} answered {} (ref. {}): {}", request.getMethod(), request.getRequestURI(), status, reference,
                    new String(original, StandardCharsets.UTF_8));
            answer.put("message", "Errore interno del server (rif. " + reference + "): i dettagli sono nel registro "
                    + "/ Internal server error (ref. " + reference + "): the details are in the server log");
        }
        answer.set("code", error.path("code").isNumber() ? error.get("code") : null);
        return json.writeValueAsBytes(answer);
    }

    /** The message of one of the refusals written for people, unless it looks technical. */
    private static String forPeople(String type, String message) {
        String text = null;
        if (FOR_PEOPLE.contains(type)) {
            text = message;
        } else {
            Matcher wrapped = WRAPPED_FOR_PEOPLE.matcher(message);
            if (wrapped.find()) {
                text = wrapped.group(1);
            }
        }
        return text == null || text.isBlank() || TECHNICAL.matcher(text).find() ? null : text.strip();
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            return node == null ? json.createObjectNode() : node;
        } catch (IOException notJson) {
            return json.createObjectNode();
        }
    }

    /**
     * Lets everything through except the body of a 5xx answer, which it holds back. The length
     * is held until the status is known: Jersey sets it before the status.
     */
    private static final class HeldServerError extends HttpServletResponseWrapper {

        private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        private int status = SC_OK;
        private boolean serverError;
        private boolean released;
        private Long length;

        HeldServerError(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int sc) {
            status = sc;
            serverError = sc >= 500 && !released && !isCommitted();
            super.setStatus(sc);
        }

        @Override
        public void setContentLength(int len) {
            setContentLengthLong(len);
        }

        @Override
        public void setContentLengthLong(long len) {
            if (released) {
                super.setContentLengthLong(len);
            } else {
                length = len;
            }
        }

        @Override
        public void setHeader(String name, String value) {
            if (HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name) && !released) {
                length = value == null ? null : Long.valueOf(value);
            } else {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            setHeader(name, value);
        }

        @Override
        public void setIntHeader(String name, int value) {
            setHeader(name, Integer.toString(value));
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (serverError) {
                return new CapturingStream(captured);
            }
            release();
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (serverError) {
                return new PrintWriter(new OutputStreamWriter(captured, StandardCharsets.UTF_8), true);
            }
            release();
            return super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            if (!serverError) {
                release();
                super.flushBuffer();
            }
        }

        @Override
        public void resetBuffer() {
            captured.reset();
            super.resetBuffer();
        }

        @Override
        public void reset() {
            captured.reset();
            status = SC_OK;
            serverError = false;
            length = null;
            super.reset();
        }

        /** From now on everything goes straight through, the held length too. */
        void release() {
            if (!released) {
                released = true;
                serverError = false;
                if (length != null && !isCommitted()) {
                    super.setContentLengthLong(length);
                }
            }
        }
    }

    private static final class CapturingStream extends ServletOutputStream {

        private final ByteArrayOutputStream target;

        CapturingStream(ByteArrayOutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            target.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            target.write(b, off, len);
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("Server error bodies are written synchronously");
        }
    }
}
