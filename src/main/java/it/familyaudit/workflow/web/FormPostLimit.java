package it.familyaudit.workflow.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A form post larger than Tomcat reads ({@code server.tomcat.max-http-form-post-size}) reaches the application
 * with no fields at all, its CSRF token included, and would be refused as an expired form: it is answered 413,
 * "too large", before anything reads it.
 */
final class FormPostLimit extends OncePerRequestFilter {

    private final long limit;

    FormPostLimit(long limit) {
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (limit > 0 && "POST".equals(request.getMethod()) && type != null
                && type.toLowerCase().startsWith("application/x-www-form-urlencoded")
                && request.getContentLengthLong() > limit) {
            request.setAttribute(ErrorPages.DETAIL, "Dati inviati troppo grandi: al massimo " + limit / (1024 * 1024)
                    + " MB / Too much data sent: at most " + limit / (1024 * 1024) + " MB");
            response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
            return;
        }
        chain.doFilter(request, response);
    }
}
