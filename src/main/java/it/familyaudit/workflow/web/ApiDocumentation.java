package it.familyaudit.workflow.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What {@code /v3/api-docs} and {@code /swagger-ui.html} say about the API as a whole; each
 * controller says what its operations do ({@code @Operation}).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    private static final String BASIC = "basic";

    @Bean
    OpenAPI familyAuditApi(ObjectProvider<BuildProperties> build) {
        String version = build.getIfAvailable() == null ? "dev" : build.getIfAvailable().getVersion();
        return new OpenAPI()
                .info(new Info()
                        .title("Family Audit Workflow API")
                        .version(version)
                        .description("""
                                Il percorso di certificazione Family Audit: certificazioni, attività con i loro \
                                moduli, piano delle azioni, questionario, monitoraggio, certificati e registro di \
                                controllo. Ogni errore è un problem detail (RFC 7807), in italiano e in inglese.

                                The Family Audit certification: certifications, tasks with their forms, the action \
                                plan, the questionnaire, monitoring, certificates and the audit trail. Every error \
                                is an RFC 7807 problem detail, Italian first, English second."""))
                .components(new Components().addSecuritySchemes(BASIC,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }
}
