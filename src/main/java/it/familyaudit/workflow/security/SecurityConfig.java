package it.familyaudit.workflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import it.familyaudit.workflow.engine.EngineIndex;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Deny by default. The portal ({@code /}, {@link #portal}) signs people in with a form and a
 * session it shares with the Camunda webapps. {@code /api} and {@code /engine-rest} take HTTP Basic against Camunda's users
 * and keep no session (so no cookie, and nothing for a cross-site request to ride on);
 * {@code /engine-rest} is for administrators only. The Camunda webapps under {@code /camunda}
 * run their own login, CSRF protection and authorization checks. The employees' questionnaire under
 * {@code /questionario} is public, with a CSRF token of its own. Optionally {@code /api} also
 * accepts single sign-on tokens (see {@link OidcAuthenticationConverter}) and the webapps offer the
 * provider's sign-in (see {@link OidcWebappLogin}). An account that Camunda holds back after failed
 * sign-ins gets 429 with Retry-After (401 once only an administrator can unlock it).
 *
 * <p>Every response carries the browser protections: no MIME sniffing, no framing by other
 * sites, no referrer to other sites, HSTS when the request came over TLS (directly or through a
 * proxy's {@code X-Forwarded-Proto}) and, for our own pages and the API, a Content Security
 * Policy. The webapps send their own policy (with a nonce per page), so theirs is left alone.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /**
     * Our pages load nothing from elsewhere and run no inline code. Swagger UI needs its own files
     * and the data-URI icons of its stylesheet; the one inline style it injects is refused without
     * visible effect.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    static final String LOGIN_PAGE = "/accedi";
    /**
     * The portal's addresses (see {@link #portal}); {@code /ente} holds the agency's pages, {@code /preferenze}
     * each person's choices of mail.
     */
    static final String[] PORTAL_PATHS = {"/", "/index.html", LOGIN_PAGE, "/esci", "/certificazioni/**", "/attivita/**",
        "/ente/**", "/preferenze", "/registro", "/verifica", "/password/**", "/accessibilita", "/portale/**",
        "/webjars/**"};
    /**
     * Those anyone may open: the public home, the sign-in, the register, the verification, and the
     * page where a person sets their password with a link (they cannot sign in yet).
     */
    static final String[] PORTAL_PUBLIC_PATHS = {"/", "/index.html", LOGIN_PAGE, "/registro", "/verifica",
        "/password/**", "/accessibilita", "/portale/**", "/webjars/**"};

    /** What the questionnaire answers to a form without its token: a page for people, not a problem detail. */
    private static final String EXPIRED_FORM = """
            <!DOCTYPE html>
            <html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Modulo scaduto / Form expired</title><link rel="stylesheet" href="/questionario.css"></head>
            <body><main><h1>Modulo scaduto</h1>
            <p>Il modulo non è stato riconosciuto (forse è stato aperto da un'altra pagina, o i cookie sono disattivati):
            riaprire il link del questionario e riprovare.</p>
            <h2 lang="en">Form expired</h2>
            <p lang="en">The form was not recognised (perhaps it was opened from another page, or cookies are off):
            open the questionnaire link again and retry.</p></main></body></html>
            """;

    /** Who the caller is ({@link Memberships}) is read with this index on the engine's tenant memberships. */
    @Bean
    static EngineIndex roleTenantsIndex() {
        return Memberships.ROLE_TENANTS;
    }

    @Bean
    @Order(1)
    SecurityFilterChain engineRest(HttpSecurity http, CurrentUsers users, ObjectMapper json) throws Exception {
        http.securityMatcher(paths("/engine-rest/**"))
                .authorizeHttpRequests(a -> a.anyRequest().hasAuthority(Roles.ADMIN))
                .addFilterAfter(new EngineRestAuthenticationFilter(users), AuthorizationFilter.class);
        return stateless(http, json).headers(h -> protections(h, true)).build();
    }

    /** The metrics, for the administrator's monitoring (Prometheus scrapes with HTTP Basic). */
    @Bean
    @Order(1)
    SecurityFilterChain metrics(HttpSecurity http, ObjectMapper json) throws Exception {
        http.securityMatcher(paths("/actuator/prometheus"))
                .authorizeHttpRequests(a -> a.anyRequest().hasAuthority(Roles.ADMIN));
        return stateless(http, json).headers(h -> protections(h, true)).build();
    }

    /**
     * With single sign-on on ({@code family-audit.oidc.enabled}), a Bearer token of the configured
     * issuer is accepted next to HTTP Basic; otherwise a Bearer header authenticates nobody.
     */
    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, ObjectProvider<OidcAuthenticationConverter> oidc)
            throws Exception {
        http.securityMatcher(paths("/api/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated());
        OidcAuthenticationConverter converter = oidc.getIfAvailable();
        if (converter != null) {
            http.oauth2ResourceServer(o -> o
                    .jwt(j -> j.jwtAuthenticationConverter(converter))
                    .authenticationEntryPoint((req, res, e) -> problem(res, json, HttpStatus.UNAUTHORIZED,
                            "Token non valido / Invalid token", "Bearer error=\"invalid_token\"")));
        }
        return stateless(http, json).headers(h -> protections(h, true)).build();
    }

    /**
     * The webapps keep their own session, login and CSRF token (header {@code X-XSRF-TOKEN}), and
     * send their own Content Security Policy: Spring Security adds the other protections and
     * marks their cookies {@code Secure} on TLS requests, and stays out of their session.
     *
     * <p>With single sign-on on and an OpenID Connect client registered
     * ({@code spring.security.oauth2.client.registration}), the provider's sign-in is offered next
     * to the webapps' login form (see {@link OidcWebappLogin}); otherwise its addresses are not
     * served.
     */
    @Bean
    @Order(3)
    SecurityFilterChain camundaWebapps(HttpSecurity http, ObjectProvider<OidcUserProvisioning> provisioning,
                                       ObjectProvider<ClientRegistrationRepository> clients, ProcessEngine engine)
            throws Exception {
        OidcUserProvisioning users = provisioning.getIfAvailable();
        ClientRegistrationRepository registered = clients.getIfAvailable();
        boolean singleSignOn = users != null && registered != null;
        String[] patterns = singleSignOn
                ? Stream.concat(Stream.of("/camunda/**"), Arrays.stream(OidcWebappLogin.PATHS)).toArray(String[]::new)
                : new String[] {"/camunda/**"};
        http.securityMatcher(paths(patterns))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> protections(h, false))
                .addFilterBefore(new SecureCookiesFilter(), SecurityContextHolderFilter.class);
        // Logging out of the webapps ends the session, and so the portal's sign-in too.
        http.addFilterAfter(new LogoutEndsSession(), AuthorizationFilter.class);
        if (singleSignOn) {
            new OidcWebappLogin(users, engine).configure(http, registered);
        }
        return http.build();
    }

    /**
     * The employees' questionnaire: open to anyone (no login, no session). Its form is an ordinary
     * HTML POST, which a page on another site could send too; Spring Security's CSRF token guards
     * it without a session: a random value in an HttpOnly, SameSite=Lax cookie must come back in
     * the form, which only a page of ours can put there. Errors are plain pages in both languages.
     */
    @Bean
    @Order(4)
    SecurityFilterChain publicQuestionnaire(HttpSecurity http) throws Exception {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
        tokens.setCookieName("fa_questionario_csrf");
        tokens.setCookiePath("/questionario");
        tokens.setCookieCustomizer(c -> c.httpOnly(true).sameSite("Lax"));
        http.securityMatcher(paths("/questionario/**", "/questionario.css"))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.csrfTokenRepository(tokens))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(r -> r.disable())
                .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) -> {
                    res.setStatus(HttpStatus.FORBIDDEN.value());
                    res.setContentType("text/html;charset=UTF-8");
                    res.getWriter().write(EXPIRED_FORM);
                }))
                .headers(h -> protections(h, true));
        return http.build();
    }

    /**
     * The portal: its pages, the sign-in and the public register. A session (the same one as the
     * webapps', see {@link SharedSignIn}) after the sign-in form, Spring Security's CSRF token on
     * every POST, logout by POST. The public pages are open to anyone; the rest needs a sign-in,
     * and each page checks role and organisation through the features' services.
     */
    @Bean
    @Order(5)
    SecurityFilterChain portal(HttpSecurity http, ProcessEngine engine) throws Exception {
        SharedSignIn shared = new SharedSignIn(engine);
        SavedRequestAwareAuthenticationSuccessHandler toThePageAsked = new SavedRequestAwareAuthenticationSuccessHandler();
        toThePageAsked.setDefaultTargetUrl("/");
        ExceptionMappingAuthenticationFailureHandler failed = new ExceptionMappingAuthenticationFailureHandler();
        failed.setDefaultFailureUrl("/accedi?errore");
        failed.setExceptionMappings(Map.of(LoginLockedException.class.getName(), "/accedi?bloccato"));
        http.securityMatcher(paths(PORTAL_PATHS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(paths(PORTAL_PUBLIC_PATHS)).permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage(LOGIN_PAGE).loginProcessingUrl(LOGIN_PAGE)
                        .successHandler(shared.alsoIntoTheWebapps(toThePageAsked))
                        .failureHandler(failed))
                .logout(l -> l.logoutRequestMatcher(PathPatternRequestMatcher.withDefaults()
                                .matcher(HttpMethod.POST, "/esci"))
                        .logoutSuccessUrl("/?uscita")
                        .invalidateHttpSession(true))
                .addFilterAfter(shared.adoptingTheWebappsSignIn(), SecurityContextHolderFilter.class)
                .headers(h -> protections(h, true));
        return http.build();
    }

    @Bean
    @Order(6)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers(paths("/actuator/health", "/actuator/health/**",
                                "/index.css", "/favicon.ico", "/error")).permitAll()
                        .anyRequest().denyAll())
                .headers(h -> protections(h, true));
        return http.build();
    }

    /**
     * Spring Security's defaults (nosniff, no caching, HSTS on secure requests only) plus framing
     * by our own pages only, no referrer across sites and, unless the page sends its own, our
     * Content Security Policy.
     */
    private static void protections(HeadersConfigurer<HttpSecurity> headers, boolean ownPolicy) {
        headers.frameOptions(f -> f.sameOrigin())
                .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                .httpStrictTransportSecurity(Customizer.withDefaults());
        if (ownPolicy) {
            headers.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY));
        }
    }

    /**
     * Matchers on the whole path: the engine's REST API and the webapps are not served by Spring
     * MVC's dispatcher, so servlet-relative matchers would miss them.
     */
    private static RequestMatcher paths(String... patterns) {
        PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(Arrays.stream(patterns).<RequestMatcher>map(builder::matcher).toList());
    }

    private static HttpSecurity stateless(HttpSecurity http, ObjectMapper json) throws Exception {
        return http.httpBasic(b -> b.authenticationEntryPoint((req, res, e) -> {
                    if (e instanceof LoginLockedException locked && !locked.permanent()) {
                        res.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(locked.retryAfterSeconds()));
                        problem(res, json, HttpStatus.TOO_MANY_REQUESTS, locked.getMessage(), null);
                    } else {
                        problem(res, json, HttpStatus.UNAUTHORIZED, e instanceof LoginLockedException
                                ? e.getMessage() : "Autenticazione richiesta / Authentication required",
                                "Basic realm=\"Family Audit\"");
                    }
                }))
                .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) -> problem(res, json,
                        HttpStatus.FORBIDDEN, "Il tuo ruolo non permette questa operazione / Your role does not allow this",
                        null)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
    }

    private static void problem(HttpServletResponse response, ObjectMapper json, HttpStatus status, String detail,
                                String challenge) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (challenge != null) {
            response.setHeader("WWW-Authenticate", challenge);
        }
        json.writeValue(response.getOutputStream(), Map.of("type", problem.getType().toString(),
                "title", status.getReasonPhrase(), "status", status.value(), "detail", detail));
    }
}
