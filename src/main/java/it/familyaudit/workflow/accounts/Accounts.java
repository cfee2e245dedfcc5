package it.familyaudit.workflow.accounts;

import it.familyaudit.workflow.accounts.AccountRefusals.OnlyTheAgencyOnboards;
import it.familyaudit.workflow.accounts.AccountRefusals.PasswordNotTheAgencys;
import it.familyaudit.workflow.accounts.AccountRefusals.PersonNotFound;
import it.familyaudit.workflow.accounts.PasswordLink.Purpose;
import it.familyaudit.workflow.audit.AuditAction;
import it.familyaudit.workflow.audit.AuditTrail;
import it.familyaudit.workflow.engine.CheckedEngineCalls;
import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.engine.FormValidationException;
import it.familyaudit.workflow.organization.Organization;
import it.familyaudit.workflow.organization.OrganizationService;
import it.familyaudit.workflow.security.CurrentUser;
import it.familyaudit.workflow.security.CurrentUsers;
import it.familyaudit.workflow.security.Roles;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agency brings people in: an organisation's referent, management and working group, and the
 * register's consultants and evaluators. Each becomes a Camunda user with their name, e-mail, role
 * and, for an organisation's people, its tenant; the audit trail records it as it records every
 * identity change, with the agency member as the actor. Nobody knows the password a new user is
 * created with: the person sets their own through the link that comes back, and the agency may
 * issue a new link later. Only the agency does any of this; the technical administrator, the
 * agency and the council are out of its reach. Each person changes their own e-mail address
 * ({@link #changeEmail}), which is checked as the agency's registration checks it.
 */
@Service
public class Accounts {

    /** The roles an organisation's people may get here, in the order a form offers them. */
    public static final List<String> ORGANISATION_ROLES = List.of(Roles.REFERENT, Roles.MANAGEMENT, Roles.WORKING_GROUP);
    /** The roles of the register of professionals, in the order a form offers them. */
    public static final List<String> PROFESSIONAL_ROLES = List.of(Roles.CONSULTANT, Roles.EVALUATOR);
    /** Every role the agency gives; a user with any other (admin, agency, council) is not the agency's to manage. */
    private static final Set<String> GIVEN_BY_THE_AGENCY = Set.copyOf(
            Stream.concat(ORGANISATION_ROLES.stream(), PROFESSIONAL_ROLES.stream()).toList());

    static final int MAX_NAME = 100;
    /** Camunda keeps 255 characters; an address has at most 254 (RFC 5321). */
    static final int MAX_EMAIL = 254;
    /**
     * What an address looks like, no more: one {@code @}, a dot in the domain, no spaces. Whether it
     * reaches the person only a message can tell.
     */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");
    private static final Pattern HAS_LETTER = Pattern.compile("\\p{L}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final IdentityService identity;
    private final CheckedEngineCalls engine;
    private final CurrentUsers users;
    private final OrganizationService organizations;
    private final PasswordLinks links;
    private final AccountsProperties settings;
    private final AuditTrail audit;
    private final SecureRandom random = new SecureRandom();

    Accounts(IdentityService identity, CheckedEngineCalls engine, CurrentUsers users, OrganizationService organizations,
             PasswordLinks links, AccountsProperties settings, AuditTrail audit) {
        this.identity = identity;
        this.engine = engine;
        this.users = users;
        this.organizations = organizations;
        this.links = links;
        this.settings = settings;
        this.audit = audit;
    }

    /** The organisation's people with their roles (an assigned consultant or evaluator too), by last name. */
    public List<Person> ofOrganisation(CurrentUser by, String organizationCode) {
        agencyOnly(by);
        organizations.visibleTo(by, organizationCode);
        return people(GIVEN_BY_THE_AGENCY.stream().sorted(Comparator.comparing(Roles.ALL::indexOf)).toList(),
                organizationCode);
    }

    /** The register of professionals: every consultant and evaluator, by last name. */
    public List<Person> professionals(CurrentUser by) {
        agencyOnly(by);
        return people(PROFESSIONAL_ROLES, null);
    }

    /**
     * Brings a person into the organisation with one of {@link #ORGANISATION_ROLES}.
     *
     * @return the link with which they set their password
     * @throws FormValidationException every field error at once
     */
    @Transactional
    public PasswordLink addToOrganisation(CurrentUser by, String organizationCode, NewPerson person) {
        agencyOnly(by);
        Organization organization = organizations.visibleTo(by, organizationCode);
        return bringIn(by, organization.code(), person, ORGANISATION_ROLES);
    }

    /**
     * Adds a consultant or an evaluator to the register of professionals: they belong to no
     * organisation until a certification assigns them.
     *
     * @return the link with which they set their password
     * @throws FormValidationException every field error at once
     */
    @Transactional
    public PasswordLink addProfessional(CurrentUser by, NewPerson person) {
        agencyOnly(by);
        return bringIn(by, null, person, PROFESSIONAL_ROLES);
    }

    /**
     * A new link for someone the agency brought in, who lost theirs or forgot their password; their
     * older unused links stop working, and the current password keeps working until the new one is set.
     *
     * @param organizationCode the organisation whose page asked, for the audit trail; null from the register
     * @throws PasswordNotTheAgencys for the administrator, the agency's and the council's people, and
     *                               anyone who signs in through an identity provider
     */
    @Transactional
    public PasswordLink newPasswordLink(CurrentUser by, String organizationCode, String userId) {
        agencyOnly(by);
        User user = userId == null ? null : identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            throw new PersonNotFound();
        }
        List<String> roles = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        // A single sign-on user has no password: one set here would make them a local user.
        if (roles.isEmpty() || !GIVEN_BY_THE_AGENCY.containsAll(roles) || user.getPassword() == null) {
            throw new PasswordNotTheAgencys(userId);
        }
        return links.issue(by.id(), organizationCode, userId, name(user.getFirstName(), user.getLastName()), Purpose.RESET);
    }

    /** The link's full address: the configured public address, or else the one the agency's request came to. */
    public String address(PasswordLink link, String askedAt) {
        String base = settings.publicBaseUrl() != null ? settings.publicBaseUrl() : askedAt.replaceAll("/+$", "");
        return base + link.path();
    }

    /** How long a new link works, for the pages that explain it. */
    public Duration linkValidity() {
        return settings.linkValidity();
    }

    /** The caller's own address, and whether they may change it here. */
    public OwnEmail ownEmail(CurrentUser by) {
        User user = self(by);
        return new OwnEmail(user.getEmail(), user.getPassword() != null);
    }

    /**
     * What {@link #changeEmail} would refuse, without changing anything: a page that checks other
     * fields too lists every error at once.
     */
    public List<FieldError> emailErrors(CurrentUser by, String email) {
        User user = self(by);
        String typed = normalisedEmail(email);
        List<FieldError> errors = new ArrayList<>();
        if (typed != null && typed.equals(user.getEmail())) {
            return errors;
        }
        if (user.getPassword() == null) {
            // The provider writes its own address at every sign-in: one typed here would not last.
            errors.add(new FieldError("email", "Il tuo indirizzo viene dal sistema di accesso unico e si cambia lì / "
                    + "Your address comes from the single sign-on and is changed there"));
            return errors;
        }
        checkEmail(typed, user.getId(), "Obbligatorio: le e-mail del servizio hanno bisogno di un indirizzo / "
                + "Required: the service's e-mails need an address", errors);
        return errors;
    }

    /**
     * Changes the caller's own e-mail address, checked as when the agency registers a person: an
     * address, at most {@value #MAX_EMAIL} characters, nobody else's; stripped and in lower case. The
     * same address again changes nothing; the audit trail records a change, not the address.
     *
     * @throws FormValidationException the address's errors
     */
    @Transactional
    public void changeEmail(CurrentUser by, String email) {
        List<FieldError> errors = emailErrors(by, email);
        if (!errors.isEmpty()) {
            throw new FormValidationException(errors);
        }
        String typed = normalisedEmail(email);
        User user = self(by);
        if (typed.equals(user.getEmail())) {
            return;
        }
        users.asUser(by, null, () -> engine.withoutAuthorizationChecks(() -> {
            user.setEmail(typed);
            identity.saveUser(user);
            return null;
        }));
        audit.record(by.id(), AuditAction.EMAIL_CHANGED, null, null, by.id(), null);
    }

    private User self(CurrentUser by) {
        User user = identity.createUserQuery().userId(by.id()).singleResult();
        if (user == null) {
            throw new PersonNotFound();
        }
        return user;
    }

    /**
     * An address as it is kept: without the spaces around it and in lower case, so that the same
     * address typed twice is found.
     */
    static String normalisedEmail(String typed) {
        return typed == null ? null : typed.strip().toLowerCase(Locale.ROOT);
    }

    /** {@code ownerId} the person whose address it is to be ({@code null} for a new one): theirs is not taken. */
    private void checkEmail(String email, String ownerId, String required, List<FieldError> errors) {
        if (email == null || email.isEmpty()) {
            errors.add(new FieldError("email", required));
        } else if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("email", "Indirizzo e-mail non valido: deve avere la forma maria.rossi@comune.it / "
                    + "Not a valid e-mail address: it should look like maria.rossi@comune.it"));
        } else if (identity.createUserQuery().userEmail(email).list().stream()
                .anyMatch(u -> !u.getId().equals(ownerId))) {
            // Most likely the same person twice; a second account would split their work.
            errors.add(new FieldError("email", ownerId == null
                    ? "Questo indirizzo è già di una persona registrata / This address already belongs to someone registered"
                    : "Questo indirizzo è già di un'altra persona registrata: indicane uno tuo / "
                            + "This address already belongs to someone else registered: give one of your own"));
        }
    }

    private PasswordLink bringIn(CurrentUser by, String organizationCode, NewPerson person, List<String> roles) {
        String firstName = strip(person.firstName());
        String lastName = strip(person.lastName());
        String email = normalisedEmail(person.email());
        List<FieldError> errors = new ArrayList<>();
        checkName("firstName", firstName, errors);
        checkName("lastName", lastName, errors);
        checkEmail(email, null, "Obbligatorio / Required", errors);
        if (person.role() == null || !roles.contains(person.role())) {
            errors.add(new FieldError("role", "Scegliere uno dei ruoli proposti / Choose one of the roles offered"));
        }
        if (!errors.isEmpty()) {
            throw new FormValidationException(errors);
        }
        String userId = UserIds.free(firstName, lastName, id -> identity.createUserQuery().userId(id).count() > 0);
        // As the agency member, so that the audit trail names them; their rights are the ones checked
        // above (the engine would ask for an administrator's).
        users.asUser(by, organizationCode, () -> engine.withoutAuthorizationChecks(() -> {
            User user = identity.newUser(userId);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(email);
            user.setPassword(unknowablePassword());
            identity.saveUser(user);
            identity.createMembership(userId, person.role());
            if (organizationCode != null) {
                organizations.addMember(organizationCode, userId);
            }
            return null;
        }));
        return links.issue(by.id(), organizationCode, userId, name(firstName, lastName), Purpose.SET);
    }

    /**
     * 256 random bits nobody ever sees, so the account cannot be signed in to before its person
     * sets a password. The leading sign meets the policy's "not only letters" whatever the bits.
     */
    private String unknowablePassword() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return "~" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private List<Person> people(List<String> roles, String organizationCode) {
        Map<String, User> found = new LinkedHashMap<>();
        Map<String, List<String>> rolesOf = new LinkedHashMap<>();
        // One query per role: a tenant's users include, through their groups, the agency and the council.
        for (String role : roles) {
            var query = identity.createUserQuery().memberOfGroup(role);
            if (organizationCode != null) {
                query = query.memberOfTenant(organizationCode);
            }
            for (User user : query.list()) {
                found.putIfAbsent(user.getId(), user);
                rolesOf.computeIfAbsent(user.getId(), id -> new ArrayList<>()).add(role);
            }
        }
        return found.values().stream()
                .map(u -> new Person(u.getId(), u.getFirstName(), u.getLastName(), u.getEmail(), rolesOf.get(u.getId())))
                .sorted(Comparator.comparing((Person p) -> lower(p.lastName())).thenComparing(p -> lower(p.firstName()))
                        .thenComparing(Person::userId))
                .toList();
    }

    private static void checkName(String field, String value, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            errors.add(new FieldError(field, "Obbligatorio / Required"));
        } else if (value.length() > MAX_NAME || !HAS_LETTER.matcher(value).find() || CONTROL.matcher(value).find()) {
            errors.add(new FieldError(field, "Almeno una lettera, al massimo " + MAX_NAME + " caratteri / "
                    + "At least one letter, at most " + MAX_NAME + " characters"));
        }
    }

    /**
     * Every page that registers organisations or people checks this first: the agency alone does it.
     *
     * @throws OnlyTheAgencyOnboards for any other role
     */
    public void agencyOnly(CurrentUser by) {
        if (!by.has(Roles.AGENCY)) {
            throw new OnlyTheAgencyOnboards();
        }
    }

    private static String name(String firstName, String lastName) {
        return ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static String lower(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ITALIAN);
    }
}
