package it.familyaudit.workflow.engine;

import it.familyaudit.workflow.engine.IdentityChange.Kind;
import java.util.List;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Camunda's own user store, telling {@link IdentityChanges} of every change of roles (group
 * memberships), of access to organisations (tenant memberships) and of users, and of every failed
 * password check, in the same transaction. Whatever makes the change passes here.
 */
class ObservedIdentityProvider extends DbIdentityServiceProvider {

    private final List<IdentityChanges> listeners;

    ObservedIdentityProvider(List<IdentityChanges> listeners) {
        this.listeners = listeners;
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        boolean valid = super.checkPassword(userId, password);
        if (!valid) {
            tell(new IdentityChange(Kind.LOGIN_FAILED, null, userId,
                    "Password errata, utente sconosciuto o bloccato / Wrong password, unknown or locked user"));
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
            tell(new IdentityChange(Kind.USER_CREATED, null, user.getId(), null));
        }
        return result;
    }

    @Override
    public IdentityOperationResult deleteUser(String userId) {
        changing(userId);
        return told(super.deleteUser(userId), Kind.USER_DELETED, null, userId, null);
    }

    @Override
    public IdentityOperationResult createMembership(String userId, String groupId) {
        changing(userId);
        return told(super.createMembership(userId, groupId), Kind.ROLE_GRANTED, null, userId, "ruolo " + groupId);
    }

    @Override
    public IdentityOperationResult deleteMembership(String userId, String groupId) {
        changing(userId);
        return told(super.deleteMembership(userId, groupId), Kind.ROLE_REVOKED, null, userId, "ruolo " + groupId);
    }

    @Override
    public IdentityOperationResult createTenantUserMembership(String tenantId, String userId) {
        changing(userId);
        return told(super.createTenantUserMembership(tenantId, userId), Kind.ORGANISATION_MEMBER_ADDED, tenantId,
                userId, "utente");
    }

    @Override
    public IdentityOperationResult deleteTenantUserMembership(String tenantId, String userId) {
        changing(userId);
        return told(super.deleteTenantUserMembership(tenantId, userId), Kind.ORGANISATION_MEMBER_REMOVED, tenantId,
                userId, "utente");
    }

    @Override
    public IdentityOperationResult createTenantGroupMembership(String tenantId, String groupId) {
        allChanging();
        return told(super.createTenantGroupMembership(tenantId, groupId), Kind.ORGANISATION_MEMBER_ADDED, tenantId,
                groupId, "gruppo");
    }

    @Override
    public IdentityOperationResult deleteTenantGroupMembership(String tenantId, String groupId) {
        allChanging();
        return told(super.deleteTenantGroupMembership(tenantId, groupId), Kind.ORGANISATION_MEMBER_REMOVED, tenantId,
                groupId, "gruppo");
    }

    /** A group's or an organisation's memberships go with it. */
    @Override
    public IdentityOperationResult deleteGroup(String groupId) {
        allChanging();
        return super.deleteGroup(groupId);
    }

    @Override
    public IdentityOperationResult deleteTenant(String tenantId) {
        allChanging();
        return super.deleteTenant(tenantId);
    }

    private void changing(String userId) {
        listeners.forEach(l -> l.membershipsChanging(userId));
    }

    private void allChanging() {
        listeners.forEach(IdentityChanges::allMembershipsChanging);
    }

    private IdentityOperationResult told(IdentityOperationResult result, Kind kind, String organization, String subject,
                                         String detail) {
        if (result != null && !IdentityOperationResult.OPERATION_NONE.equals(result.getOperation())) {
            tell(new IdentityChange(kind, organization, subject, detail));
        }
        return result;
    }

    private void tell(IdentityChange change) {
        listeners.forEach(l -> l.changed(change));
    }
}
