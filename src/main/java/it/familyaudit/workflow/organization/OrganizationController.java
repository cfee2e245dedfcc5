package it.familyaudit.workflow.organization;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.familyaudit.workflow.security.CurrentUsers;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The agency registers the organisations that take part; agency and council look them up. */
@Tag(name = "Organizzazioni / Organisations", description = "Le organizzazioni che partecipano / The organisations taking part")
@RestController
@RequestMapping("/api/organizations")
class OrganizationController {

    record Registration(String code, String name, String kind) {
    }

    private final OrganizationService service;
    private final CurrentUsers users;

    OrganizationController(OrganizationService service, CurrentUsers users) {
        this.service = service;
        this.users = users;
    }

    @Operation(summary = "Registra un'organizzazione / Registers an organisation",
            description = "Solo l'ente di certificazione. / Certifying agency only.")
    @PostMapping
    ResponseEntity<Organization> register(@RequestBody Registration r) {
        Organization created = service.registerNew(users.current(), r.code(), r.name(), r.kind());
        return ResponseEntity.created(URI.create("/api/organizations/" + created.code())).body(created);
    }

    @Operation(summary = "Un'organizzazione / One organisation",
            description = "404 fuori dalle proprie. / 404 outside one's own.")
    @GetMapping("/{code}")
    Organization get(@PathVariable String code) {
        return service.visibleTo(users.current(), code);
    }
}
