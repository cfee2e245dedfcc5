package it.familyaudit.workflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

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
