package it.familyaudit.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import it.familyaudit.workflow.support.ApiTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiDocumentationTest extends ApiTestBase {

    @Test
    void theApiDescriptionReadsAsDocumentationWithATitleAVersionAndASentencePerOperation() throws Exception {
        JsonNode doc = json.readTree(mvc.perform(get("/v3/api-docs").with(httpBasic("agency", "agency-demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(doc.at("/info/title").asText()).isEqualTo("Family Audit Workflow API");
        assertThat(doc.at("/info/version").asText()).isNotBlank().isNotEqualTo("v0");
        assertThat(doc.at("/info/description").asText()).contains("RFC 7807");
        assertThat(doc.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");

        List<String> operations = new ArrayList<>();
        List<String> withoutSummary = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                operations.add(operation.getKey() + " " + path.getKey());
                if (operation.getValue().path("summary").asText().isBlank()
                        || operation.getValue().path("tags").isEmpty()) {
                    withoutSummary.add(operation.getKey() + " " + path.getKey());
                }
            }
        }
        assertThat(operations).hasSizeGreaterThan(30);
        assertThat(withoutSummary).as("operations without a summary or a tag").isEmpty();
    }
}
