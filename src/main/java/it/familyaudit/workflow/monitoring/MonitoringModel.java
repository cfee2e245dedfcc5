package it.familyaudit.workflow.monitoring;

import it.familyaudit.workflow.security.PeopleModel;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The yearly monitoring round, as people meet it in Tasklist: the cycle starts it, nobody by hand. */
@Configuration(proxyBeanMethods = false)
class MonitoringModel {

    @Bean
    PeopleModel monitoringPeopleModel() {
        return new PeopleModel(MonitoringProcess.KEY, Set.of());
    }
}
