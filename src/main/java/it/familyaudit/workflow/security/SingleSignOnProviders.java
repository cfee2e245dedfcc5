package it.familyaudit.workflow.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

/**
 * The OpenID Connect providers a person may sign in through, for the portal's sign-in page: none
 * unless single sign-on is on and a client is registered (the same condition under which the
 * webapps' chain serves the provider's sign-in, see {@link OidcWebappLogin}).
 */
@Component
public class SingleSignOnProviders {

    /** @param signInPath where the sign-in starts; {@code name} is the registration's client name */
    public record Provider(String signInPath, String name) {
    }

    private final List<Provider> providers;

    SingleSignOnProviders(ObjectProvider<OidcUserProvisioning> provisioning,
                          ObjectProvider<ClientRegistrationRepository> clients) {
        List<Provider> found = new ArrayList<>();
        // Spring Boot's repository is iterable; one that is not lists nothing rather than guessing.
        if (provisioning.getIfAvailable() != null && clients.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object r : registrations) {
                ClientRegistration registration = (ClientRegistration) r;
                found.add(new Provider("/oauth2/authorization/" + registration.getRegistrationId(),
                        registration.getClientName()));
            }
        }
        this.providers = List.copyOf(found);
    }

    public List<Provider> all() {
        return providers;
    }
}
