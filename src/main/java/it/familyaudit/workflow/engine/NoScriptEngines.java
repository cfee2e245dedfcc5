package it.familyaudit.workflow.engine;

import java.util.List;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;

/**
 * The engine's source of JSR-223 script engines, with none in it: a script in any language is
 * refused when it would run, whatever script engine a dependency brings onto the class path.
 */
final class NoScriptEngines implements ScriptEngineResolver {

    static final String SCRIPTS_DISABLED = "Gli script sono disattivati in questa applicazione (linguaggio '%s'): "
            + "usare espressioni o classi Java / Scripts are disabled in this application (language '%s'): "
            + "use expressions or Java classes";

    private final ScriptEngineManager none = new EmptyScriptEngineManager();

    @Override
    public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
        throw new ProcessEngineException(SCRIPTS_DISABLED.formatted(language, language));
    }

    @Override
    public void addScriptEngineFactory(ScriptEngineFactory factory) {
        throw new ProcessEngineException(SCRIPTS_DISABLED.formatted(factory.getLanguageName(), factory.getLanguageName()));
    }

    @Override
    public ScriptEngineManager getScriptEngineManager() {
        return none;
    }

    /** Finds no engine and takes none. */
    private static final class EmptyScriptEngineManager extends ScriptEngineManager {

        EmptyScriptEngineManager() {
            super(null);
        }

        @Override
        public ScriptEngine getEngineByName(String shortName) {
            return null;
        }

        @Override
        public ScriptEngine getEngineByExtension(String extension) {
            return null;
        }

        @Override
        public ScriptEngine getEngineByMimeType(String mimeType) {
            return null;
        }

        @Override
        public List<ScriptEngineFactory> getEngineFactories() {
            return List.of();
        }

        @Override
        public void registerEngineName(String name, ScriptEngineFactory factory) {
            throw new UnsupportedOperationException("Script engines are disabled");
        }

        @Override
        public void registerEngineMimeType(String type, ScriptEngineFactory factory) {
            throw new UnsupportedOperationException("Script engines are disabled");
        }

        @Override
        public void registerEngineExtension(String extension, ScriptEngineFactory factory) {
            throw new UnsupportedOperationException("Script engines are disabled");
        }
    }
}
