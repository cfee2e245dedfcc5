package it.familyaudit.workflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Deny by default. {@code /api} and {@code /engine-rest} take HTTP Basic against Camunda's users
 * and keep no session (so no cookie, and nothing for a cross-site request to ride on);
 * {@code /engine-rest} is for administrators only. The Camunda webapps under {@code /camunda}
 * run their own login, CSRF protection and authorization checks. Optionally {@code /api} also
 * accepts single sign-on tokens (see {@link OidcAuthenticationConverter}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain engineRest(HttpSecurity http, CurrentUsers users, ObjectMapper json) throws Exception {
        http.securityMatcher(paths("/engine-rest/**"))
                .authorizeHttpRequests(a -> a.anyRequest().hasAuthority(Roles.ADMIN))
                .addFilterAfter(new EngineRestAuthenticationFilter(users), AuthorizationFilter.class);
        return stateless(http, json).build();
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
        return stateless(http, json).build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers(paths("/camunda/**", "/actuator/health", "/actuator/health/**", "/",
                                "/index.html", "/favicon.ico", "/error")).permitAll()
                        .anyRequest().denyAll())
                // The webapps protect themselves against CSRF with their own filter and token.
                .csrf(c -> c.ignoringRequestMatchers(paths("/camunda/**")))
                .headers(h -> h.frameOptions(f -> f.sameOrigin()));
        return http.build();
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
        return http.httpBasic(b -> b.authenticationEntryPoint((req, res, e) -> problem(res, json,
                        HttpStatus.UNAUTHORIZED, "Autenticazione richiesta / Authentication required",
                        "Basic realm=\"Family Audit\"")))
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
