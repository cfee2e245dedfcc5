package it.familyaudit.workflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import it.familyaudit.workflow.audit.AuditAction;
import it.familyaudit.workflow.mail.NoticeKind;
import it.familyaudit.workflow.monitoring.RoundStatus;
import it.familyaudit.workflow.plan.PlanStatus;
import it.familyaudit.workflow.security.Roles;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The portal speaks both languages everywhere: the two message files have the same keys, and every
 * task of the models, every role, plan status, monitoring state, audit action and kind and status of mail has
 * its words in both.
 */
class PortalMessagesTest {

    private static final Pattern USER_TASK = Pattern.compile("<bpmn:userTask id=\"([^\"]+)\" name=\"([^\"]+)\"");

    private final Properties italian = load("messages.properties");
    private final Properties english = load("messages_en.properties");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(italian.stringPropertyNames());
    }

    /**
     * Spring formats a message with MessageFormat only when it has arguments: there an apostrophe
     * must be doubled, elsewhere it must not (it would show twice).
     */
    @Test
    void apostrophesAreWrittenAsEachMessageIsFormatted() {
        for (Properties messages : List.of(italian, english)) {
            messages.forEach((key, text) -> {
                String value = (String) text;
                boolean formatted = value.matches("(?s).*\\{\\d+.*");
                assertThat(formatted ? value.replace("''", "").contains("'") : value.contains("''"))
                        .as(key + "=" + value).isFalse();
            });
        }
    }

    @Test
    void everyTaskOfTheModelsIsNamedInBothLanguagesAsTheModelNamesIt() throws IOException {
        Map<String, String> tasks = new LinkedHashMap<>();
        try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
            for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                Matcher m = USER_TASK.matcher(Files.readString(model));
                while (m.find()) {
                    tasks.put(m.group(1), m.group(2));
                }
            }
        }
        assertThat(tasks).hasSizeGreaterThan(15);
        tasks.forEach((id, name) -> {
            assertThat(italian.getProperty("task.key." + id)).as(id).isEqualTo(name);
            assertThat(english.getProperty("task.key." + id)).as(id).isNotBlank();
        });
    }

    @Test
    void everyRoleStatusAndAuditActionHasItsWords() {
        Stream.of(Roles.REFERENT, Roles.MANAGEMENT, Roles.WORKING_GROUP, Roles.CONSULTANT, Roles.EVALUATOR,
                Roles.AGENCY, Roles.COUNCIL, Roles.ADMIN).forEach(role -> {
            assertThat(italian.getProperty("role." + role)).isEqualTo(Roles.italianName(role));
            assertThat(english.getProperty("role." + role)).isNotBlank();
        });
        Arrays.stream(AuditAction.values()).forEach(a -> {
            assertThat(italian.getProperty("audit.action." + a.name())).isEqualTo(a.label());
            assertThat(english.getProperty("audit.action." + a.name())).isNotBlank();
        });
        Arrays.stream(RoundStatus.values()).forEach(s -> assertThat(italian.getProperty("round.status." + s.name()))
                .isEqualToIgnoringCase(s.italian()));
        Arrays.stream(PlanStatus.values()).forEach(s -> assertThat(english.getProperty("plan.status." + s.name()))
                .as(s.name()).isNotBlank());
    }

    /** The outbox page names every kind of mail and every status in words. */
    @Test
    void everyKindAndStatusOfMailHasItsWords() {
        for (Properties messages : List.of(italian, english)) {
            Arrays.stream(NoticeKind.values()).forEach(k -> assertThat(messages.getProperty("mail.kind." + k.name()))
                    .as(k.name()).isNotBlank());
            OutboxPage.STATUSES.forEach(s -> assertThat(messages.getProperty("mail.status." + s)).as(s).isNotBlank());
        }
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (InputStream in = PortalMessagesTest.class.getResourceAsStream("/" + name);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(name, e);
        }
        return properties;
    }
}
