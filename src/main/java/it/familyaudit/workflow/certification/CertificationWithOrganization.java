package it.familyaudit.workflow.certification;

import it.familyaudit.workflow.organization.Organization;
import java.util.List;

/**
 * A certification with its organisation and its process instances: its own first, then those that
 * work for it (the yearly monitoring rounds).
 */
public record CertificationWithOrganization(Certification certification, Organization organization,
                                            List<String> processInstances) {
}
