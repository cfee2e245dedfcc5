package it.familyaudit.workflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.util.ServletContextUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Single sign-on for the Camunda webapps: Spring Security's OpenID Connect login (authorization
 * code with state, nonce and PKCE) starts at {@code /oauth2/authorization/{registration}} and comes
 * back to {@code /login/oauth2/code/{registration}}; the webapps' own login form stays for local
 * users.
 *
 * <p>A successful sign-in provisions the user from the ID token and user info with the API's rules
 * ({@link OidcUserProvisioning}) and then signs the user in to the webapps exactly as their login
 * form does: Camunda's session authentication, with groups, organisations (tenants) and webapp
 * rights read from Camunda's identity service, in a new session. From then on the webapps, their
 * CSRF protection and the engine's authorizations treat the user like a local one, and Camunda's
 * own logout ends it. Camunda's container-based authentication filter is not used: it answers 401
 * to every webapp request without a container user, which would shut out the login form, and it
 * would sign the user in again right after Camunda's logout.
 *
 * <p>Between the redirect to the provider and the way back, Spring Security keeps the authorization
 * request (state, nonce, PKCE verifier) in the session; its own security context is not stored
 * there (the chain stays stateless), Camunda's authentication is the only sign-in. The provider's
 * tokens are not kept either: they serve the sign-in only, and go with the session that the sign-in
 * replaces. Logout also ends the session (Camunda's own logout only drops the webapps'
 * authentication), so nothing of the sign-in outlives it.
 */
final class OidcWebappLogin {

    /** The two addresses of the sign-in, Spring Security's defaults; the provider must accept the second. */
    static final String[] PATHS = {"/oauth2/authorization/*", "/login/oauth2/code/*"};

    private static final String TASKLIST = "tasklist";
    /** A sign-in our rules refuse: its description is for the user (Italian, then English). */
    private static final String REFUSED = "family_audit_refused";

    private static final Logger log = LoggerFactory.getLogger(OidcWebappLogin.class);

    private final OidcUserProvisioning provisioning;
    private final ProcessEngine engine;
    private final OidcUserService provider = new OidcUserService();
    private final OAuth2AuthorizedClientRepository tokens = new HttpSessionOAuth2AuthorizedClientRepository();

    OidcWebappLogin(OidcUserProvisioning provisioning, ProcessEngine engine) {
        this.provisioning = provisioning;
        this.engine = engine;
    }

    void configure(HttpSecurity http, ClientRegistrationRepository clients) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver requests = new DefaultOAuth2AuthorizationRequestResolver(clients,
                OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        // PKCE also for confidential clients (Spring adds it by itself only for public ones): a
        // code caught on its way back is useless without the verifier in this session.
        requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        http.oauth2Login(o -> o
                        .authorizationEndpoint(a -> a.authorizationRequestResolver(knownOnly(requests)))
                        .userInfoEndpoint(u -> u.oidcUserService(this::provisioned))
                        .authorizedClientRepository(tokens)
                        .successHandler(this::signIn)
                        .failureHandler(this::refuse));
    }

    /**
     * An address naming no registered provider is answered like any unknown address (404), not with
     * the server error Spring Security gives it.
     */
    private static OAuth2AuthorizationRequestResolver knownOnly(OAuth2AuthorizationRequestResolver resolver) {
        return new OAuth2AuthorizationRequestResolver() {
            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
                try {
                    return resolver.resolve(request);
                } catch (IllegalArgumentException e) {
                    return unknown(request, e);
                }
            }

            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
                try {
                    return resolver.resolve(request, registrationId);
                } catch (IllegalArgumentException e) {
                    return unknown(request, e);
                }
            }
        };
    }

    private static OAuth2AuthorizationRequest unknown(HttpServletRequest request, IllegalArgumentException e) {
        log.info("Single sign-on: {} names no usable registration: {}", request.getRequestURI(), e.getMessage());
        return null;
    }

    /** The provider's user (ID token and user info, checked by Spring Security), provisioned into Camunda. */
    private OidcUser provisioned(OidcUserRequest request) {
        OidcUser user = provider.loadUser(request);
        try {
            provisioning.provision(user);
        } catch (BadCredentialsException e) {
            throw new OAuth2AuthenticationException(new OAuth2Error(REFUSED, e.getMessage(), null), e.getMessage(), e);
        }
        return user;
    }

    /** What Camunda's login form does after checking the password, then on to the portal's home. */
    private void signIn(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        String userId = provisioning.claims((OidcUser) authentication.getPrincipal()).userId();
        UserAuthentication camunda = AuthenticationUtil.createAuthentication(engine, userId);
        if (camunda == null || !camunda.isAuthorizedForApp(TASKLIST)) {
            // As the login form answers a user without rights to Tasklist: here, no role in the
            // claims, which only the provider's side can change.
            tokens.removeAuthorizedClient(((OAuth2AuthenticationToken) authentication).getAuthorizedClientRegistrationId(),
                    authentication, request, response);
            refuse(request, response, new OAuth2AuthenticationException(new OAuth2Error(REFUSED,
                    "Il tuo account non ha un ruolo Family Audit: chiedi a chi gestisce il tuo accesso SSO di "
                            + "assegnartene uno / Your account has no Family Audit role: ask whoever manages your "
                            + "single sign-on to give you one",
                    null)));
            return;
        }
        Date revalidation = ServletContextUtil.getAuthCacheValidationTime(request.getServletContext());
        if (revalidation != null) {
            camunda.setCacheValidationTime(revalidation);
        }
        // A new session, as after the login form: an id planted before the sign-in gets nothing.
        AuthenticationUtil.revalidateSession(request, camunda);
        log.info("Single sign-on: '{}' signed in to the webapps", userId);
        // The portal is the front door: its home lists the user's tasks, each a link into Tasklist.
        response.sendRedirect(request.getContextPath() + "/");
    }

    /**
     * A page that says why, instead of Spring Security's redirect to a login page we do not have.
     * Only our own refusals are shown in detail; the provider's and the protocol's errors are logged.
     */
    private void refuse(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String reason = e instanceof OAuth2AuthenticationException o && REFUSED.equals(o.getError().getErrorCode())
                ? o.getError().getDescription()
                : "Il provider non ha confermato l'accesso, oppure la richiesta è scaduta: riprova / "
                        + "The provider did not confirm the sign-in, or the request expired: please try again";
        log.info("Single sign-on to the webapps refused: {}", e.getMessage());
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Security-Policy", SecurityConfig.CONTENT_SECURITY_POLICY);
        String base = HtmlUtils.htmlEscape(request.getContextPath(), "UTF-8");
        response.getWriter().write("""
                <!doctype html>
                <html lang="it">
                <head>
                  <meta charset="utf-8">
                  <title>Accesso non riuscito</title>
                  <link rel="stylesheet" href="%1$s/index.css">
                </head>
                <body>
                  <h1>Accesso non riuscito <span class="en">Sign-in failed</span></h1>
                  <p>%2$s</p>
                  <p><a href="%1$s/accedi">Accedi</a> — gli utenti locali accedono con la password
                    <span class="en">(local users sign in with their password)</span></p>
                </body>
                </html>
                """.formatted(base, HtmlUtils.htmlEscape(reason, "UTF-8")));
    }
}
