package it.familyaudit.workflow.security;

import java.util.List;
import java.util.Set;

/** The Camunda group ids of our roles; see the domain brief for what each may do. */
public final class Roles {

    public static final String REFERENT = "referent";
    public static final String MANAGEMENT = "management";
    public static final String WORKING_GROUP = "working-group";
    public static final String CONSULTANT = "consultant";
    public static final String EVALUATOR = "evaluator";
    public static final String AGENCY = "agency";
    public static final String COUNCIL = "council";
    public static final String ADMIN = "admin";

    /** In the order shown to people. */
    public static final List<String> ALL =
            List.of(REFERENT, MANAGEMENT, WORKING_GROUP, CONSULTANT, EVALUATOR, AGENCY, COUNCIL, ADMIN);

    /** Roles that act within one organisation. */
    public static final Set<String> ORGANISATION_ROLES = Set.of(REFERENT, MANAGEMENT, WORKING_GROUP);

    /** Roles that act within the organisations whose certifications assign them. */
    public static final Set<String> PROFESSIONAL_ROLES = Set.of(CONSULTANT, EVALUATOR);

    /** Roles that see every organisation. */
    public static final Set<String> AGENCY_ROLES = Set.of(AGENCY, COUNCIL);

    private Roles() {
    }

    public static String italianName(String role) {
        return switch (role) {
            case REFERENT -> "Referente interno";
            case MANAGEMENT -> "Gruppo di direzione";
            case WORKING_GROUP -> "Gruppo di lavoro";
            case CONSULTANT -> "Consulente";
            case EVALUATOR -> "Valutatore";
            case AGENCY -> "Ente di certificazione";
            case COUNCIL -> "Consiglio dell'Audit";
            case ADMIN -> "Amministratore";
            default -> role;
        };
    }
}
