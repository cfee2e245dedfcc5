package it.familyaudit.workflow.certification;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What other features read and record about the cycles, with no user to check (the callers decide
 * what they show and who may act): the only way to the table {@link CertificationRepository} owns. Kept apart from
 * {@link CertificationService} because it needs nothing of the engine: the beans the engine is built
 * from (the task steps and what they use) may ask it too.
 */
@Service
public class Certifications {

    private final CertificationRepository certifications;

    Certifications(CertificationRepository certifications) {
        this.certifications = certifications;
    }

    /** The certification with its organisation (and its processes). */
    public Optional<CertificationWithOrganization> withOrganization(long id) {
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

    public Certification get(long id) {
        return certifications.get(id);
    }

    /** The phase the cycle is in now (the open task sets it while the cycle runs). */
    public void updatePhase(long id, Phase phase) {
        certifications.updatePhase(id, phase);
    }

    /** The first day of the years of monitoring, set once: a second call returns the day already set. */
    public LocalDate beginMonitoring(long id, LocalDate day) {
        return certifications.beginMonitoring(id, day);
    }

    /** Records that a process instance works for the certification; doing it twice is harmless. */
    public void linkProcess(String processInstanceId, long certificationId, String purpose) {
        certifications.linkProcess(processInstanceId, certificationId, purpose);
    }

    /** What the working group's make-up lacks, or {@code null} when it is representative. */
    public void recordWorkingGroupWarning(long id, String warning) {
        certifications.recordWorkingGroupWarning(id, warning);
    }

    /** The name of each certification's organisation, in one query. */
    public Map<Long, String> organizationNames(Collection<Long> certificationIds) {
        return certifications.organizationNames(certificationIds);
    }
}
