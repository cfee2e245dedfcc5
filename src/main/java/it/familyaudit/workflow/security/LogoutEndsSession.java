package it.familyaudit.workflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * After Camunda's logout has answered (it checks the CSRF token and drops the webapps'
 * authentication), the session itself is ended: the portal's sign-in and anything a single
 * sign-on left in it go with it.
 */
final class LogoutEndsSession extends OncePerRequestFilter {

    private final RequestMatcher logout = PathPatternRequestMatcher.withDefaults()
            .matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean loggingOut = logout.matches(request);
        chain.doFilter(request, response);
        if (loggingOut && response.getStatus() == HttpStatus.OK.value()) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
    }
}
