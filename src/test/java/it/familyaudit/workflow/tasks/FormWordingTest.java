package it.familyaudit.workflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The forms speak to the people who fill them in, in the portal and in Tasklist: no text of
 * theirs sends anyone to an address of the API or to a command line.
 */
class FormWordingTest {

    /** An API path, a request as a developer writes it, or a command that sends one. */
    private static final Pattern FOR_DEVELOPERS = Pattern.compile(
            "/api\\b|/engine-rest\\b|\\b(GET|POST|PUT|PATCH|DELETE) /|\\bcurl\\b", Pattern.CASE_INSENSITIVE);

    @Test
    void noFormTextMentionsTheApi() throws IOException {
        List<Path> forms;
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            forms = files.filter(p -> p.toString().endsWith(".form")).sorted().toList();
        }
        assertThat(forms).hasSizeGreaterThan(20);
        for (Path form : forms) {
            String text = Files.readString(form);
            assertThat(FOR_DEVELOPERS.matcher(text).results().map(m -> m.group()).toList())
                    .as(form.getFileName().toString()).isEmpty();
        }
    }
}
