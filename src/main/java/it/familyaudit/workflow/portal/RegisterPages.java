package it.familyaudit.workflow.portal;

import it.familyaudit.workflow.certificate.CertificateRegister;
import it.familyaudit.workflow.certificate.CertificateRegister.Verification;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public register of certified organisations, and the verification of a certificate's code: no sign-in. */
@Controller
class RegisterPages {

    private final CertificateRegister register;
    private final VerificationThrottle throttle;

    RegisterPages(CertificateRegister register, VerificationThrottle throttle) {
        this.register = register;
        this.throttle = throttle;
    }

    @GetMapping("/registro")
    String register(Model model) {
        model.addAttribute("entries", register.entries());
        return "portal/register";
    }

    /** The certificate's QR code opens this page with its code; anyone may also type one. */
    @GetMapping("/verifica")
    String verify(@RequestParam(name = "codice", required = false) String code, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        model.addAttribute("code", code == null ? "" : code.length() > 64 ? code.substring(0, 64) : code);
        if (code == null || code.isBlank()) {
            return "portal/verify";
        }
        if (!throttle.allow(request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", "60");
            model.addAttribute("throttled", true);
            return "portal/verify";
        }
        Verification result = register.verify(code);
        if (result instanceof Verification.Found found) {
            model.addAttribute("found", found.entry());
        } else {
            // Not a certificate: 404, for people and for scripts alike.
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute(result instanceof Verification.Malformed ? "malformed" : "unknown", true);
        }
        return "portal/verify";
    }
}
