package ua.viche.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import ua.viche.platform.RateLimiter;
import ua.viche.platform.TooManyRequestsException;
import ua.viche.platform.WebSecurityContribution;

/**
 * The security baseline: CSRF on, session fixation protection, secure headers (the CSP with nonces
 * is set by the platform's header filter), sign-in required for account and admin pages, rate
 * limits on sign-in and registration. Modules add their parts as {@link WebSecurityContribution}s.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new SessionContexts();
    }

    /**
     * No observations by Spring Security: with them, every filter of the chain is wrapped in an
     * observation on every request, which costs CPU on the hot paths, and nothing reads them.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain web(HttpSecurity http, SecurityContextRepository contexts, RateLimiter limiter,
                            List<WebSecurityContribution> contributions) throws Exception {
        RequestMatcher api = request -> request.getRequestURI().startsWith("/api/");
        http.securityContext(c -> c.securityContextRepository(contexts))
            .authorizeHttpRequests(a -> a
                .requestMatchers("/account/signin", "/account/signin/**", "/account/register", "/account/confirm",
                        "/account/reset", "/account/reset/**", "/account/email/confirm").permitAll()
                .requestMatchers("/account", "/account/**").authenticated()
                .requestMatchers("/admin", "/admin/**").hasRole("PLATFORM_ADMIN")
                .requestMatchers("/*/admin", "/*/admin/**").authenticated()
                .anyRequest().permitAll())
            .formLogin(f -> f.loginPage("/account/signin").loginProcessingUrl("/account/signin")
                .usernameParameter("email").passwordParameter("password").defaultSuccessUrl("/account", false)
                .failureUrl("/account/signin?error").permitAll())
            .logout(l -> l.logoutUrl("/account/signout").logoutSuccessUrl("/?signedOut"))
            .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
            .exceptionHandling(e -> e
                .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/account/signin"), request -> true))
            .headers(h -> h
                .frameOptions(f -> f.deny())
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
            .addFilterBefore(new RateLimitFilter(limiter), UsernamePasswordAuthenticationFilter.class);
        for (WebSecurityContribution contribution : contributions) {
            contribution.configure(http);
        }
        return http.build();
    }

    /**
     * Limits sign-in, registration and reset requests per client address (behind a trusted proxy, the
     * real client's: {@code TrustedProxies}), sign-in attempts also per account and reset requests per
     * address asked for, so that many clients cannot guess one account's password or flood one mailbox.
     */
    static final class RateLimitFilter extends OncePerRequestFilter {
        private final RateLimiter limiter;

        RateLimitFilter(RateLimiter limiter) {
            this.limiter = limiter;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if ("POST".equals(request.getMethod())) {
                String path = request.getRequestURI();
                RateLimiter.Limit limit = switch (path) {
                    case "/account/signin" -> RateLimiter.SIGN_IN;
                    case "/account/register" -> RateLimiter.REGISTER;
                    case "/account/reset" -> RateLimiter.EMAIL;
                    default -> null;
                };
                if (limit != null) {
                    try {
                        limiter.consume(limit, request.getRemoteAddr());
                        String email = request.getParameter("email");
                        if (email != null && !email.isBlank() && limit != RateLimiter.REGISTER) {
                            String address = email.strip().toLowerCase(Locale.ROOT);
                            limiter.consume(limit == RateLimiter.SIGN_IN ? RateLimiter.SIGN_IN_ACCOUNT : RateLimiter.EMAIL,
                                    "to:" + address);
                        }
                    } catch (TooManyRequestsException e) {
                        response.setHeader("Retry-After", "60");
                        response.sendError(429);
                        return;
                    }
                }
            }
            chain.doFilter(request, response);
        }
    }
}
