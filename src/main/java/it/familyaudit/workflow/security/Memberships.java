package it.familyaudit.workflow.security;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.MembershipEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TenantMembershipEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A user's groups (our roles) and organisations, read from Camunda's identity tables in one
 * statement on every API call: the engine's group and tenant queries cost two commands and two
 * large dynamic statements, a seventh of the application's CPU under load. Camunda Admin still
 * manages the memberships, and a change applies to the very next call.
 */
@Component
class Memberships {

    private final JdbcClient jdbc;
    private final String groupMembers;
    private final String tenantMembers;

    Memberships(JdbcClient jdbc, ManagementService management) {
        this.jdbc = jdbc;
        this.groupMembers = management.getTableName(MembershipEntity.class);
        this.tenantMembers = management.getTableName(TenantMembershipEntity.class);
    }

    /**
     * The agency and the council act in every organisation: their groups belong to every tenant,
     * and listing thousands of tenants on each call would cost more than the rest of it. Their
     * exclusion is stated on both sides of the join: the tenant side's statistics then tell
     * PostgreSQL that few rows remain, and it looks them up by index instead of reading every
     * tenant membership (a millisecond a call with 2,000 organisations).
     */
    CurrentUser of(String userId) {
        List<String[]> rows = jdbc.sql("""
                        SELECT 'G', GROUP_ID_ FROM %1$s WHERE USER_ID_ = :user
                        UNION ALL
                        SELECT 'T', TENANT_ID_ FROM %2$s WHERE USER_ID_ = :user
                        UNION ALL
                        SELECT 'T', t.TENANT_ID_ FROM %2$s t JOIN %1$s m ON m.GROUP_ID_ = t.GROUP_ID_
                        WHERE m.USER_ID_ = :user AND m.GROUP_ID_ NOT IN (:everyOrganisation)
                        AND t.GROUP_ID_ NOT IN (:everyOrganisation)"""
                        .formatted(groupMembers, tenantMembers))
                .param("user", userId)
                .param("everyOrganisation", List.copyOf(Roles.AGENCY_ROLES))
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
