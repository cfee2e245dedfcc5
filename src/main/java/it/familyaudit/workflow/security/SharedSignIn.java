package it.familyaudit.workflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.util.ServletContextUtil;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One sign-in for the portal and the Camunda webapps. Both keep it in the same HTTP session: the
 * portal's sign-in also signs the user in to the webapps (Camunda's session authentication, as
 * their login form makes it), and a sign-in made in the webapps is adopted by the portal. The
 * webapps' sign-in is the one that counts where the two differ, since Camunda's login replaces the
 * session's user. Logging out of either ends the session, and so both.
 *
 * <p>The portal's authentication names the user only: their roles and organisations are read
 * again on every request ({@link CurrentUsers}), so a changed role applies at once, as on the API.
 */
final class SharedSignIn {

    private final ProcessEngine engine;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SharedSignIn(ProcessEngine engine) {
        this.engine = engine;
    }

    /** After the portal's form has checked the password: the webapps' sign-in, then the page asked for. */
    AuthenticationSuccessHandler alsoIntoTheWebapps(AuthenticationSuccessHandler then) {
        return (request, response, authentication) -> {
            // The form's authentication carries the roles of this moment; the session keeps the name only.
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(portalAuthentication(authentication.getName()));
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
            signInToWebapps(request, authentication.getName());
            then.onAuthenticationSuccess(request, response, context.getAuthentication());
        };
    }

    /** The portal's authentication of a user: by name only; {@link CurrentUsers} reads their roles on each request. */
    static Authentication portalAuthentication(String userId) {
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, List.of());
    }

    private void signInToWebapps(HttpServletRequest request, String userId) {
        UserAuthentication camunda = AuthenticationUtil.createAuthentication(engine, userId);
        if (camunda == null) {
            return;
        }
        // As the webapps' login does: the time after which they read the user's rights again.
        Date revalidation = ServletContextUtil.getAuthCacheValidationTime(request.getServletContext());
        if (revalidation != null) {
            camunda.setCacheValidationTime(revalidation);
        }
        HttpSession session = request.getSession();
        Authentications signedIn = AuthenticationUtil.getAuthsFromSession(session);
        signedIn.addOrReplace(camunda);
        AuthenticationUtil.updateSession(session, signedIn);
    }

    /** Adopts, for the portal, the user the webapps have signed in to this session. */
    OncePerRequestFilter adoptingTheWebappsSignIn() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                HttpSession session = request.getSession(false);
                String webappsUser = session == null ? null : webappsUser(session);
                Authentication current = SecurityContextHolder.getContext().getAuthentication();
                boolean signedIn = current != null && current.isAuthenticated()
                        && !(current instanceof AnonymousAuthenticationToken);
                if (webappsUser != null && (!signedIn || !webappsUser.equals(current.getName()))) {
                    SecurityContext context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(portalAuthentication(webappsUser));
                    SecurityContextHolder.setContext(context);
                    contexts.saveContext(context, request, response);
                }
                chain.doFilter(request, response);
            }
        };
    }

    private String webappsUser(HttpSession session) {
        Authentications signedIn = AuthenticationUtil.getAuthsFromSession(session);
        var camunda = signedIn.getAuthenticationForProcessEngine(engine.getName());
        return camunda == null ? null : camunda.getIdentityId();
    }
}
