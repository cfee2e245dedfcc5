package it.familyaudit.workflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Italian translations of the Camunda webapps (src/main/resources/META-INF/resources/webjars/
 * camunda/app/APP/locales/it.json) against the English file the webjar ships. Italian is the
 * webapps' fallback locale (see each app's scripts/config.js), so a key missing from it.json would
 * show as its raw name: after a Camunda upgrade this test lists the keys to translate.
 */
class WebappItalianLocaleTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome"})
    void italianHasEveryKeyOfTheShippedEnglish(String app) throws IOException {
        JsonNode en = locale(app, "en");
        JsonNode it = locale(app, "it");

        assertThat(names(it)).as("top-level sections of %s it.json", app).isEqualTo(names(en));
        assertThat(names(it.path("labels"))).as("labels of %s it.json", app).isEqualTo(names(en.path("labels")));
        if (en.has("dateLocales")) {
            assertThat(names(it.path("dateLocales"))).as("dateLocales of %s it.json", app)
                    .isEqualTo(names(en.path("dateLocales")));
        }
        List<String> broken = new ArrayList<>();
        en.path("labels").properties().forEach(e -> {
            String italian = it.path("labels").path(e.getKey()).asText();
            if (!placeholders(italian).equals(placeholders(e.getValue().asText()))) {
                broken.add(e.getKey() + ": " + italian);
            }
        });
        assertThat(broken).as("labels of %s it.json whose {{placeholders}} differ from English", app).isEmpty();
    }

    private static JsonNode locale(String app, String language) throws IOException {
        String path = "META-INF/resources/webjars/camunda/app/" + app + "/locales/" + language + ".json";
        try (InputStream in = WebappItalianLocaleTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            // Camunda's own files start with a byte-order mark, which Jackson refuses.
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
            return JSON.readTree(text);
        }
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
