package it.familyaudit.workflow.audit;

import it.familyaudit.workflow.engine.IdentityChange;
import it.familyaudit.workflow.engine.IdentityChanges;
import org.springframework.stereotype.Component;

/** Every change of users, roles and access to organisations, and every failed password check, in the audit trail. */
@Component
class IdentityAudit implements IdentityChanges {

    private final AuditTrail audit;

    IdentityAudit(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public void changed(IdentityChange change) {
        switch (change.kind()) {
            // A failed login is the only event whose actor is the one it concerns.
            case LOGIN_FAILED -> audit.record(change.subject(), AuditAction.LOGIN_FAILED, null, null, change.subject(),
                    change.detail());
            case USER_CREATED -> audit.record(AuditAction.USER_CREATED, null, null, change.subject(), null);
            case USER_DELETED -> audit.record(AuditAction.USER_DELETED, null, null, change.subject(), null);
            case ROLE_GRANTED -> audit.record(AuditAction.ROLE_GRANTED, null, null, change.subject(), change.detail());
            case ROLE_REVOKED -> audit.record(AuditAction.ROLE_REVOKED, null, null, change.subject(), change.detail());
            case ORGANISATION_MEMBER_ADDED -> audit.record(AuditAction.ORGANISATION_MEMBER_ADDED, null,
                    change.organization(), change.subject(), change.detail());
            case ORGANISATION_MEMBER_REMOVED -> audit.record(AuditAction.ORGANISATION_MEMBER_REMOVED, null,
                    change.organization(), change.subject(), change.detail());
        }
    }
}
