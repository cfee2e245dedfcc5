package it.familyaudit.workflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/** Servlet-level pieces of our error handling, for the parts of the app Spring MVC does not serve. */
@Configuration(proxyBeanMethods = false)
class WebConfig {

    /** First of all filters, so that whatever a request logs, even a refused sign-in, carries its id. */
    @Bean
    FilterRegistrationBean<RequestLog> requestLog() {
        FilterRegistrationBean<RequestLog> registration = new FilterRegistrationBean<>(new RequestLog());
        registration.addUrlPatterns("/*");
        registration.setName("requestLog");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Before the security filters, which would read the dropped fields as an expired form. */
    @Bean
    FilterRegistrationBean<FormPostLimit> formPostLimit(
            @Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize limit) {
        FilterRegistrationBean<FormPostLimit> registration = new FilterRegistrationBean<>(
                new FormPostLimit(limit.toBytes()));
        registration.addUrlPatterns("/*");
        registration.setName("formPostLimit");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Camunda's REST API and the webapps' API are Jersey servlets: a filter is what reaches both. */
    @Bean
    FilterRegistrationBean<EngineServerErrorFilter> engineServerErrors(ObjectMapper json) {
        FilterRegistrationBean<EngineServerErrorFilter> registration =
                new FilterRegistrationBean<>(new EngineServerErrorFilter(json));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setName("engineServerErrors");
        return registration;
    }
}
