package it.familyaudit.workflow.engine;

import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MembershipEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TenantMembershipEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/** The engine's tables that our own statements read or index, by the entity the engine stores in each. */
public enum EngineTable {
    TASK(TaskEntity.class),
    IDENTITY_LINK(IdentityLinkEntity.class),
    GROUP_MEMBERSHIP(MembershipEntity.class),
    TENANT_MEMBERSHIP(TenantMembershipEntity.class),
    USER(UserEntity.class),
    JOB(JobEntity.class);

    private final Class<?> entity;

    EngineTable(Class<?> entity) {
        this.entity = entity;
    }

    /** What {@code ManagementService.getTableName} wants: the table's name follows the configured prefix. */
    Class<?> entity() {
        return entity;
    }
}
