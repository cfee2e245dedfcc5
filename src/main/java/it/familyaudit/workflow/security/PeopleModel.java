package it.familyaudit.workflow.security;

import java.util.Set;

/**
 * A deployed model whose tasks people work on in Tasklist, and the roles that may start it there
 * (none for a model that another process starts). Declared as a Spring bean by the feature that
 * owns the model, so that the rights {@link IdentitySetup} grants follow the models without
 * security knowing the features.
 */
public record PeopleModel(String processKey, Set<String> startedBy) {

    public PeopleModel {
        startedBy = Set.copyOf(startedBy);
    }
}
