package it.familyaudit.workflow.certification;

import it.familyaudit.workflow.security.CurrentUsers;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/certifications")
class CertificationController {

    private final CertificationService certifications;
    private final CurrentUsers users;

    CertificationController(CertificationService certifications, CurrentUsers users) {
        this.certifications = certifications;
        this.users = users;
    }

    @PostMapping
    ResponseEntity<CertificationView> start() {
        CertificationView started = certifications.start(users.current());
        return ResponseEntity.created(URI.create("/api/certifications/" + started.id())).body(started);
    }

    @GetMapping
    List<CertificationView> list() {
        return certifications.list(users.current());
    }

    @GetMapping("/{id}")
    CertificationView get(@PathVariable long id) {
        return certifications.get(users.current(), id);
    }

    @PostMapping("/{id}/withdrawal")
    CertificationView withdraw(@PathVariable long id, @RequestBody WithdrawalRequest request) {
        return certifications.withdraw(users.current(), id, request.validReason());
    }
}
