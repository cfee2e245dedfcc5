package it.familyaudit.workflow.certification;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What other features ask about the cycles, with no user to check (the callers decide what they
 * show), instead of running SQL on the table {@link CertificationRepository} owns. Kept apart from
 * {@link CertificationService} because it needs nothing of the engine: the beans the engine is built
 * from (the task steps and what they use) may ask it too.
 */
@Service
public class CertificationLookup {

    private final CertificationRepository certifications;

    CertificationLookup(CertificationRepository certifications) {
        this.certifications = certifications;
    }

    /** The certification with its organisation (and its processes). */
    public Optional<CertificationRepository.WithOrganization> withOrganization(long id) {
        return certifications.findWithOrganization(id);
    }

    /** The ids of all the organisation's cycles, the latest first. */
    public List<Long> idsOfOrganization(long organizationId) {
        return certifications.idsOfOrganization(organizationId);
    }

    /** Whether the organisation (by its code) has any cycle, running or ended. */
    public boolean anyOfOrganization(String organizationCode) {
        return certifications.anyOfOrganization(organizationCode);
    }
}
