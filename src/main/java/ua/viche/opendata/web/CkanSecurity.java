package ua.viche.opendata.web;

import java.util.regex.Pattern;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.stereotype.Component;
import ua.viche.platform.WebSecurityContribution;

/**
 * CKAN clients are programs, not browsers: they POST JSON without a CSRF token or a session. The
 * Action API only reads, so CSRF is off for it ({@code /{community}/api/3/action/…} and
 * {@code /{community}/api/action/…}) and nowhere else.
 */
@Component
class CkanSecurity implements WebSecurityContribution {

    static final Pattern CKAN_PATH = Pattern.compile("/[a-z0-9-]+/api/(3/)?action/[a-z_]+");

    @Override
    public void configure(HttpSecurity http) throws Exception {
        http.csrf(c -> c.ignoringRequestMatchers(request -> CKAN_PATH.matcher(
                request.getRequestURI().substring(request.getContextPath().length())).matches()));
    }
}
