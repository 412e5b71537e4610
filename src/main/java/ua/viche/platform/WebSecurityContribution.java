package ua.viche.platform;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * A module's part of the web security configuration (sign-in methods, API authentication).
 * The platform's security configuration applies every contribution.
 */
public interface WebSecurityContribution {

    void configure(HttpSecurity http) throws Exception;
}
