package it.familyaudit.workflow.accounts;

import it.familyaudit.workflow.accounts.AccountRefusals.PasswordLinkNotValid;
import it.familyaudit.workflow.accounts.PasswordLink.Purpose;
import it.familyaudit.workflow.accounts.PasswordTokenRepository.Holder;
import it.familyaudit.workflow.audit.AuditAction;
import it.familyaudit.workflow.audit.AuditTrail;
import it.familyaudit.workflow.engine.CheckedEngineCalls;
import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.engine.FormValidationException;
import it.familyaudit.workflow.engine.LoginLocks;
import it.familyaudit.workflow.engine.PasswordPolicyErrors.WeakPasswordException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single-use links that let a person set their own password. A link's token is 32 random bytes
 * (256 bits, so guessing one is hopeless), written in the address in Base64url; only its SHA-256
 * is stored. A link works once, until {@code family-audit.accounts.link-validity} after it was
 * issued, and only while it is the user's newest. The password goes through Camunda's identity
 * service, so the engine's password policy decides what is acceptable.
 */
@Service
public class PasswordLinks {

    private static final int TOKEN_BYTES = 32;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    /** Longer than any passphrase, short enough that hashing it costs nothing. */
    static final int MAX_PASSWORD = 200;
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(EngineTime.ZONE);

    private final SecureRandom random = new SecureRandom();
    private final PasswordTokenRepository tokens;
    private final IdentityService identity;
    private final CheckedEngineCalls engine;
    private final LoginLocks locks;
    private final AuditTrail audit;
    private final AccountsProperties settings;

    PasswordLinks(PasswordTokenRepository tokens, IdentityService identity, CheckedEngineCalls engine, LoginLocks locks,
                  AuditTrail audit, AccountsProperties settings) {
        this.tokens = tokens;
        this.identity = identity;
        this.engine = engine;
        this.locks = locks;
        this.audit = audit;
        this.settings = settings;
    }

    /**
     * Issues a link for the user, in the caller's transaction; the user's older unused links stop
     * working. The audit trail records who issued it, for whom, and until when it works.
     */
    PasswordLink issue(String issuedBy, String organizationCode, String userId, String personName, Purpose purpose) {
        byte[] token = new byte[TOKEN_BYTES];
        random.nextBytes(token);
        Instant now = EngineTime.now();
        Instant expires = now.plus(settings.linkValidity());
        tokens.deleteUnused(userId);
        tokens.insert(hash(token), userId, purpose, now, expires);
        audit.record(issuedBy, AuditAction.PASSWORD_LINK_ISSUED, null, organizationCode, userId,
                (purpose == Purpose.SET ? "prima password" : "nuova password") + ", valido fino al "
                        + DAY_AND_TIME.format(expires));
        return new PasswordLink(userId, personName, purpose, PasswordLink.PREFIX + BASE64URL.encodeToString(token),
                expires);
    }

    /** The user id a link is for, while it works; empty for a link unknown, used or expired alike. */
    public Optional<String> holder(String token) {
        return decode(token).flatMap(bytes -> tokens.holder(hash(bytes), EngineTime.now())).map(Holder::userId);
    }

    /**
     * Sets the password of the link's user and uses the link up, in one transaction: a refused
     * password leaves the link working. A lock after failed sign-ins is lifted, since the person
     * has just proved who they are another way.
     *
     * @return the user id, for signing in
     * @throws PasswordLinkNotValid     the link is unknown, used or expired (never saying which)
     * @throws FormValidationException  the password is missing, differs from its repetition, or breaks
     *                                  the policy (one error per rule broken, as the policy states it)
     */
    @Transactional
    public String setPassword(String token, String password, String repeated) {
        String hash = decode(token).map(PasswordLinks::hash).orElseThrow(PasswordLinkNotValid::new);
        Instant now = EngineTime.now();
        Holder holder = tokens.holder(hash, now).orElseThrow(PasswordLinkNotValid::new);
        User user = identity.createUserQuery().userId(holder.userId()).singleResult();
        if (user == null) {
            // Deleted in Camunda Admin after the link was issued.
            throw new PasswordLinkNotValid();
        }
        List<FieldError> errors = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            errors.add(new FieldError("password", "Obbligatoria / Required"));
        } else if (password.length() > MAX_PASSWORD) {
            errors.add(new FieldError("password", "Al massimo " + MAX_PASSWORD + " caratteri / At most "
                    + MAX_PASSWORD + " characters"));
        } else {
            PasswordPolicyResult policy = identity.checkPasswordAgainstPolicy(password, user);
            policy.getViolatedRules().forEach(rule -> errors.add(new FieldError("password", rule.getPlaceholder())));
        }
        if (password != null && !password.isEmpty() && !password.equals(repeated)) {
            errors.add(new FieldError("repeated", "Le due password non coincidono / The two passwords differ"));
        }
        if (!errors.isEmpty()) {
            throw new FormValidationException(errors);
        }
        if (!tokens.use(hash, now)) {
            // Used by a request that came in at the same moment.
            throw new PasswordLinkNotValid();
        }
        try {
            engine.withoutAuthorizationChecks(() -> {
                user.setPassword(password);
                identity.saveUser(user);
                return null;
            });
        } catch (WeakPasswordException e) {
            // The policy changed between the check above and the save: its own words, and the link still works.
            throw new FormValidationException(List.of(new FieldError("password", e.getMessage())));
        }
        // A command of its own: both writes check the user row's revision, so in one command the
        // second would find the row changed by the first and write nothing.
        engine.withoutAuthorizationChecks(() -> {
            locks.clear(user.getId());
            return null;
        });
        audit.record(user.getId(), AuditAction.PASSWORD_SET, null, null, user.getId(),
                holder.purpose() == Purpose.SET ? "prima password" : "nuova password");
        return user.getId();
    }

    /** The token's bytes, if it is a token at all (43 Base64url characters, in the one spelling we write). */
    private static Optional<byte[]> decode(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        byte[] bytes = Base64.getUrlDecoder().decode(token);
        return BASE64URL.encodeToString(bytes).equals(token) ? Optional.of(bytes) : Optional.empty();
    }

    static String hash(byte[] token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
