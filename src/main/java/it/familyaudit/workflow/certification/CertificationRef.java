package it.familyaudit.workflow.certification;

import it.familyaudit.workflow.security.ProfessionalAssignment;

/** Which certification and organisation a process instance works for, and the professionals it names. */
public record CertificationRef(long certificationId, String organizationCode, String organizationName,
                               ProfessionalAssignment assignment) {
}
