package it.familyaudit.workflow.engine;

/**
 * An index one of our queries needs on a table of the engine, which the engine's schema lacks:
 * {@code CREATE INDEX name ON <entity's table> definition}. A partial index ({@code WHERE …}) is
 * PostgreSQL's alone; elsewhere such an index is left out.
 *
 * @param entity the engine's entity class whose table is indexed, e.g. {@code TaskEntity.class}
 */
public record EngineIndex(String name, Class<?> entity, String definition, boolean postgresOnly) {
}
