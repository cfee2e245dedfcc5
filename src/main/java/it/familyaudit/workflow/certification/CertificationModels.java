package it.familyaudit.workflow.certification;

import it.familyaudit.workflow.security.PeopleModel;
import it.familyaudit.workflow.security.Roles;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cycle's models, as people meet them in Tasklist: the referent starts each of them. */
@Configuration(proxyBeanMethods = false)
class CertificationModels {

    @Bean
    PeopleModel certificationPeopleModel() {
        return new PeopleModel(CertificationProcess.KEY, Set.of(Roles.REFERENT));
    }

    @Bean
    PeopleModel maintenancePeopleModel() {
        return new PeopleModel(MaintenanceProcess.KEY, Set.of(Roles.REFERENT));
    }
}
