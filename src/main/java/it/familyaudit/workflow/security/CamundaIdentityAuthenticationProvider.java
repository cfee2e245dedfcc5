package it.familyaudit.workflow.security;

import it.familyaudit.workflow.engine.LoginLocks;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Users and groups live in Camunda's identity store, where Camunda Admin manages them: the API
 * and the webapps know the same people with the same passwords and roles.
 *
 * <p>The API is stateless, so every call brings its credentials. A successful password check is
 * remembered for a short while ({@code family-audit.security.credentials-cache}, default 60 s) so
 * that a client's burst of calls pays for it once: a changed password takes effect within that
 * time. A new role or organisation applies at once ({@link Memberships}). Only a keyed digest of the
 * password is kept, never the password; failures are never remembered, so Camunda's own
 * login-attempt counting sees every one of them, and a failure forgets the user's remembered
 * success, so a throttled or locked account is refused until Camunda lets it in again. A refusal
 * because of the lock says so ({@link LoginLockedException}). The authentication's principal is the
 * {@link CurrentUser}, with the organisations the user may act in.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identity;
    private final Memberships memberships;
    private final LoginLocks locks;
    private final Cache<String, byte[]> recent;
    private final SecretKeySpec digestKey;

    CamundaIdentityAuthenticationProvider(IdentityService identity, Memberships memberships, LoginLocks locks,
            @Value("${family-audit.security.credentials-cache:60s}") Duration remember) {
        this.identity = identity;
        this.memberships = memberships;
        this.locks = locks;
        this.recent = Caffeine.newBuilder().expireAfterWrite(remember).maximumSize(10_000).build();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.digestKey = new SecretKeySpec(key, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        if (user == null || user.isBlank() || !(authentication.getCredentials() instanceof String password)) {
            throw new BadCredentialsException("Credenziali non valide / Invalid credentials");
        }
        byte[] digest = digest(user, password);
        byte[] known = recent.getIfPresent(user);
        if (known == null || !MessageDigest.isEqual(known, digest)) {
            // Read before the check: afterwards a wrong password has just set a lock of its own.
            LoginLocks.Lock lock = locks.current(user);
            if (!identity.checkPassword(user, password)) {
                // Forget a remembered success, so that the lock Camunda may set now holds for the API too.
                recent.invalidate(user);
                if (lock != null) {
                    throw new LoginLockedException(lock);
                }
                throw new BadCredentialsException("Credenziali non valide / Invalid credentials");
            }
            recent.put(user, digest);
        }
        CurrentUser current = memberships.of(user);
        List<SimpleGrantedAuthority> groups = current.groups().stream().map(SimpleGrantedAuthority::new).toList();
        return UsernamePasswordAuthenticationToken.authenticated(current, null, groups);
    }

    private byte[] digest(String user, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(digestKey);
            mac.update(user.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
