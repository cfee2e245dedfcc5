package it.familyaudit.workflow.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;

/**
 * Refuses, at deployment, a BPMN model that contains a script anywhere: script tasks, scripts in
 * execution or task listeners and in input/output mappings ({@code camunda:script}), and
 * conditions written in a script language ({@code language="…"} on a condition expression). The
 * deployment fails as a parse error that names every such element and its line, which Camunda
 * Modeler and {@code /engine-rest} show as they are (400).
 */
public final class ScriptFreeModels extends AbstractBpmnParseListener {

    public static final String REFUSED = "Il modello contiene script, che questa applicazione non esegue (usare espressioni "
            + "o classi Java) / The model contains scripts, which this application does not run (use expressions "
            + "or Java classes)";

    private static final Namespace CAMUNDA = BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS;

    @Override
    public void parseRootElement(Element root, List<ProcessDefinitionEntity> processDefinitions) {
        List<Element> scripts = new ArrayList<>();
        List<String> where = new ArrayList<>();
        collect(root, null, scripts, where);
        if (!scripts.isEmpty()) {
            throw new BpmnParseException(REFUSED + ": " + String.join("; ", where), scripts.get(0));
        }
    }

    /** Depth first, remembering the nearest element with an id, which is what the modeller sees. */
    private static void collect(Element element, String within, List<Element> scripts, List<String> where) {
        String id = element.attribute("id");
        if (isScript(element)) {
            scripts.add(element);
            where.add(element.getTagName() + " '" + (id != null ? id : within) + "' (riga / line " + element.getLine() + ")");
        }
        for (Element child : element.elements()) {
            collect(child, id != null ? id : within, scripts, where);
        }
    }

    private static boolean isScript(Element e) {
        boolean bpmn = BpmnParser.BPMN20_NS.equals(e.getUri());
        // Camunda still reads the old Activiti namespace as its own.
        boolean camunda = CAMUNDA.getNamespaceUri().equals(e.getUri()) || CAMUNDA.getAlternativeUri().equals(e.getUri());
        String language = e.attribute("language");
        return bpmn && "scriptTask".equals(e.getTagName())
                || camunda && "script".equals(e.getTagName())
                || language != null && !language.isBlank();
    }
}
