package it.familyaudit.workflow.workinggroup;

/** A member of the internal working group, with what representativeness is judged on. */
public record WorkingGroupMember(String fullName, String role, String gender, String ageBand, String jobCategory,
                                 String contractType) {
}
