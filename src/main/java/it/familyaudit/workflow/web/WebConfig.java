package it.familyaudit.workflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Servlet-level pieces of our error handling, for the parts of the app Spring MVC does not serve. */
@Configuration(proxyBeanMethods = false)
class WebConfig {

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
