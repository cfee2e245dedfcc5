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
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
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

    /**
     * Refusals whose messages are written for the people using the webapps, with the status they are: the
     * caller's mistake (a start without an organisation) or a state that does not allow it, never the server's.
     */
    private static final Map<String, Integer> FOR_PEOPLE = Map.of(
            CertificationAlreadyActive.class.getSimpleName(), 409,
            CertificationNotActive.class.getSimpleName(), 409,
            CycleNotAllowed.class.getSimpleName(), 409,
            TaskAlreadyClaimedException.class.getSimpleName(), 409,
            BadUserRequestException.class.getSimpleName(), 400);
    /** Camunda often wraps them: "Cannot instantiate process definition …: it.….SomeException: the message". */
    private static final Pattern WRAPPED_FOR_PEOPLE =
            Pattern.compile("(?:^|[\\s.:])(" + String.join("|", FOR_PEOPLE.keySet()) + "): (.+)$", Pattern.DOTALL);
    private static final Pattern TECHNICAL = Pattern.compile(
            "(?i)sql|jdbc|exception|###|\\bat [\\w$.]+\\(|\\b(java|javax|jakarta|org|com|it)\\.[a-z]");
    /**
     * Camunda's REST API answers some refusals of what a client sent as server errors, in technical words:
     * recognised by those words, they are answered 400 in ours.
     */
    private static final Map<String, String> CLIENT_MISTAKES = Map.of(
            "Java serialization format is prohibited",
            "Variabili serializzate in formato Java non ammesse / Java-serialized variables are not allowed",
            "are not whitelisted for deserialization",
            "Tipo di oggetto non ammesso per le variabili / Object type not allowed in variables",
            "Cannot deserialize object in variable",
            "Variabile non leggibile come oggetto: chiederla con deserializeValue=false / "
                    + "The variable cannot be read as an object: ask with deserializeValue=false");
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
        byte[] body = replacement(request, held.status, held.captured.toByteArray(), response);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private byte[] replacement(HttpServletRequest request, int status, byte[] original, HttpServletResponse response)
            throws IOException {
        JsonNode error = parse(original);
        String type = error.path("type").asText("");
        String message = error.path("message").asText("");
        ObjectNode answer = json.createObjectNode();
        answer.put("type", SERVER_ERROR_TYPE);
        Map.Entry<String, String> forPeople = forPeople(type, message);
        if (forPeople != null) {
            answer.put("type", forPeople.getKey().replace("Exception", ""));
            answer.put("message", forPeople.getValue());
            response.setStatus(FOR_PEOPLE.get(forPeople.getKey()));
            log.info("{} {} answered {}: {}", request.getMethod(), request.getRequestURI(),
                    FOR_PEOPLE.get(forPeople.getKey()), forPeople.getValue());
        } else if (clientMistake(message) != null) {
            answer.put("type", "BadUserRequest");
            answer.put("message", clientMistake(message));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            log.info("{} {} answered 400: {}", request.getMethod(), request.getRequestURI(), message);
        } else if (OptimisticLockingException.class.getSimpleName().equals(type)) {
            answer.put("type", "OptimisticLocking");
            answer.put("message", CONCURRENT_CHANGE);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
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

    private static String clientMistake(String message) {
        return CLIENT_MISTAKES.entrySet().stream().filter(e -> message.contains(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    /** The refusal written for people and its message, unless the message looks technical. */
    private static Map.Entry<String, String> forPeople(String type, String message) {
        String name = null;
        String text = null;
        if (FOR_PEOPLE.containsKey(type)) {
            name = type;
            text = message;
        } else {
            Matcher wrapped = WRAPPED_FOR_PEOPLE.matcher(message);
            if (wrapped.find()) {
                name = wrapped.group(1);
                text = wrapped.group(2);
            }
        }
        return text == null || text.isBlank() || TECHNICAL.matcher(text).find() ? null : Map.entry(name, text.strip());
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
