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

    /** A user holding {@code group}, with what a letter to them needs. */
    public record Member(String userId, String firstName, String lastName, String email, String group) {
    }

    private final JdbcClient jdbc;
    private final String groupMembers;
    private final String tenantMembers;
    private final String users;

    EngineMemberships(JdbcClient jdbc, ManagementService management) {
        this.jdbc = jdbc;
        this.groupMembers = management.getTableName(EngineTable.GROUP_MEMBERSHIP.entity());
        this.tenantMembers = management.getTableName(EngineTable.TENANT_MEMBERSHIP.entity());
        this.users = management.getTableName(EngineTable.USER.entity());
    }

    /**
     * The users who belong to the tenant themselves and hold any of these groups: read from the tenant's few
     * members (by the tenant's index), never from every holder of a group across all tenants.
     */
    public List<Member> membersInTenant(String tenantId, Collection<String> groups) {
        return groups.isEmpty() ? List.of() : jdbc.sql("""
                        SELECT u.ID_, u.FIRST_, u.LAST_, u.EMAIL_, m.GROUP_ID_
                        FROM %s t JOIN %s m ON m.USER_ID_ = t.USER_ID_ JOIN %s u ON u.ID_ = t.USER_ID_
                        WHERE t.TENANT_ID_ = :tenant AND m.GROUP_ID_ IN (:groups)
                        ORDER BY u.ID_""".formatted(tenantMembers, groupMembers, users))
                .param("tenant", tenantId).param("groups", groups).query(EngineMemberships::member).list();
    }

    /**
     * Every holder of these groups (for groups small by nature: the agency's, the consultants'): the group's
     * memberships by their index (a membership always has its user: a foreign key), each holder's name and address
     * looked up by the user's key. Joined instead, PostgreSQL reads the whole user table (every organisation's
     * people) for a group of a few hundred.
     */
    public List<Member> membersOf(Collection<String> groups) {
        return groups.isEmpty() ? List.of() : jdbc.sql("""
                        SELECT m.USER_ID_,
                               (SELECT u.FIRST_ FROM %2$s u WHERE u.ID_ = m.USER_ID_),
                               (SELECT u.LAST_ FROM %2$s u WHERE u.ID_ = m.USER_ID_),
                               (SELECT u.EMAIL_ FROM %2$s u WHERE u.ID_ = m.USER_ID_),
                               m.GROUP_ID_
                        FROM %1$s m
                        WHERE m.GROUP_ID_ IN (:groups)
                        ORDER BY m.USER_ID_, m.GROUP_ID_""".formatted(groupMembers, users))
                .param("groups", groups).query(EngineMemberships::member).list();
    }

    /** These users, if they hold {@code group}. */
    public List<Member> usersInGroup(Collection<String> userIds, String group) {
        return userIds.isEmpty() ? List.of() : jdbc.sql("""
                        SELECT u.ID_, u.FIRST_, u.LAST_, u.EMAIL_, m.GROUP_ID_
                        FROM %s u JOIN %s m ON m.USER_ID_ = u.ID_
                        WHERE u.ID_ IN (:users) AND m.GROUP_ID_ = :group
                        ORDER BY u.ID_""".formatted(users, groupMembers))
                .param("users", userIds).param("group", group).query(EngineMemberships::member).list();
    }

    private static Member member(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Member(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
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
