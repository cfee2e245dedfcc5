package it.familyaudit.workflow.tasks;

import it.familyaudit.workflow.security.Roles;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which certification and organisation each process instance serves: one query for a whole page of tasks. */
@Repository
class TaskCertifications {

    record Ref(long certificationId, String organizationCode, String organizationName, String consultant,
               String evaluator) {

        /** Whether a task for these groups is this user's as the certification's consultant or evaluator. */
        boolean assigns(String userId, Collection<String> taskGroups) {
            return taskGroups.contains(Roles.CONSULTANT) && userId.equals(consultant)
                    || taskGroups.contains(Roles.EVALUATOR) && userId.equals(evaluator);
        }
    }

    private final JdbcClient db;

    TaskCertifications(JdbcClient db) {
        this.db = db;
    }

    /** Each process instance's certification: its own process, or one working for it (a monitoring round). */
    Map<String, Ref> byProcessInstance(Collection<String> processInstanceIds) {
        Map<String, Ref> refs = new HashMap<>();
        if (processInstanceIds.isEmpty()) {
            return refs;
        }
        db.sql("""
                SELECT p.process_instance_id, c.id, o.code, o.name, c.consultant_user_id, c.evaluator_user_id
                FROM (SELECT process_instance_id, id AS certification_id FROM fa_certification
                      WHERE process_instance_id IN (:ids)
                      UNION ALL
                      SELECT process_instance_id, certification_id FROM fa_certification_process
                      WHERE process_instance_id IN (:ids)) p
                JOIN fa_certification c ON c.id = p.certification_id
                JOIN fa_organization o ON o.id = c.organization_id
                """)
                .param("ids", List.copyOf(processInstanceIds))
                .query(rs -> {
                    refs.put(rs.getString(1), new Ref(rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)));
                });
        return refs;
    }
}
