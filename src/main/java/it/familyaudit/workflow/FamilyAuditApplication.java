package it.familyaudit.workflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class FamilyAuditApplication {

    public static void main(String[] args) {
        SpringApplication.run(FamilyAuditApplication.class, args);
    }
}
