package it.familyaudit.workflow.organization;

import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.engine.FormValidationException;
import it.familyaudit.workflow.organization.OrganizationRefusals.OnlyTheAgencyRegisters;
import it.familyaudit.workflow.organization.OrganizationRefusals.OrganizationAlreadyRegistered;
import it.familyaudit.workflow.organization.OrganizationRefusals.OrganizationNotFound;
import it.familyaudit.workflow.security.CurrentUser;
import it.familyaudit.workflow.security.Roles;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
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

    /** Also a Camunda tenant id: lower-case letters, digits and hyphens. */
    private static final Pattern CODE = Pattern.compile("^[a-z0-9][a-z0-9-]{1,62}$");
    /** The kinds of organisation, in the order a form offers them. */
    public static final List<String> KINDS = List.of("MUNICIPALITY", "PUBLIC_BODY", "COMPANY", "NON_PROFIT", "OTHER");
    static final int MAX_NAME = 300;

    private final OrganizationRepository organizations;
    private final IdentityService identity;

    OrganizationService(OrganizationRepository organizations, IdentityService identity) {
        this.organizations = organizations;
        this.identity = identity;
    }

    /**
     * The agency registers a new organisation, whichever way in it uses (the API, the portal): every
     * field error at once, then a refusal if the code is taken.
     *
     * @throws OnlyTheAgencyRegisters         for any other role
     * @throws FormValidationException        a code, name or kind that breaks the rules
     * @throws OrganizationAlreadyRegistered  a code already registered
     */
    @Transactional
    public Organization registerNew(CurrentUser by, String code, String name, String kind) {
        if (!by.has(Roles.AGENCY)) {
            throw new OnlyTheAgencyRegisters();
        }
        List<FieldError> errors = new ArrayList<>();
        if (code == null || !CODE.matcher(code).matches()) {
            errors.add(new FieldError("code", "Da 2 a 63 caratteri: lettere minuscole, cifre e trattini / "
                    + "2 to 63 characters: lower-case letters, digits and hyphens"));
        }
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            errors.add(new FieldError("name", "Obbligatorio, al massimo " + MAX_NAME + " caratteri / Required, at most "
                    + MAX_NAME + " characters"));
        }
        if (kind == null || !KINDS.contains(kind)) {
            errors.add(new FieldError("kind", "Scegliere uno dei tipi previsti / Choose one of the kinds: "
                    + String.join(", ", KINDS)));
        }
        if (!errors.isEmpty()) {
            throw new FormValidationException(errors);
        }
        if (organizations.findByCode(code).isPresent()) {
            throw new OrganizationAlreadyRegistered(code);
        }
        return register(code, name.strip(), kind);
    }

    /**
     * The organisation as this user may see it: the agency and the council see every one, others
     * their own only.
     *
     * @throws OrganizationNotFound when there is none, or it is not the user's
     */
    public Organization visibleTo(CurrentUser user, String code) {
        Organization found = organizations.findByCode(code).orElseThrow(OrganizationNotFound::new);
        if (!user.mayActIn(code)) {
            throw new OrganizationNotFound();
        }
        return found;
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
