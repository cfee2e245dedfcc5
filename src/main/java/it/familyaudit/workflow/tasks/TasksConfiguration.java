package it.familyaudit.workflow.tasks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TasksConfiguration {

    @Bean
    FormRegistry formRegistry(ObjectMapper json) {
        return FormRegistry.loadFromClasspath(json);
    }

    @Bean
    TaskSteps taskSteps(List<TaskStep> steps) {
        return new TaskSteps(steps);
    }
}
