package it.familyaudit.workflow.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import it.familyaudit.workflow.FamilyAuditProperties;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure, at every start, that our roles exist as Camunda groups with the rights they need in
 * the webapps, that Tasklist opens on useful filters, and that an administrator exists. Each
 * step looks before it writes, so restarting changes nothing.
 */
@Component
@Order(1)
class IdentitySetup implements ApplicationRunner {

    static final String ADMIN_USER = "admin";
    static final String MY_TASKS_FILTER = "Le mie attività";
    static final String GROUP_TASKS_FILTER = "Attività del mio gruppo";

    private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);
    private static final List<String> BUSINESS_ROLES = Roles.ALL.stream().filter(r -> !r.equals(Roles.ADMIN)).toList();

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final String adminPassword;
    private final List<PeopleModel> models;

    IdentitySetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
                  TaskService tasks, FamilyAuditProperties properties, List<PeopleModel> models) {
        if (properties.adminPassword() == null || properties.adminPassword().isBlank()) {
            throw new IllegalStateException("Set FAMILY_AUDIT_ADMIN_PASSWORD: the application does not start "
                    + "without a password for the 'admin' user (outside the demo profile).");
        }
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.adminPassword = properties.adminPassword();
        this.models = List.copyOf(models);
    }

    @Override
    public void run(ApplicationArguments args) {
        Roles.ALL.forEach(this::ensureGroup);
        ensureGroup(Groups.CAMUNDA_ADMIN);
        ensureAdmin();
        // Camunda administrators pass command checks by group, but queries filter on stored
        // authorizations: without these an administrator would see empty lists.
        for (Resources resource : Resources.values()) {
            grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
        }
        for (String role : BUSINESS_ROLES) {
            grant(role, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            for (PeopleModel model : models) {
                grant(role, Resources.PROCESS_DEFINITION, model.processKey(), Permissions.READ);
            }
        }
        // Only the agency (and administrators, who may do anything) open Cockpit and Admin.
        grant(Roles.AGENCY, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Roles.AGENCY, Resources.APPLICATION, "admin", Permissions.ACCESS);
        grant(Roles.AGENCY, Resources.PROCESS_DEFINITION, ANY, Permissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK);
        grant(Roles.AGENCY, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        grant(Roles.AGENCY, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
        grant(Roles.AGENCY, Resources.DEPLOYMENT, ANY, Permissions.READ);
        // The referent starts the organisation's cycles, from our API or from Tasklist; the yearly
        // monitoring rounds are started by the cycle itself.
        for (PeopleModel model : models) {
            for (String role : model.startedBy()) {
                grant(role, Resources.PROCESS_DEFINITION, model.processKey(), ProcessDefinitionPermissions.CREATE_INSTANCE);
                grant(role, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
            }
        }
        ensureFilter(MY_TASKS_FILTER, -10, "Le attività assegnate a me / Tasks assigned to me",
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        ensureFilter(GROUP_TASKS_FILTER, -5, "Le attività dei miei ruoli / Tasks of my roles",
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
    }

    private void ensureGroup(String id) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(Groups.CAMUNDA_ADMIN.equals(id) ? "Amministratori Camunda" : Roles.italianName(id));
            group.setType(Roles.ADMIN.equals(id) || Groups.CAMUNDA_ADMIN.equals(id) ? Groups.GROUP_TYPE_SYSTEM
                    : Groups.GROUP_TYPE_WORKFLOW);
            identity.saveGroup(group);
        }
    }

    /**
     * The administrator is in Camunda's own administrators group too: the webapps otherwise think
     * no administrator exists and offer anyone the page that creates one.
     */
    private void ensureAdmin() {
        if (identity.createUserQuery().userId(ADMIN_USER).count() == 0) {
            User admin = identity.newUser(ADMIN_USER);
            admin.setFirstName("Amministratore");
            admin.setLastName("di sistema");
            admin.setPassword(adminPassword);
            identity.saveUser(admin);
            identity.createMembership(ADMIN_USER, Roles.ADMIN);
            identity.createMembership(ADMIN_USER, Groups.CAMUNDA_ADMIN);
            log.info("Created the administrator '{}'", ADMIN_USER);
        }
    }

    /** Grants the permissions, adding them to the group's existing authorization on the resource if there is one. */
    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization a = authorizations.createAuthorizationQuery().groupIdIn(group).authorizationType(AUTH_TYPE_GRANT)
                .resourceType(resource).resourceId(resourceId).singleResult();
        if (a == null) {
            a = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            a.setGroupId(group);
            a.setResource(resource);
            a.setResourceId(resourceId);
        }
        boolean changed = a.getId() == null;
        for (Permission p : permissions) {
            if (!a.isPermissionGranted(p)) {
                a.addPermission(p);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(a);
        }
    }

    private void ensureFilter(String name, int priority, String description, TaskQuery query) {
        if (filters.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter filter = filters.newTaskFilter(name)
                .setQuery(query)
                .setProperties(Map.of("priority", priority, "description", description, "refresh", true));
        filters.saveFilter(filter);
        // Every signed-in user reads the shared filters; Tasklist then shows each one only their own tasks.
        Authorization read = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
        read.setUserId(ANY);
        read.setResource(Resources.FILTER);
        read.setResourceId(filter.getId());
        read.addPermission(Permissions.READ);
        authorizations.saveAuthorization(read);
    }
}
