package it.familyaudit.workflow.organization;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.familyaudit.workflow.engine.FieldError;
import it.familyaudit.workflow.engine.FormValidationException;
import it.familyaudit.workflow.organization.OrganizationRefusals.OnlyTheAgencyRegisters;
import it.familyaudit.workflow.organization.OrganizationRefusals.OrganizationAlreadyRegistered;
import it.familyaudit.workflow.organization.OrganizationRefusals.OrganizationNotFound;
import it.familyaudit.workflow.security.CurrentUser;
import it.familyaudit.workflow.security.CurrentUsers;
import it.familyaudit.workflow.security.Roles;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
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

    /** Also a Camunda tenant id: lower-case letters, digits and hyphens. */
    private static final Pattern CODE = Pattern.compile("^[a-z0-9][a-z0-9-]{1,62}$");
    static final Set<String> KINDS = Set.of("MUNICIPALITY", "PUBLIC_BODY", "COMPANY", "NON_PROFIT", "OTHER");

    record Registration(String code, String name, String kind) {
    }

    private final OrganizationService service;
    private final OrganizationRepository organizations;
    private final CurrentUsers users;

    OrganizationController(OrganizationService service, OrganizationRepository organizations, CurrentUsers users) {
        this.service = service;
        this.organizations = organizations;
        this.users = users;
    }

    @Operation(summary = "Registra un'organizzazione / Registers an organisation",
            description = "Solo l'ente di certificazione. / Certifying agency only.")
    @PostMapping
    ResponseEntity<Organization> register(@RequestBody Registration r) {
        if (!users.current().has(Roles.AGENCY)) {
            throw new OnlyTheAgencyRegisters();
        }
        List<FieldError> errors = new ArrayList<>();
        if (r.code() == null || !CODE.matcher(r.code()).matches()) {
            errors.add(new FieldError("code", "Da 2 a 63 caratteri: lettere minuscole, cifre e trattini"));
        }
        if (r.name() == null || r.name().isBlank() || r.name().length() > 300) {
            errors.add(new FieldError("name", "Obbligatorio, al massimo 300 caratteri"));
        }
        if (r.kind() == null || !KINDS.contains(r.kind())) {
            errors.add(new FieldError("kind", "Uno di " + KINDS));
        }
        if (!errors.isEmpty()) {
            throw new FormValidationException(errors);
        }
        if (organizations.findByCode(r.code()).isPresent()) {
            throw new OrganizationAlreadyRegistered(r.code());
        }
        Organization created = service.register(r.code(), r.name().strip(), r.kind());
        return ResponseEntity.created(URI.create("/api/organizations/" + created.code())).body(created);
    }

    @Operation(summary = "Un'organizzazione / One organisation",
            description = "404 fuori dalle proprie. / 404 outside one's own.")
    @GetMapping("/{code}")
    Organization get(@PathVariable String code) {
        CurrentUser user = users.current();
        Organization o = organizations.findByCode(code).orElseThrow(OrganizationNotFound::new);
        if (!user.seesAllOrganisations() && !user.tenants().contains(code)) {
            throw new OrganizationNotFound();
        }
        return o;
    }
}
