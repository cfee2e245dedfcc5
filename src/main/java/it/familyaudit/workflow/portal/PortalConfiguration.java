package it.familyaudit.workflow.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Italian first: every page is Italian unless the reader chose English with the language switch
 * ({@code ?lang=en}), which a cookie remembers. The browser's language does not decide: an Italian
 * public service speaks Italian to whoever does not ask otherwise.
 */
@Configuration(proxyBeanMethods = false)
class PortalConfiguration implements WebMvcConfigurer {

    static final Locale ITALIAN = Locale.ITALIAN;
    /** The pages whose address holds a password link's token ({@link PasswordPage}). */
    static final String PASSWORD_PAGES = "/password/**";

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("fa_lingua");
        resolver.setDefaultLocale(ITALIAN);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    /** Only the two languages the pages are written in; any other value changes nothing. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // A password link's token is in the address: no copy of these pages in any cache, and no
        // address sent on to the next page, even one of ours. Set before the page is written, so
        // Spring Security's defaults (which leave a header already set alone) do not replace them.
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                response.setHeader("Referrer-Policy", "no-referrer");
                return true;
            }
        }).addPathPatterns(PASSWORD_PAGES);
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                String lang = request.getParameter("lang");
                if ("it".equals(lang) || "en".equals(lang)) {
                    LocaleResolver resolver = RequestContextUtils.getLocaleResolver(request);
                    if (resolver != null) {
                        resolver.setLocale(request, response, Locale.forLanguageTag(lang));
                    }
                }
                return true;
            }
        });
    }
}
