package it.familyaudit.workflow.portal;

import it.familyaudit.workflow.security.People;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every portal page's header greets the signed-in user by name, not by user id. */
@ControllerAdvice(basePackageClasses = SignedInName.class)
class SignedInName {

    private final People people;

    SignedInName(People people) {
        this.people = people;
    }

    @ModelAttribute("signedInName")
    String signedInName() {
        return HomePage.signedIn() ? people.nameOf(SecurityContextHolder.getContext().getAuthentication().getName())
                : null;
    }
}
