package it.familyaudit.workflow.audit;

import it.familyaudit.workflow.security.KnownMemberships;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Camunda's own user store, with every change of roles (group memberships), of access to
 * organisations (tenant memberships) and of users, and every failed password check, written to
 * the audit trail in the same transaction. Whatever makes the change — Camunda Admin,
 * {@code /engine-rest}, our services or a login form — passes here, and so every change that can
 * alter someone's roles or organisations makes the remembered ones be read again ({@link KnownMemberships}).
 */
class AuditedIdentityProvider extends DbIdentityServiceProvider {

    private final AuditTrail audit;
    private final KnownMemberships memberships;

    AuditedIdentityProvider(AuditTrail audit, KnownMemberships memberships) {
        this.audit = audit;
        this.memberships = memberships;
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        boolean valid = super.checkPassword(userId, password);
        if (!valid) {
            audit.record(userId, AuditAction.LOGIN_FAILED, null, null, userId,
                    "Password errata, utente sconosciuto o bloccato / Wrong password, unknown or locked user");
        }
        return valid;
    }

    /**
     * Single sign-on users have no password: Camunda would fail on the missing hash with a
     * server error instead of refusing the login, so a user without one never passes a password check.
     */
    @Override
    protected boolean matchPassword(String password, UserEntity user) {
        return user.getPassword() != null && super.matchPassword(password, user);
    }

    @Override
    public IdentityOperationResult saveUser(User user) {
        IdentityOperationResult result = super.saveUser(user);
        if (IdentityOperationResult.OPERATION_CREATE.equals(result.getOperation())) {
            audit.record(AuditAction.USER_CREATED, null, null, user.getId(), null);
        }
        return result;
    }

    @Override
    public IdentityOperationResult deleteUser(String userId) {
        memberships.changed(userId);
        return recorded(super.deleteUser(userId), AuditAction.USER_DELETED, null, userId, null);
    }

    @Override
    public IdentityOperationResult createMembership(String userId, String groupId) {
        memberships.changed(userId);
        return recorded(super.createMembership(userId, groupId), AuditAction.ROLE_GRANTED, null, userId, "ruolo " + groupId);
    }

    @Override
    public IdentityOperationResult deleteMembership(String userId, String groupId) {
        memberships.changed(userId);
        return recorded(super.deleteMembership(userId, groupId), AuditAction.ROLE_REVOKED, null, userId, "ruolo " + groupId);
    }

    @Override
    public IdentityOperationResult createTenantUserMembership(String tenantId, String userId) {
        memberships.changed(userId);
        return recorded(super.createTenantUserMembership(tenantId, userId), AuditAction.ORGANISATION_MEMBER_ADDED,
                tenantId, userId, "utente");
    }

    @Override
    public IdentityOperationResult deleteTenantUserMembership(String tenantId, String userId) {
        memberships.changed(userId);
        return recorded(super.deleteTenantUserMembership(tenantId, userId), AuditAction.ORGANISATION_MEMBER_REMOVED,
                tenantId, userId, "utente");
    }

    @Override
    public IdentityOperationResult createTenantGroupMembership(String tenantId, String groupId) {
        memberships.changed();
        return recorded(super.createTenantGroupMembership(tenantId, groupId), AuditAction.ORGANISATION_MEMBER_ADDED,
                tenantId, groupId, "gruppo");
    }

    @Override
    public IdentityOperationResult deleteTenantGroupMembership(String tenantId, String groupId) {
        memberships.changed();
        return recorded(super.deleteTenantGroupMembership(tenantId, groupId), AuditAction.ORGANISATION_MEMBER_REMOVED,
                tenantId, groupId, "gruppo");
    }

    /** A group's or an organisation's memberships go with it. */
    @Override
    public IdentityOperationResult deleteGroup(String groupId) {
        memberships.changed();
        return super.deleteGroup(groupId);
    }

    @Override
    public IdentityOperationResult deleteTenant(String tenantId) {
        memberships.changed();
        return super.deleteTenant(tenantId);
    }

    /** Only what really changed: Camunda answers "none" when there was nothing to do. */
    private IdentityOperationResult recorded(IdentityOperationResult result, AuditAction action, String organization,
                                             String subject, String detail) {
        if (result != null && !IdentityOperationResult.OPERATION_NONE.equals(result.getOperation())) {
            audit.record(action, null, organization, subject, detail);
        }
        return result;
    }
}
