package it.familyaudit.workflow.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Just-in-time provisioning of single sign-on users: the Camunda user, its roles and its
 * organisation are made to match the provider's claims, so that Tasklist, the engine's
 * authorizations and the audit trail (Camunda's identity provider records every change) treat an
 * SSO user exactly like a local one.
 *
 * <p>Rules: only our business roles are granted or revoked ({@code admin} and Camunda's own
 * administrators group are never touched); an organisation is joined only if it is already
 * registered; a user with organisation roles belongs to exactly the claimed organisation, while
 * consultants and evaluators keep the organisations their assignments gave them. A user that has
 * a password is a local user and is never taken over by a token naming the same id.
 *
 * <p>The claims come from a verified access token of the API ({@link OidcAuthenticationConverter})
 * or from the ID token and user info of a sign-in to the webapps ({@link OidcWebappLogin}): both
 * are read the same way, so the same person gets the same user through either door.
 *
 * <p>A user provisioned with the same claims is not written again for
 * {@code family-audit.oidc.provisioning-cache} (default 5 minutes); changed claims apply at once.
 */
@Component
@ConditionalOnProperty(prefix = "family-audit.oidc", name = "enabled", havingValue = "true")
class OidcUserProvisioning {

    /** What the provider says about a user; the cache key, so that any change re-provisions. */
    record Claims(String userId, Set<String> roles, String organisation, String firstName, String lastName,
                  String email) {

        Claims {
            roles = Set.copyOf(roles);
        }
    }

    /** The roles SSO may give: every role except the technical administrator. */
    static final Set<String> GRANTABLE = Set.copyOf(Roles.ALL.stream().filter(r -> !Roles.ADMIN.equals(r)).toList());

    private static final Logger log = LoggerFactory.getLogger(OidcUserProvisioning.class);

    private final IdentityService identity;
    private final OidcProperties properties;
    private final TransactionTemplate transaction;
    private final Cache<Claims, Boolean> provisioned;

    OidcUserProvisioning(IdentityService identity, PlatformTransactionManager transactions, OidcProperties properties) {
        this.identity = identity;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.provisioned = Caffeine.newBuilder().expireAfterWrite(properties.provisioningCache())
                .maximumSize(10_000).build();
    }

    /**
     * Provisions the user the provider's claims name and returns its id. A user id Camunda does not
     * accept is a refused sign-in, not a server error.
     */
    String provision(ClaimAccessor token) {
        Claims claims = claims(token);
        try {
            provision(claims);
        } catch (ProcessEngineException e) {
            throw new BadCredentialsException("Utente non utilizzabile / Unusable user " + claims.userId(), e);
        }
        return claims.userId();
    }

    /** What the claims our settings name say: read alike from a JWT and from an ID token merged with user info. */
    Claims claims(ClaimAccessor token) {
        String userId = token.getClaimAsString(properties.userIdClaim());
        if (userId == null || userId.isBlank()) {
            userId = token.getClaimAsString("sub");
        }
        if (userId == null || userId.isBlank()) {
            throw new BadCredentialsException("Il token non indica l'utente / The token names no user");
        }
        String organisation = token.getClaimAsString(properties.organisationClaim());
        return new Claims(userId, roles(token.getClaim(properties.rolesClaim())),
                organisation == null || organisation.isBlank() ? null : organisation,
                token.getClaimAsString("given_name"), token.getClaimAsString("family_name"),
                token.getClaimAsString("email"));
    }

    /** A JSON list, or one string with the names separated by spaces or commas (as some providers send them). */
    private static Set<String> roles(Object claim) {
        Collection<?> values;
        if (claim instanceof Collection<?> list) {
            values = list;
        } else if (claim instanceof String text) {
            values = List.of(text.split("[\\s,]+"));
        } else {
            values = List.of();
        }
        return values.stream().filter(String.class::isInstance).map(String.class::cast)
                .filter(GRANTABLE::contains).collect(Collectors.toSet());
    }

    /**
     * Makes the Camunda user match the claims, at most once per cache period for the same claims;
     * concurrent first calls of one user wait for a single provisioning.
     */
    private void provision(Claims claims) {
        provisioned.get(claims, c -> {
            // One transaction: a failure leaves the user as it was.
            transaction.executeWithoutResult(status -> write(c));
            return Boolean.TRUE;
        });
    }

    private void write(Claims claims) {
        String userId = claims.userId();
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user != null && user.getPassword() != null) {
            throw new BadCredentialsException("L'utente " + userId + " è un utente locale / "
                    + "User " + userId + " is a local user, not a single sign-on one");
        }
        if (user == null) {
            user = identity.newUser(userId);
            log.info("Single sign-on: created user '{}'", userId);
        }
        user.setFirstName(claims.firstName());
        user.setLastName(claims.lastName());
        user.setEmail(claims.email());
        identity.saveUser(user);

        Set<String> roles = new HashSet<>(claims.roles());
        roles.retainAll(GRANTABLE);
        Set<String> current = new HashSet<>();
        for (Group group : identity.createGroupQuery().groupMember(userId).list()) {
            current.add(group.getId());
        }
        for (String role : GRANTABLE) {
            if (roles.contains(role) && !current.contains(role)) {
                identity.createMembership(userId, role);
            } else if (!roles.contains(role) && current.contains(role)) {
                identity.deleteMembership(userId, role);
            }
        }

        String organisation = claims.organisation();
        boolean known = organisation != null && identity.createTenantQuery().tenantId(organisation).count() == 1;
        if (organisation != null && !known) {
            log.warn("Single sign-on: user '{}' names organisation '{}', which is not registered: no organisation given",
                    userId, organisation);
        }
        List<Tenant> tenants = identity.createTenantQuery().userMember(userId).list();
        boolean professional = roles.stream().anyMatch(Roles.PROFESSIONAL_ROLES::contains);
        if (!professional) {
            for (Tenant tenant : tenants) {
                if (!known || !tenant.getId().equals(organisation)) {
                    identity.deleteTenantUserMembership(tenant.getId(), userId);
                }
            }
        }
        if (known && tenants.stream().noneMatch(t -> t.getId().equals(organisation))) {
            identity.createTenantUserMembership(organisation, userId);
        }
    }
}
