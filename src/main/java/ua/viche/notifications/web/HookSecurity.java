package ua.viche.notifications.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.stereotype.Component;
import ua.viche.platform.WebSecurityContribution;

/** The messengers' webhooks are called by the providers, not browsers: no CSRF token; each request is checked by its signature instead. */
@Component
class HookSecurity implements WebSecurityContribution {

    @Override
    public void configure(HttpSecurity http) throws Exception {
        http.csrf(c -> c.ignoringRequestMatchers(request -> request.getRequestURI().startsWith("/hooks/")));
    }
}
