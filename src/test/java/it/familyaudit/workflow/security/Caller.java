package it.familyaudit.workflow.security;

import it.familyaudit.workflow.support.ApiDriver;

/**
 * Who calls, in the order of the authorization matrices' columns. The own-organisation callers are
 * the users of the organisation under test; the professionals are the demo users, and whether
 * {@code consultant} and {@code evaluator} are assigned depends on how far the certification went.
 */
enum Caller {

    ANONYMOUS("anonymous", null),
    REFERENT("referent of the organisation", Roles.REFERENT),
    MANAGEMENT("management of the organisation", Roles.MANAGEMENT),
    WORKING_GROUP("working group of the organisation", Roles.WORKING_GROUP),
    OTHER_REFERENT("referent of another organisation", Roles.REFERENT),
    CONSULTANT("consultant (the assigned one)", Roles.CONSULTANT),
    CONSULTANT2("consultant2 (not assigned)", Roles.CONSULTANT),
    EVALUATOR("evaluator (the assigned one)", Roles.EVALUATOR),
    EVALUATOR2("evaluator2 (not assigned)", Roles.EVALUATOR),
    AGENCY("agency", Roles.AGENCY),
    COUNCIL("council", Roles.COUNCIL),
    ADMIN("admin", Roles.ADMIN);

    final String label;
    /** The caller's one role, null for anonymous. */
    final String role;

    Caller(String label, String role) {
        this.label = label;
        this.role = role;
    }

    /** The user id that plays this caller; null for anonymous. */
    String user(ApiDriver own, ApiDriver other) {
        return switch (this) {
            case ANONYMOUS -> null;
            case REFERENT -> own.referent;
            case MANAGEMENT -> own.manager;
            case WORKING_GROUP -> own.workingGroup;
            case OTHER_REFERENT -> other.referent;
            case CONSULTANT -> "consultant";
            case CONSULTANT2 -> "consultant2";
            case EVALUATOR -> "evaluator";
            case EVALUATOR2 -> "evaluator2";
            case AGENCY -> "agency";
            case COUNCIL -> "council";
            case ADMIN -> "admin";
        };
    }

    boolean isProfessional() {
        return role != null && Roles.PROFESSIONAL_ROLES.contains(role);
    }

    @Override
    public String toString() {
        return label;
    }
}
