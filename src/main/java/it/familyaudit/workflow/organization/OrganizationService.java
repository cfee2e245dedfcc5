package it.familyaudit.workflow.organization;

import it.familyaudit.workflow.security.Roles;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers organisations. Each is a Camunda tenant too: its people are members, the agency and
 * the council are members as groups, and an assigned consultant or evaluator joins while assigned.
 */
@Service
public class OrganizationService {

    private final OrganizationRepository organizations;
    private final IdentityService identity;

    OrganizationService(OrganizationRepository organizations, IdentityService identity) {
        this.organizations = organizations;
        this.identity = identity;
    }

    /** Registers the organisation, or returns it when the code is already known. */
    @Transactional
    public Organization register(String code, String name, String kind) {
        Organization organization = organizations.findByCode(code)
                .orElseGet(() -> organizations.create(code, name, kind));
        if (identity.createTenantQuery().tenantId(code).count() == 0) {
            Tenant tenant = identity.newTenant(code);
            tenant.setName(name);
            identity.saveTenant(tenant);
            for (String group : Roles.AGENCY_ROLES) {
                identity.createTenantGroupMembership(code, group);
            }
        }
        return organization;
    }

    /** Makes the user a member of the organisation's staff. */
    @Transactional
    public void addMember(String code, String userId) {
        if (identity.createTenantQuery().tenantId(code).userMember(userId).count() == 0) {
            identity.createTenantUserMembership(code, userId);
        }
    }
}
