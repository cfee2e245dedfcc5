package it.familyaudit.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Files people edit by hand and merge often: a key written twice in a YAML file is silently
 * overridden by the second, and a brace lost in a style sheet swallows the rules after it.
 */
class ConfigurationFilesTest {

    @Test
    void noYamlFileWritesAKeyTwice() throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        List<Path> files;
        try (Stream<Path> found = Files.list(Path.of("src/main/resources"))) {
            files = found.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            try (Reader in = Files.newBufferedReader(file)) {
                new Yaml(new SafeConstructor(options)).loadAll(in).forEach(document -> { });
            }
        }
    }

    @Test
    void everyRuleOfThePortalsStyleSheetIsClosed() throws IOException {
        String css = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL)
                .matcher(Files.readString(Path.of("src/main/resources/static/portale/portale.css"))).replaceAll("");
        // Rules nest only inside at-rules (@media, @supports); anywhere else a nested one is a lost brace.
        Deque<Boolean> open = new ArrayDeque<>();
        StringBuilder statement = new StringBuilder();
        for (char c : css.toCharArray()) {
            if (c == '{') {
                assertThat(open.isEmpty() || open.peek()).as("a rule opened inside another: " + statement.toString().strip())
                        .isTrue();
                open.push(statement.toString().strip().startsWith("@"));
                statement.setLength(0);
            } else if (c == '}') {
                assertThat(open).as("a rule closed before it opened").isNotEmpty();
                open.pop();
                statement.setLength(0);
            } else if (c == ';') {
                statement.setLength(0);
            } else {
                statement.append(c);
            }
        }
        assertThat(open).as("rules left open").isEmpty();
    }
}
