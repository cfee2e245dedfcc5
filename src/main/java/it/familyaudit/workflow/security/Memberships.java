package it.familyaudit.workflow.security;

import it.familyaudit.workflow.engine.EngineIndex;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.MembershipEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TenantMembershipEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A user's groups (our roles) and organisations, read from Camunda's identity tables in one
 * statement: the engine's group and tenant queries cost two commands and two large dynamic
 * statements, a seventh of the application's CPU under load. What was read is kept for a few
 * seconds ({@link KnownMemberships}); Camunda Admin still manages the memberships, and a change
 * applies to the very next call.
 */
@Component
class Memberships {

    /**
     * A group's membership of a tenant, other than the agency's and the council's of every one. Those
     * are nearly all the group memberships, so without {@link #ROLE_TENANTS} PostgreSQL reads every
     * tenant membership on every call (a millisecond with a few hundred organisations); the query
     * states the index's condition, so that the planner may use it.
     */
    private static String ofSomeOrganisations(String groupColumn) {
        return groupColumn + " NOT IN (" + Roles.AGENCY_ROLES.stream().sorted().map(role -> "'" + role + "'")
                .collect(Collectors.joining(", ")) + ")";
    }

    /** The index behind the lookup above: on PostgreSQL a partial one, holding only those few rows. */
    static final EngineIndex ROLE_TENANTS = new EngineIndex("FA_IDX_TENANT_MEMB_ROLE", TenantMembershipEntity.class,
            "(GROUP_ID_) WHERE " + ofSomeOrganisations("GROUP_ID_"), true);

    private final JdbcClient jdbc;
    private final KnownMemberships known;
    private final String groupMembers;
    private final String tenantMembers;

    Memberships(JdbcClient jdbc, KnownMemberships known, ManagementService management) {
        this.jdbc = jdbc;
        this.known = known;
        this.groupMembers = management.getTableName(MembershipEntity.class);
        this.tenantMembers = management.getTableName(TenantMembershipEntity.class);
    }

    /**
     * The agency and the council act in every organisation: their groups belong to every tenant,
     * and listing thousands of tenants on each call would cost more than the rest of it.
     */
    CurrentUser of(String userId) {
        return known.of(userId, this::read);
    }

    private CurrentUser read(String userId) {
        List<String[]> rows = jdbc.sql("""
                        SELECT 'G', GROUP_ID_ FROM %1$s WHERE USER_ID_ = :user
                        UNION ALL
                        SELECT 'T', TENANT_ID_ FROM %2$s WHERE USER_ID_ = :user
                        UNION ALL
                        SELECT 'T', t.TENANT_ID_ FROM %2$s t JOIN %1$s m ON m.GROUP_ID_ = t.GROUP_ID_
                        WHERE m.USER_ID_ = :user AND %3$s"""
                        .formatted(groupMembers, tenantMembers, ofSomeOrganisations("t.GROUP_ID_")))
                .param("user", userId)
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        Set<String> groups = new HashSet<>();
        Set<String> tenants = new HashSet<>();
        for (String[] row : rows) {
            (row[0].equals("G") ? groups : tenants).add(row[1]);
        }
        if (groups.stream().anyMatch(Roles.AGENCY_ROLES::contains)) {
            tenants.clear();
        }
        return new CurrentUser(userId, groups, tenants);
    }
}
