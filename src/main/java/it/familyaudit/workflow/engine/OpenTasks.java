package it.familyaudit.workflow.engine;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Looks up open tasks by id or by process instance, each with its candidate groups, in one
 * statement straight from the engine's tables. These run on every API call: the engine's task
 * query builds a very large dynamic SQL statement each time, and its own candidate-group call
 * loads the task and checks authorizations for every single task.
 */
@Component
public class OpenTasks {

    /** An open task as our API shows and checks it. */
    public record OpenTask(String id, String taskKey, String name, String assignee, String tenantId,
                           String processInstanceId, String processDefinitionId, Instant created, Instant due,
                           List<String> candidateGroups) {

        public static OpenTask of(Task t, List<String> candidateGroups) {
            return new OpenTask(t.getId(), t.getTaskDefinitionKey(), t.getName(), t.getAssignee(), t.getTenantId(),
                    t.getProcessInstanceId(), t.getProcessDefinitionId(), instant(t.getCreateTime()),
                    instant(t.getDueDate()), candidateGroups);
        }

        OpenTask withCandidateGroups(List<String> groups) {
            return new OpenTask(id, taskKey, name, assignee, tenantId, processInstanceId, processDefinitionId, created,
                    due, groups);
        }

        /** Also for the {@link java.sql.Timestamp}s of our own reading. */
        private static Instant instant(java.util.Date date) {
            return date == null ? null : date.toInstant();
        }
    }

    private final JdbcClient jdbc;
    private final String tasks;
    private final String identityLinks;

    OpenTasks(ManagementService management, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.tasks = management.getTableName(EngineTable.TASK.entity());
        this.identityLinks = management.getTableName(EngineTable.IDENTITY_LINK.entity());
    }

    public Optional<OpenTask> byId(String taskId) {
        return select("t.ID_ = :id", "id", List.of(taskId)).stream().findFirst();
    }

    /** The open tasks of a process instance, oldest first; none for no process instance. */
    public List<OpenTask> ofProcessInstance(String processInstanceId) {
        return processInstanceId == null ? List.of() : ofProcessInstances(List.of(processInstanceId));
    }

    /** The open tasks of these process instances, oldest first. */
    public List<OpenTask> ofProcessInstances(Collection<String> processInstanceIds) {
        return processInstanceIds.isEmpty() ? List.of() : select("t.PROC_INST_ID_ IN (:pis)", "pis", processInstanceIds);
    }

    /** The open tasks due from {@code from} (included) to {@code to} (excluded), soonest first. */
    public List<OpenTask> dueBetween(Instant from, Instant to) {
        List<String> ids = jdbc.sql("""
                        SELECT ID_ FROM %s WHERE DUE_DATE_ >= :from AND DUE_DATE_ < :to ORDER BY DUE_DATE_, ID_"""
                        .formatted(tasks))
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(String.class).list();
        return ids.isEmpty() ? List.of() : select("t.ID_ IN (:ids)", "ids", ids);
    }

    /**
     * Locks the open task's row until the transaction ends: of several completions of one task at once, the
     * first goes on and the others wait for it, then find the task gone ({@code false}), instead of running
     * into each other's records half-way.
     */
    public boolean lock(String taskId) {
        return !jdbc.sql("SELECT ID_ FROM %s WHERE ID_ = :id FOR UPDATE".formatted(tasks)).param("id", taskId)
                .query(String.class).list().isEmpty();
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

    /** The tasks matching {@code where} with their candidate groups: one row per task and group. */
    private List<OpenTask> select(String where, String param, Collection<String> values) {
        Map<String, OpenTask> found = new LinkedHashMap<>();
        Map<String, List<String>> groups = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT t.ID_, t.TASK_DEF_KEY_, t.NAME_, t.ASSIGNEE_, t.TENANT_ID_, t.PROC_INST_ID_, t.PROC_DEF_ID_,
                               t.CREATE_TIME_, t.DUE_DATE_, l.GROUP_ID_
                        FROM %s t
                        LEFT JOIN %s l ON l.TASK_ID_ = t.ID_ AND l.TYPE_ = :type AND l.GROUP_ID_ IS NOT NULL
                        WHERE %s
                        ORDER BY t.CREATE_TIME_, t.ID_, l.GROUP_ID_""".formatted(tasks, identityLinks, where))
                .param(param, values)
                .param("type", IdentityLinkType.CANDIDATE)
                .query(rs -> {
                    String id = rs.getString(1);
                    if (!found.containsKey(id)) {
                        found.put(id, new OpenTask(id, rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), OpenTask.instant(rs.getTimestamp(8)),
                                OpenTask.instant(rs.getTimestamp(9)), List.of()));
                        groups.put(id, new ArrayList<>());
                    }
                    if (rs.getString(10) != null) {
                        groups.get(id).add(rs.getString(10));
                    }
                });
        return found.values().stream().map(t -> t.withCandidateGroups(List.copyOf(groups.get(t.id())))).toList();
    }
}
