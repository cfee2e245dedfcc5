package it.familyaudit.workflow.certification;

import it.familyaudit.workflow.audit.CertificationOrganizations;
import java.util.Optional;
import org.springframework.stereotype.Component;

@Component
class CertificationOrganizationsImpl implements CertificationOrganizations {

    private final CertificationRepository certifications;

    CertificationOrganizationsImpl(CertificationRepository certifications) {
        this.certifications = certifications;
    }

    @Override
    public Optional<String> codeOf(long certificationId) {
        return certifications.organizationCodeOf(certificationId);
    }
}
