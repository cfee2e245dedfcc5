package it.familyaudit.workflow.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Indexes the engine's own schema lacks for the way we use it, made once when the engine starts:
 * the engine creates its tables when it is built, after Flyway has run. Besides those declared by
 * other features ({@link EngineIndex} beans), one is the engine's own need: completing a task
 * makes it look for the task's subtasks by {@code PARENT_TASK_ID_}, which Camunda does not index,
 * so with 20,000 open tasks each completion read the whole task table. Another is the job
 * executor's: it looks for due jobs ({@code DUEDATE_} empty or past) every few seconds, and each
 * certified organisation keeps a timer waiting for its next monitoring round, so without an index
 * on the due date each look read every waiting timer.
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

    private static final EngineIndex SUBTASKS = new EngineIndex("FA_IDX_TASK_PARENT", EngineTable.TASK,
            "(PARENT_TASK_ID_)", false);
    private static final EngineIndex DUE_JOBS = new EngineIndex("FA_IDX_JOB_DUEDATE", EngineTable.JOB, "(DUEDATE_)", false);

    private final List<EngineIndex> indexes = new ArrayList<>();

    EngineIndexes(List<EngineIndex> declared) {
        indexes.add(SUBTASKS);
        indexes.add(DUE_JOBS);
        indexes.addAll(declared);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        boolean postgres = "postgres".equals(configuration.getDatabaseType());
        try (Connection connection = configuration.getDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            for (EngineIndex index : indexes) {
                if (!index.postgresOnly() || postgres) {
                    statement.execute("CREATE INDEX IF NOT EXISTS " + index.name() + " ON "
                            + engine.getManagementService().getTableName(index.table().entity()) + " " + index.definition());
                }
            }
        } catch (SQLException e) {
            throw new ProcessEngineException("Cannot index the engine's tables", e);
        }
    }
}
