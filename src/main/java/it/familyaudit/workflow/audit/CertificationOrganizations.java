package it.familyaudit.workflow.audit;

import java.util.Optional;

/**
 * The organisation an event's certification belongs to, for events whose caller did not name it:
 * answered by the certification package (which owns the certifications), kept as an interface so
 * that this package does not depend on it.
 */
public interface CertificationOrganizations {

    /** The code of the certification's organisation; empty when there is no such certification. */
    Optional<String> codeOf(long certificationId);
}
