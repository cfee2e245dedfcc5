package it.familyaudit.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import it.familyaudit.workflow.certification.CertificationProcess;
import it.familyaudit.workflow.engine.ScriptFreeModels;
import it.familyaudit.workflow.support.HttpTestBase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** No script runs: models with scripts are refused at deployment, and the engine has no script engine. */
class ScriptsDisabledTest extends HttpTestBase {

    private static final String MODEL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="test">
              <bpmn:process id="ScriptProbe" isExecutable="true" camunda:historyTimeToLive="1">
                <bpmn:startEvent id="Start"/>
                <bpmn:sequenceFlow id="ToWork" sourceRef="Start" targetRef="Work"/>
                %s
                <bpmn:sequenceFlow id="ToEnd" sourceRef="Work" targetRef="End">%s</bpmn:sequenceFlow>
                <bpmn:endEvent id="End"/>
              </bpmn:process>
            </bpmn:definitions>
            """;
    private static final String PLAIN_TASK = "<bpmn:task id=\"Work\"/>";

    @Autowired
    RepositoryService repository;
    @Autowired
    DecisionService decisions;
    @Autowired
    ProcessEngine engine;

    private final List<String> deployments = new ArrayList<>();

    @AfterEach
    void undeploy() {
        deployments.forEach(id -> repository.deleteDeployment(id, true));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            script task | <bpmn:scriptTask id="Work" scriptFormat="groovy"><bpmn:script>1</bpmn:script></bpmn:scriptTask> | | scriptTask 'Work'
            execution listener | <bpmn:task id="Work"><bpmn:extensionElements><camunda:executionListener event="start"><camunda:script scriptFormat="javascript">1</camunda:script></camunda:executionListener></bpmn:extensionElements></bpmn:task> | | script 'Work'
            task listener | <bpmn:userTask id="SubmitApplicationTask" camunda:formRef="submit-application" camunda:formRefBinding="latest"><bpmn:extensionElements><camunda:taskListener event="create"><camunda:script scriptFormat="groovy" resource="deployment://evil.groovy"/></camunda:taskListener></bpmn:extensionElements></bpmn:userTask><bpmn:sequenceFlow id="ToWork2" sourceRef="SubmitApplicationTask" targetRef="Work"/><bpmn:task id="Work"/> | | script 'SubmitApplicationTask'
            input mapping | <bpmn:task id="Work"><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name="x"><camunda:script scriptFormat="javascript">1</camunda:script></camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:task> | | script 'Work'
            script condition | <bpmn:task id="Work"/> | <bpmn:conditionExpression xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="bpmn:tFormalExpression" language="javascript">true</bpmn:conditionExpression> | conditionExpression 'ToEnd'
            """)
    void aModelWithAScriptIsRefusedAtDeployment(String kind, String work, String condition, String named) {
        String model = MODEL.formatted(work, condition == null ? "" : condition);

        assertThatThrownBy(() -> deploy(model))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining(ScriptFreeModels.REFUSED)
                .hasMessageContaining(named);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("ScriptProbe").count()).isZero();
    }

    @Test
    void theRefusalNamesEveryScriptAndTheOldActivitiNamespaceIsNoWayAround() {
        String work = """
                <bpmn:scriptTask id="Work" scriptFormat="groovy"><bpmn:script>1</bpmn:script></bpmn:scriptTask>
                <bpmn:task id="Other"><bpmn:extensionElements xmlns:activiti="http://activiti.org/bpmn">
                  <activiti:executionListener event="start"><activiti:script scriptFormat="groovy">1</activiti:script></activiti:executionListener>
                </bpmn:extensionElements></bpmn:task>""";

        assertThatThrownBy(() -> deploy(MODEL.formatted(work, "")))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("scriptTask 'Work'")
                .hasMessageContaining("script 'Other' (riga / line");
    }

    @Test
    void aModelWithoutScriptsDeploysAndSoDoOurModels() {
        deploy(MODEL.formatted(PLAIN_TASK, ""));

        Deployment ours = repository.createDeployment().name("secure-defaults-our-models")
                .addClasspathResource("bpmn/family-audit-certification.bpmn")
                .addClasspathResource("bpmn/family-audit-fee.dmn")
                .deploy();
        deployments.add(ours.getId());
        assertThat(repository.createProcessDefinitionQuery().deploymentId(ours.getId()).singleResult().getKey())
                .isEqualTo(CertificationProcess.KEY);
        assertThat(repository.createDecisionDefinitionQuery().deploymentId(ours.getId()).count()).isEqualTo(1);
    }

    @Test
    void engineRestAnswersAScriptModelWith400AndTheReason() throws Exception {
        String boundary = "----" + UUID.randomUUID();
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\nscript-probe\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"data\"; filename=\"script-probe.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n"
                + MODEL.formatted("<bpmn:scriptTask id=\"Work\" scriptFormat=\"groovy\"><bpmn:script>1</bpmn:script></bpmn:scriptTask>", "")
                + "\r\n--" + boundary + "--\r\n";

        HttpResponse<String> response = send(asAdmin("/engine-rest/deployment/create")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = body(response);
        assertThat(error.path("message").asText()).contains(ScriptFreeModels.REFUSED, "scriptTask 'Work'");
        assertThat(repository.createDeploymentQuery().deploymentName("script-probe").count()).isZero();
    }

    @Test
    void noScriptEngineRunsAScriptThatGotInAnotherWay() {
        String decision = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
                    xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="ScriptedDefs" name="Scripted" namespace="test">
                  <decision id="ScriptedDecision" name="Scripted" camunda:historyTimeToLive="1">
                    <decisionTable id="Table">
                      <input id="In">
                        <inputExpression id="InExpression" typeRef="integer" expressionLanguage="javascript">
                          <text>1 + 1</text>
                        </inputExpression>
                      </input>
                      <output id="Out" name="result" typeRef="string"/>
                      <rule id="Two">
                        <inputEntry id="IsTwo"><text>2</text></inputEntry>
                        <outputEntry id="SayTwo"><text>"two"</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """;
        deployments.add(repository.createDeployment().name("scripted-decision")
                .addString("scripted.dmn", decision).deploy().getId());

        assertThatThrownBy(() -> decisions.evaluateDecisionTableByKey("ScriptedDecision").variables(Map.of()).evaluate())
                .hasStackTraceContaining("Scripts are disabled in this application (language 'javascript')");

        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.isEnableFetchScriptEngineFromProcessApplication()).isFalse();
        assertThat(configuration.isConfigureScriptEngineHostAccess()).isFalse();
        assertThat(configuration.isEnableScriptEngineLoadExternalResources()).isFalse();
        for (String language : List.of("javascript", "groovy", "graal.js", "python", "juel")) {
            assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired().execute(
                    context -> configuration.getScriptingEngines().getScriptEngineForLanguage(language)))
                    .as(language).hasMessageContaining("Scripts are disabled");
        }
        assertThat(configuration.getScriptingEngines().getScriptEngineManager().getEngineFactories()).isEmpty();
    }

    private void deploy(String model) {
        deployments.add(repository.createDeployment().name("script-probe").addString("script-probe.bpmn", model)
                .deploy().getId());
    }
}
