package it.familyaudit.workflow.portal;

import it.familyaudit.workflow.accounts.Accounts;
import it.familyaudit.workflow.accounts.NewPerson;
import it.familyaudit.workflow.accounts.PasswordLink;
import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.engine.FormValidationException;
import it.familyaudit.workflow.organization.Organization;
import it.familyaudit.workflow.organization.OrganizationRefusals.OrganizationAlreadyRegistered;
import it.familyaudit.workflow.organization.OrganizationService;
import it.familyaudit.workflow.security.CurrentUser;
import it.familyaudit.workflow.security.CurrentUsers;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The agency's pages for bringing organisations and people in ({@code /ente/…}): register an
 * organisation, add its referent, management and working group, add consultants and evaluators to
 * the register, and hand each person the link with which they set their password. The agency
 * alone opens them (every other role gets 403, a visitor the sign-in). A form with errors comes
 * back with what was typed, the errors listed at the top and beside each field; a form that
 * succeeds redirects, so that reloading the next page never registers anything twice.
 */
@Controller
@RequestMapping("/ente")
class AgencyPages {

    private static final String NEW_ORGANISATION = "portal/agency-organisation-new";
    private static final String PEOPLE = "portal/agency-people";
    private static final String LINK = "portal/agency-link";

    private final OrganizationService organizations;
    private final Accounts accounts;
    private final CurrentUsers users;
    private final MessageSource messages;

    AgencyPages(OrganizationService organizations, Accounts accounts, CurrentUsers users, MessageSource messages) {
        this.organizations = organizations;
        this.accounts = accounts;
        this.users = users;
        this.messages = messages;
    }

    /** Before every page here: the agency alone; the refusal is the portal's 403 page. */
    @ModelAttribute
    void agencyOnly() {
        accounts.agencyOnly(users.current());
    }

    @GetMapping("/organizzazioni/nuova")
    String newOrganisation(Model model) {
        return organisationForm(model, "", "", "", FormErrors.none());
    }

    @PostMapping("/organizzazioni/nuova")
    String registerOrganisation(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
                                @RequestParam(defaultValue = "") String kind, Locale locale, Model model,
                                HttpServletResponse response, RedirectAttributes next) {
        // Codes are lower case: one typed with capitals or spaces around it is the code meant.
        String typedCode = code.strip().toLowerCase(Locale.ROOT);
        try {
            Organization registered = organizations.registerNew(users.current(), typedCode, name, kind);
            next.addFlashAttribute("registered", registered.name());
            return "redirect:/ente/organizzazioni/" + registered.code();
        } catch (FormValidationException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return organisationForm(model, typedCode, name, kind, FormErrors.of(e.errors(), locale));
        } catch (OrganizationAlreadyRegistered e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return organisationForm(model, typedCode, name, kind,
                    FormErrors.none().plus("code", messages.getMessage("onboarding.org.codeTaken", null, locale)));
        }
    }

    @GetMapping("/organizzazioni/{code}")
    String organisation(@PathVariable String code, Model model) {
        return organisationPeople(code, model, Map.of(), FormErrors.none());
    }

    @PostMapping("/organizzazioni/{code}/persone")
    String addToOrganisation(@PathVariable String code, @RequestParam Map<String, String> form, Locale locale,
                             Model model, HttpServletResponse response, RedirectAttributes next) {
        try {
            PasswordLink link = accounts.addToOrganisation(users.current(), code, person(form));
            return showLink(link, "/ente/organizzazioni/" + code, next);
        } catch (FormValidationException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return organisationPeople(code, model, form, FormErrors.of(e.errors(), locale));
        }
    }

    @PostMapping("/organizzazioni/{code}/persone/{userId}/collegamento")
    String newLinkInOrganisation(@PathVariable String code, @PathVariable String userId, RedirectAttributes next) {
        organizations.visibleTo(users.current(), code);
        return showLink(accounts.newPasswordLink(users.current(), code, userId), "/ente/organizzazioni/" + code, next);
    }

    @GetMapping("/professionisti")
    String professionals(Model model) {
        return professionalPeople(model, Map.of(), FormErrors.none());
    }

    @PostMapping("/professionisti")
    String addProfessional(@RequestParam Map<String, String> form, Locale locale, Model model,
                           HttpServletResponse response, RedirectAttributes next) {
        try {
            return showLink(accounts.addProfessional(users.current(), person(form)), "/ente/professionisti", next);
        } catch (FormValidationException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return professionalPeople(model, form, FormErrors.of(e.errors(), locale));
        }
    }

    @PostMapping("/professionisti/{userId}/collegamento")
    String newLinkForProfessional(@PathVariable String userId, RedirectAttributes next) {
        return showLink(accounts.newPasswordLink(users.current(), null, userId), "/ente/professionisti", next);
    }

    /** The link just issued, once: reloading the page, or coming back to it, shows it no more. */
    @GetMapping("/collegamento")
    String link(Model model) {
        if (!model.containsAttribute("link")) {
            return "redirect:/";
        }
        return LINK;
    }

    private String showLink(PasswordLink link, String back, RedirectAttributes next) {
        String address = accounts.address(link, ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
        next.addFlashAttribute("link", new IssuedLink(address, link.userId(), link.personName(), link.purpose().name(),
                LocalDateTime.ofInstant(link.expiresAt(), EngineTime.ZONE), back));
        return "redirect:/ente/collegamento";
    }

    private String organisationForm(Model model, String code, String name, String kind, FormErrors errors) {
        model.addAttribute("form", Map.of("code", code, "name", name, "kind", kind));
        model.addAttribute("kinds", OrganizationService.KINDS);
        model.addAttribute("errors", errors);
        return NEW_ORGANISATION;
    }

    private String organisationPeople(String code, Model model, Map<String, String> form, FormErrors errors) {
        CurrentUser user = users.current();
        Organization organization = organizations.visibleTo(user, code);
        model.addAttribute("organization", organization);
        model.addAttribute("people", accounts.ofOrganisation(user, code));
        model.addAttribute("roles", Accounts.ORGANISATION_ROLES);
        model.addAttribute("action", "/ente/organizzazioni/" + organization.code() + "/persone");
        return peopleForm(model, form, errors);
    }

    private String professionalPeople(Model model, Map<String, String> form, FormErrors errors) {
        model.addAttribute("people", accounts.professionals(users.current()));
        model.addAttribute("roles", Accounts.PROFESSIONAL_ROLES);
        model.addAttribute("action", "/ente/professionisti");
        return peopleForm(model, form, errors);
    }

    private String peopleForm(Model model, Map<String, String> form, FormErrors errors) {
        model.addAttribute("form", Map.of("firstName", form.getOrDefault("firstName", ""),
                "lastName", form.getOrDefault("lastName", ""), "email", form.getOrDefault("email", ""),
                "role", form.getOrDefault("role", "")));
        model.addAttribute("errors", errors);
        model.addAttribute("validityHours", accounts.linkValidity().toHours());
        return PEOPLE;
    }

    private static NewPerson person(Map<String, String> form) {
        return new NewPerson(form.get("firstName"), form.get("lastName"), form.get("email"), form.get("role"));
    }
}
