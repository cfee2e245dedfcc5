package it.familyaudit.workflow.tasks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Looks up open tasks by id or by process instance. These run on every API call, and the
 * engine's general task query builds a very large dynamic SQL statement each time (a fifth of the
 * application's CPU under load); Camunda's native query with a small fixed statement does the same.
 * Candidate groups are read straight from the engine's identity-link table, for many tasks at
 * once: the engine's own call loads the task and checks authorizations for every single task.
 */
@Component
public class OpenTasks {

    private final TaskService tasks;
    private final JdbcClient jdbc;
    private final String table;
    private final String identityLinks;

    OpenTasks(TaskService tasks, ManagementService management, JdbcClient jdbc) {
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.table = management.getTableName(TaskEntity.class);
        this.identityLinks = management.getTableName(IdentityLinkEntity.class);
    }

    public Optional<Task> byId(String taskId) {
        return Optional.ofNullable(tasks.createNativeTaskQuery()
                .sql("SELECT * FROM " + table + " WHERE ID_ = #{id}")
                .parameter("id", taskId)
                .singleResult());
    }

    /** The open tasks of a process instance, oldest first. */
    public List<Task> ofProcessInstance(String processInstanceId) {
        return tasks.createNativeTaskQuery()
                .sql("SELECT * FROM " + table + " WHERE PROC_INST_ID_ = #{pi} ORDER BY CREATE_TIME_, ID_")
                .parameter("pi", processInstanceId)
                .list();
    }

    public List<String> candidateGroups(String taskId) {
        return candidateGroups(List.of(taskId)).getOrDefault(taskId, List.of());
    }

    /** Candidate groups per task id; a task without any is absent from the map. */
    public Map<String, List<String>> candidateGroups(Collection<String> taskIds) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        if (taskIds.isEmpty()) {
            return groups;
        }
        jdbc.sql("""
                        SELECT TASK_ID_, GROUP_ID_ FROM %s
                        WHERE TASK_ID_ IN (:tasks) AND TYPE_ = :type AND GROUP_ID_ IS NOT NULL
                        ORDER BY TASK_ID_, GROUP_ID_""".formatted(identityLinks))
                .param("tasks", taskIds)
                .param("type", IdentityLinkType.CANDIDATE)
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(link -> groups.computeIfAbsent(link.getKey(), k -> new ArrayList<>()).add(link.getValue()));
        return groups;
    }
}
