package it.familyaudit.workflow.web;

import it.familyaudit.workflow.engine.TransientFailures;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id — the caller's {@code X-Request-Id} when it is a sensible one, else a
 * new one —, answers it in the same header, keeps it in the log's context ({@code requestId}: every line the
 * request logs carries it) and in the problem details as {@code reference}, and logs one line per request:
 * method, path, status, milliseconds. Static files are served without their line. A failure no handler answered
 * that is the database's passing trouble (see {@link TransientFailures}) is answered 503 with {@code Retry-After}.
 */
final class RequestLog extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";
    static final String KEY = "requestId";

    private static final Logger log = LoggerFactory.getLogger("it.familyaudit.workflow.requests");
    private static final Pattern SENSIBLE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final SecureRandom random = new SecureRandom();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String id = given != null && SENSIBLE.matcher(given).matches() ? given : newId();
        MDC.put(KEY, id);
        response.setHeader(HEADER, id);
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException failure) {
            // What no handler answered, a sign-in's lookup among them: the database's passing trouble is 503.
            if (!TransientFailures.isTransient(failure) || response.isCommitted()) {
                throw failure;
            }
            log.warn("Database unavailable for the moment, answered 503: {}", failure.toString());
            response.setHeader("Retry-After", String.valueOf(TransientFailures.RETRY_AFTER_SECONDS));
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        } finally {
            String path = request.getRequestURI();
            if (!path.startsWith("/webjars/") && !path.endsWith(".css") && !path.endsWith(".js")
                    && !path.endsWith(".ico") && !path.endsWith(".png") && !path.endsWith(".svg")) {
                log.info("{} {} {} {} ms", request.getMethod(), path, response.getStatus(),
                        (System.nanoTime() - started) / 1_000_000);
            }
            MDC.remove(KEY);
        }
    }

    /** The request's id, for the answers that name it; {@code null} outside a request. */
    static String current() {
        return MDC.get(KEY);
    }

    private static String newId() {
        byte[] bytes = new byte[6];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
