package it.familyaudit.workflow.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Sessions kept in the database ({@code SPRING_SESSION}), for several instances of the application behind one
 * address: a sign-in to the portal (which also signs in to the Camunda webapps) made on one instance works on
 * every other. On with {@code family-audit.cluster.shared-sessions=true}; one instance keeps its sessions in
 * memory, as the servlet container does. The cookie keeps the container's name, so the webapps' own cookie
 * settings (SameSite) still apply to it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "family-audit.cluster.shared-sessions", havingValue = "true")
@EnableJdbcHttpSession(tableName = "SPRING_SESSION", maxInactiveIntervalInSeconds = 1800)
class SharedSessions {

    @Bean
    CookieSerializer sessionCookie() {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName("JSESSIONID");
        cookie.setCookiePath("/");
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        return cookie; // Secure on TLS requests (the serializer's default), as the container's cookie
    }
}
