package it.familyaudit.workflow.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * Indexes the engine's own schema lacks for the way we use it. Completing a task makes the engine
 * look for the task's subtasks by {@code PARENT_TASK_ID_}, which Camunda does not index: with
 * 20,000 open tasks each completion read the whole task table. The engine creates its tables when
 * it is built, after Flyway has run, so the index is added here, once, on H2 and PostgreSQL alike.
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
        String tasks = engine.getManagementService().getTableName(TaskEntity.class);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE INDEX IF NOT EXISTS FA_IDX_TASK_PARENT ON " + tasks + " (PARENT_TASK_ID_)");
        } catch (SQLException e) {
            throw new ProcessEngineException("Cannot index the engine's task table", e);
        }
    }
}
