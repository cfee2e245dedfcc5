package it.familyaudit.workflow.security;

import it.familyaudit.workflow.engine.DescribedPasswordPolicy;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;

/**
 * The rules a new password must meet, wherever it is set (Camunda Admin, {@code /engine-rest},
 * start-up): at least 10 characters, at least one that is not a letter, and not the user name.
 * Camunda's default policy would also demand upper case, lower case, a digit and a symbol, which
 * the demo passwords ({@code referent-demo}) do not have, and it refuses any password that
 * contains the user name.
 *
 * <p>Camunda Admin lists the rules by their placeholder, a translation key it looks up; ours are
 * not in its translations, so the placeholder is the bilingual text it then shows as it is.
 */
@Component
final class FamilyAuditPasswordPolicy implements DescribedPasswordPolicy {

    static final int MIN_LENGTH = 10;

    enum Rule implements PasswordPolicyRule {

        LENGTH("almeno " + MIN_LENGTH + " caratteri", "at least " + MIN_LENGTH + " characters") {
            @Override
            public boolean execute(String password) {
                return password.codePointCount(0, password.length()) >= MIN_LENGTH;
            }
        },
        NOT_ONLY_LETTERS("almeno un carattere che non sia una lettera (cifra, segno o spazio)",
                "at least one character that is not a letter (digit, symbol or space)") {
            @Override
            public boolean execute(String password) {
                return password.codePoints().anyMatch(c -> !Character.isLetter(c));
            }
        },
        NOT_THE_USER_NAME("diversa dal nome utente", "not the user name") {
            @Override
            public boolean execute(String password) {
                return true;
            }

            @Override
            public boolean execute(String password, User user) {
                return user == null || user.getId() == null || !password.strip().equalsIgnoreCase(user.getId());
            }
        };

        private final String italian;
        private final String english;

        Rule(String italian, String english) {
            this.italian = italian;
            this.english = english;
        }

        @Override
        public String getPlaceholder() {
            return capitalised(italian) + " / " + capitalised(english);
        }

        @Override
        public Map<String, String> getParameters() {
            return Map.of();
        }
    }

    /** What a refusal says: every rule, Italian first. */
    static final String DESCRIPTION = "La password non rispetta i criteri: " + Arrays.stream(Rule.values())
            .map(r -> r.italian).collect(Collectors.joining("; ")) + " / The password does not meet the policy: "
            + Arrays.stream(Rule.values()).map(r -> r.english).collect(Collectors.joining("; "));

    @Override
    public List<PasswordPolicyRule> getRules() {
        return List.of(Rule.values());
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    @Override
    public String description() {
        return DESCRIPTION;
    }
}
