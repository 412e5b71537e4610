package ua.viche.problems.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.stereotype.Component;
import ua.viche.platform.WebSecurityContribution;

/**
 * Open311 clients are programs, not browsers: they send no CSRF token and hold no session; a POST
 * is authorised by its {@code api_key} (checked by the Open311 controller), reads are public.
 */
@Component
class ProblemSecurity implements WebSecurityContribution {

    @Override
    public void configure(HttpSecurity http) throws Exception {
        http.csrf(c -> c.ignoringRequestMatchers(request -> request.getRequestURI().startsWith("/open311/")));
    }
}
