package it.familyaudit.workflow.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * People as others read them: a user's name instead of their user id, wherever a page or a
 * document says who did something. Names change seldom: they are kept for a few minutes.
 */
@Component
public class People {

    private final IdentityService identity;
    private final Cache<String, String> names = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(5))
            .maximumSize(10_000).build();

    People(IdentityService identity) {
        this.identity = identity;
    }

    /** "Maria Rossi", or the user id itself for a user without a name (or none at all: the engine's {@code system}). */
    public String nameOf(String userId) {
        return userId == null ? null : namesOf(List.of(userId)).get(userId);
    }

    /** The names of these users, one query for those not yet known. */
    public Map<String, String> namesOf(Collection<String> userIds) {
        Map<String, String> found = new HashMap<>();
        List<String> unknown = userIds.stream().filter(Objects::nonNull).distinct()
                .filter(id -> {
                    String known = names.getIfPresent(id);
                    if (known != null) {
                        found.put(id, known);
                    }
                    return known == null;
                }).toList();
        if (!unknown.isEmpty()) {
            for (User user : identity.createUserQuery().userIdIn(unknown.toArray(String[]::new)).list()) {
                String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                        + (user.getLastName() == null ? "" : user.getLastName())).strip();
                if (!name.isEmpty()) {
                    names.put(user.getId(), name);
                    found.put(user.getId(), name);
                }
            }
            unknown.forEach(id -> found.putIfAbsent(id, id));
        }
        return found;
    }
}
