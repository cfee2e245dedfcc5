package it.familyaudit.workflow.workinggroup;

import it.familyaudit.workflow.certification.CertificationProcess;
import it.familyaudit.workflow.certification.Certifications;
import it.familyaudit.workflow.certification.CertificationStep;
import it.familyaudit.workflow.certification.Phase;
import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.tasks.StepOutcome;
import it.familyaudit.workflow.tasks.TaskSubmission;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Management forms the working group; its completion records the members and, on the certification, the warning
 * when the group is not representative of the staff.
 */
@Component
final class FormWorkingGroup extends CertificationStep {

    private final WorkingGroupRepository groups;
    private final Certifications certifications;

    FormWorkingGroup(WorkingGroupRepository groups, Certifications certifications) {
        super(CertificationProcess.FORM_WORKING_GROUP, Phase.WORKING_GROUP);
        this.groups = groups;
        this.certifications = certifications;
    }

    @Override
    public void validate(TaskSubmission s, List<FieldError> errors) {
        if (s.values().rows("members").isEmpty()) {
            errors.add(new FieldError("members", "Indicare almeno un membro"));
        }
    }

    @Override
    public StepOutcome complete(TaskSubmission s) {
        List<WorkingGroupMember> members = s.values().rows("members").stream().map(FormWorkingGroup::member).toList();
        groups.replaceMembers(s.certificationId(), members);
        List<String> warnings = Representativeness.warnings(members);
        String warning = warnings.isEmpty() ? null
                : "Gruppo di lavoro poco rappresentativo: " + String.join("; ", warnings);
        certifications.recordWorkingGroupWarning(s.certificationId(), warning);
        return StepOutcome.recorded("Gruppo di lavoro costituito con " + members.size() + " membri"
                + (warning == null ? "" : ". " + warning));
    }

    private static WorkingGroupMember member(Map<String, Object> row) {
        return new WorkingGroupMember((String) row.get("memberName"), (String) row.get("memberRole"),
                (String) row.get("gender"), (String) row.get("ageBand"), (String) row.get("jobCategory"),
                (String) row.get("contractType"));
    }
}
