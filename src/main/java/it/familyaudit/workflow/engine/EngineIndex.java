package it.familyaudit.workflow.engine;

/**
 * An index one of our queries needs on a table of the engine, which the engine's schema lacks:
 * {@code CREATE INDEX name ON <table> definition}. A partial index ({@code WHERE …}) is
 * PostgreSQL's alone; elsewhere such an index is left out.
 */
public record EngineIndex(String name, EngineTable table, String definition, boolean postgresOnly) {
}
