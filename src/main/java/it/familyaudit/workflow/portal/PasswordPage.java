package it.familyaudit.workflow.portal;

import it.familyaudit.workflow.accounts.AccountRefusals.PasswordLinkNotValid;
import it.familyaudit.workflow.accounts.PasswordLinks;
import it.familyaudit.workflow.engine.DescribedPasswordPolicy;
import it.familyaudit.workflow.engine.FormValidationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * Where a person sets their password with the link the agency handed them: public, since they
 * cannot sign in yet. A link unknown, used or expired gets one page (404) that never says which;
 * guessing is slowed down per address ({@link PasswordLinkThrottle}). The pages are not cached and
 * send no referrer, since their address holds the token ({@code PortalConfiguration}). A password
 * is never written back into the page, not even after an error.
 */
@Controller
class PasswordPage {

    private static final String FORM = "portal/password";
    private static final String NOT_VALID = "portal/password-invalid";

    private final PasswordLinks links;
    private final DescribedPasswordPolicy policy;
    private final PasswordLinkThrottle throttle;

    PasswordPage(PasswordLinks links, DescribedPasswordPolicy policy, PasswordLinkThrottle throttle) {
        this.links = links;
        this.policy = policy;
        this.throttle = throttle;
    }

    @GetMapping("/password/{token}")
    String form(@PathVariable String token, Locale locale, Model model, HttpServletRequest request,
                HttpServletResponse response) {
        if (!throttle.allow(request.getRemoteAddr())) {
            return throttled(response, model);
        }
        Optional<String> holder = links.holder(token);
        if (holder.isEmpty()) {
            return notValid(response);
        }
        return form(token, holder.get(), FormErrors.none(), locale, model);
    }

    @PostMapping("/password/{token}")
    String set(@PathVariable String token, @RequestParam(defaultValue = "") String password,
               @RequestParam(defaultValue = "") String repeated, Locale locale, Model model,
               HttpServletRequest request, HttpServletResponse response) {
        if (!throttle.allow(request.getRemoteAddr())) {
            return throttled(response, model);
        }
        try {
            String userId = links.setPassword(token, password, repeated);
            return "redirect:/accedi?impostata&utente=" + UriUtils.encodeQueryParam(userId, "UTF-8");
        } catch (PasswordLinkNotValid e) {
            return notValid(response);
        } catch (FormValidationException e) {
            Optional<String> holder = links.holder(token);
            if (holder.isEmpty()) {
                return notValid(response);
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(token, holder.get(), FormErrors.of(e.errors(), locale), locale, model);
        }
    }

    private String form(String token, String userId, FormErrors errors, Locale locale, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("userId", userId);
        model.addAttribute("errors", errors);
        List<String> rules = policy.getRules().stream().map(r -> FormErrors.inLanguage(r.getPlaceholder(), locale))
                .toList();
        model.addAttribute("rules", rules);
        return FORM;
    }

    private static String notValid(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return NOT_VALID;
    }

    private static String throttled(HttpServletResponse response, Model model) {
        model.addAttribute("throttled", true);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", "60");
        return NOT_VALID;
    }
}
