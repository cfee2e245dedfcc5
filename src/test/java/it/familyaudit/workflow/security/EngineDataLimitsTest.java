package it.familyaudit.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.familyaudit.workflow.support.HttpTestBase;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the engine accepts from outside: no Java-serialized objects, JSON objects only of allowed
 * types, and no query larger than the limit. Driven through {@code /engine-rest}, the way in that
 * takes arbitrary variables and queries.
 */
class EngineDataLimitsTest extends HttpTestBase {

    @Autowired
    TaskService tasks;
    @Autowired
    ProcessEngine engine;

    private String task;

    @BeforeEach
    void standaloneTask() {
        Task t = tasks.newTask("secure-defaults-" + UUID.randomUUID());
        t.setName("Variabili di prova");
        tasks.saveTask(t);
        task = t.getId();
    }

    @AfterEach
    void removeTask() {
        tasks.deleteTask(task, true);
    }

    @Test
    void javaSerializedObjectsAreRefused() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new ArrayList<>(List.of("harmless here, a gadget chain elsewhere")));
        }
        HttpResponse<String> response = putVariable("payload", Map.of("type", "Object",
                "value", Base64.getEncoder().encodeToString(bytes.toByteArray()),
                "valueInfo", Map.of("objectTypeName", "java.util.ArrayList",
                        "serializationDataFormat", "application/x-java-serialized-object")));

        // Camunda's REST API answers this refusal as a server error; it is the client's, and said so.
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response).path("message").asText()).contains("formato Java non ammesse");
        assertThat(tasks.getVariableLocal(task, "payload")).isNull();
        assertThatThrownBy(() -> tasks.setVariableLocal(task, "payload", Variables.serializedObjectValue(
                        Base64.getEncoder().encodeToString(bytes.toByteArray()))
                .serializationDataFormat(Variables.SerializationDataFormats.JAVA)
                .objectTypeName("java.util.ArrayList").create()))
                .hasMessageContaining("Java serialization format is prohibited");
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
    }

    @Test
    void aJsonObjectOfAClassOutsideTheAllowListIsNeverBuilt() throws Exception {
        // Stored as text: nothing is built from it yet.
        assertThat(putVariable("target", Map.of("type", "Object", "value", "\"/etc/passwd\"",
                "valueInfo", Map.of("objectTypeName", "java.io.File", "serializationDataFormat", "application/json")))
                .statusCode()).isEqualTo(204);

        assertThat(send(asAdmin("/engine-rest/task/" + task + "/localVariables/target")).statusCode()).isEqualTo(400);
        assertThatThrownBy(() -> tasks.getVariableLocal(task, "target"))
                .hasRootCauseMessage("The following classes are not whitelisted for deserialization: [java.io.File]");
        HttpResponse<String> asText = send(asAdmin("/engine-rest/task/" + task
                + "/localVariables/target?deserializeValue=false"));
        assertThat(asText.statusCode()).isEqualTo(200);
        assertThat(body(asText).path("value").asText()).isEqualTo("\"/etc/passwd\"");

        // An allowed type still works.
        putVariable("names", Map.of("type", "Object", "value", "[\"Giulia\",\"Marco\"]",
                "valueInfo", Map.of("objectTypeName", "java.util.ArrayList", "serializationDataFormat", "application/json")));
        assertThat(tasks.getVariableLocal(task, "names")).isEqualTo(List.of("Giulia", "Marco"));

        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.isDeserializationTypeValidationEnabled()).isTrue();
    }

    @Test
    void noQueryReturnsMoreThanTheLimit() throws Exception {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getQueryMaxResultsLimit()).isEqualTo(2000);

        HttpResponse<String> tooMany = send(asAdmin("/engine-rest/task?firstResult=0&maxResults=2001"));
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(body(tooMany).path("message").asText()).contains("Max results limit of 2000 exceeded");
        assertThat(send(asAdmin("/engine-rest/task?firstResult=0&maxResults=2000")).statusCode()).isEqualTo(200);
        HttpResponse<String> unbounded = send(asAdmin("/engine-rest/history/task"));
        assertThat(unbounded.statusCode()).isEqualTo(400);
        assertThat(body(unbounded).path("message").asText()).contains("unbound number of results is forbidden");
    }

    private HttpResponse<String> putVariable(String name, Map<String, ?> value) throws Exception {
        return send(asAdmin("/engine-rest/task/" + task + "/localVariables/" + name)
                .header("Content-Type", "application/json").PUT(jsonBody(json, value)));
    }
}
