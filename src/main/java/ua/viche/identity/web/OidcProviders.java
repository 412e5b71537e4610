package ua.viche.identity.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

/** The OpenID Connect providers configured under {@code spring.security.oauth2.client.registration}. */
@Component
class OidcProviders {

    private final ObjectProvider<ClientRegistrationRepository> repository;

    OidcProviders(ObjectProvider<ClientRegistrationRepository> repository) {
        this.repository = repository;
    }

    List<Provider> providers() {
        List<Provider> list = new ArrayList<>();
        ClientRegistrationRepository repo = repository.getIfAvailable();
        if (repo instanceof Iterable<?> registrations) {
            for (Object o : registrations) {
                ClientRegistration r = (ClientRegistration) o;
                list.add(new Provider(r.getRegistrationId(), r.getClientName()));
            }
        }
        return list;
    }

    record Provider(String id, String name) {}
}
