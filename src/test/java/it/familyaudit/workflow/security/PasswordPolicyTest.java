package it.familyaudit.workflow.security;

import it.familyaudit.workflow.engine.PasswordPolicyErrors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import it.familyaudit.workflow.support.ApiDriver;
import it.familyaudit.workflow.support.HttpTestBase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Users and passwords live in Camunda (Admin, {@code /engine-rest}); every new password meets the
 * policy: at least 10 characters, not only letters, not the user name.
 */
class PasswordPolicyTest extends HttpTestBase {

    private final List<String> created = new ArrayList<>();

    @AfterEach
    void removeUsers() {
        created.stream().filter(id -> identity.createUserQuery().userId(id).count() > 0).forEach(identity::deleteUser);
    }

    @Test
    void theIdentityServiceRefusesAWeakPassword() {
        String id = newId();
        for (String weak : List.of("short-1", "onlyletterspassword", id, id.toUpperCase())) {
            User user = identity.newUser(id);
            user.setPassword(weak);
            assertThatThrownBy(() -> identity.saveUser(user)).as(weak)
                    .isInstanceOf(PasswordPolicyErrors.WeakPasswordException.class)
                    .hasMessage(FamilyAuditPasswordPolicy.DESCRIPTION)
                    .hasMessageStartingWith("La password non rispetta i criteri: almeno 10 caratteri")
                    .cause().hasMessage(PasswordPolicyErrors.CAMUNDA_REFUSAL);
            assertThat(identity.createUserQuery().userId(id).count()).isZero();
        }

        User user = identity.newUser(id);
        user.setPassword("dieci caratteri");
        identity.saveUser(user);
        created.add(id);
        assertThat(identity.checkPassword(id, "dieci caratteri")).isTrue();
    }

    @Test
    void theDemoAndTestPasswordsMeetIt() {
        for (String userId : List.of("admin", "agency", "referent", "council", "working-group", "consultant2")) {
            User user = identity.createUserQuery().userId(userId).singleResult();
            assertThat(identity.checkPasswordAgainstPolicy(userId + "-demo", user).isValid()).as(userId).isTrue();
            assertThat(identity.checkPassword(userId, userId + "-demo")).as(userId).isTrue();
        }
        assertThat(identity.checkPasswordAgainstPolicy(ApiDriver.PASSWORD).isValid()).isTrue();
    }

    @Test
    void engineRestAnswersAWeakPasswordWith400AndThePolicy() throws Exception {
        String id = newId();
        HttpResponse<String> weak = send(asAdmin("/engine-rest/user/create").header("Content-Type", "application/json")
                .POST(jsonBody(json, Map.of("profile", Map.of("id", id, "firstName", "Prova", "lastName", "Debole"),
                        "credentials", Map.of("password", "short")))));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(body(weak).path("message").asText()).isEqualTo(FamilyAuditPasswordPolicy.DESCRIPTION);
        assertThat(identity.createUserQuery().userId(id).count()).isZero();

        HttpResponse<String> strong = send(asAdmin("/engine-rest/user/create").header("Content-Type", "application/json")
                .POST(jsonBody(json, Map.of("profile", Map.of("id", id, "firstName", "Prova", "lastName", "Forte"),
                        "credentials", Map.of("password", "una-password-lunga")))));
        assertThat(strong.statusCode()).isEqualTo(204);
        created.add(id);

        HttpResponse<String> change = send(asAdmin("/engine-rest/user/" + id + "/credentials")
                .header("Content-Type", "application/json")
                .PUT(jsonBody(json, Map.of("password", id, "authenticatedUserPassword", "admin-demo"))));
        assertThat(change.statusCode()).isEqualTo(400);
        assertThat(identity.checkPassword(id, "una-password-lunga")).isTrue();
    }

    @Test
    void camundaAdminShowsTheRulesAndChecksThemAsYouType() throws Exception {
        JsonNode policy = body(send(asAdmin("/engine-rest/identity/password-policy")));
        List<String> placeholders = new ArrayList<>();
        policy.path("rules").forEach(rule -> placeholders.add(rule.path("placeholder").asText()));
        assertThat(placeholders).containsExactly("Almeno 10 caratteri / At least 10 characters",
                "Almeno un carattere che non sia una lettera (cifra, segno o spazio) / "
                        + "At least one character that is not a letter (digit, symbol or space)",
                "Diversa dal nome utente / Not the user name");

        JsonNode check = body(send(asAdmin("/engine-rest/identity/password-policy")
                .header("Content-Type", "application/json")
                .POST(jsonBody(json, Map.of("password", "mario-rossi", "profile", Map.of("id", "mario-rossi"))))));
        assertThat(check.path("valid").asBoolean()).isFalse();
        List<Boolean> valid = new ArrayList<>();
        check.path("rules").forEach(rule -> valid.add(rule.path("valid").asBoolean()));
        assertThat(valid).containsExactly(true, true, false);
    }

    private String newId() {
        String id = "pw" + UUID.randomUUID().toString().substring(0, 8);
        created.add(id);
        return id;
    }
}
