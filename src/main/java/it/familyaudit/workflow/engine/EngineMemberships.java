package it.familyaudit.workflow.engine;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A user's groups and tenants, read from Camunda's identity tables in one statement: the engine's
 * group and tenant queries cost two commands and two large dynamic statements, a seventh of the
 * application's CPU under load.
 */
@Component
public class EngineMemberships {

    /** The user's groups, and the tenants they belong to themselves or through a group. */
    public record Memberships(Set<String> groups, Set<String> tenants) {
    }

    private final JdbcClient jdbc;
    private final String groupMembers;
    private final String tenantMembers;

    EngineMemberships(JdbcClient jdbc, ManagementService management) {
        this.jdbc = jdbc;
        this.groupMembers = management.getTableName(EngineTable.GROUP_MEMBERSHIP.entity());
        this.tenantMembers = management.getTableName(EngineTable.TENANT_MEMBERSHIP.entity());
    }

    /**
     * The index behind {@link #of}: groups that belong to every tenant are nearly all the group
     * memberships of tenants, so without it PostgreSQL reads every tenant membership on every call
     * (a millisecond with a few hundred organisations). On PostgreSQL a partial one, holding only
     * the few other rows.
     */
    public static EngineIndex tenantsOfGroupsOtherThan(Collection<String> inEveryTenant) {
        return new EngineIndex("FA_IDX_TENANT_MEMB_ROLE", EngineTable.TENANT_MEMBERSHIP,
                "(GROUP_ID_) WHERE " + notAmong("GROUP_ID_", inEveryTenant), true);
    }

    /**
     * @param inEveryTenant groups that belong to every tenant (the agency's): their tenants are not
     *                      read, since listing thousands of them on each call would cost more than the rest
     */
    public Memberships of(String userId, Collection<String> inEveryTenant) {
        List<String[]> rows = jdbc.sql("""
                        SELECT 'G', GROUP_ID_ FROM %1$s WHERE USER_ID_ = :user
                        UNION ALL
                        SELECT 'T', TENANT_ID_ FROM %2$s WHERE USER_ID_ = :user
                        UNION ALL
                        SELECT 'T', t.TENANT_ID_ FROM %2$s t JOIN %1$s m ON m.GROUP_ID_ = t.GROUP_ID_
                        WHERE m.USER_ID_ = :user AND %3$s"""
                        .formatted(groupMembers, tenantMembers, notAmong("t.GROUP_ID_", inEveryTenant)))
                .param("user", userId)
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        Set<String> groups = new HashSet<>();
        Set<String> tenants = new HashSet<>();
        for (String[] row : rows) {
            (row[0].equals("G") ? groups : tenants).add(row[1]);
        }
        return new Memberships(groups, tenants);
    }

    /**
     * The query states the index's condition word for word, so that the planner may use it even
     * where it plans the statement once for all callers.
     */
    private static String notAmong(String groupColumn, Collection<String> groups) {
        return groupColumn + " NOT IN (" + groups.stream().sorted().map(group -> "'" + group + "'")
                .collect(Collectors.joining(", ")) + ")";
    }
}
