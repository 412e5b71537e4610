package ua.viche.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import ua.viche.platform.Refusal;
import ua.viche.identity.domain.Account;
import ua.viche.identity.domain.AccountService;
import ua.viche.identity.domain.VerifiedIdentity;
import ua.viche.platform.WebSecurityContribution;

/**
 * Sign-in through any OpenID Connect provider configured under
 * {@code spring.security.oauth2.client.registration.<id>}. The provider's user is mapped to an
 * account (by provider and subject); a verified e-mail confirms the account's address. OIDC
 * does not verify identity to the level ID.GOV.UA does, so it never makes a person "verified".
 */
@Component
class IdentitySecurity implements WebSecurityContribution {

    private final ObjectProvider<ClientRegistrationRepository> registrations;
    private final AccountService accounts;
    private final SignInSupport signIn;

    IdentitySecurity(ObjectProvider<ClientRegistrationRepository> registrations, AccountService accounts,
                     SignInSupport signIn) {
        this.registrations = registrations;
        this.accounts = accounts;
        this.signIn = signIn;
    }

    @Override
    public void configure(HttpSecurity http) throws Exception {
        if (registrations.getIfAvailable() == null) {
            return;
        }
        http.oauth2Login(o -> o.loginPage("/account/signin").successHandler(this::onSuccess)
                .failureUrl("/account/signin?error"));
    }

    private void onSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        if (!(authentication instanceof OAuth2AuthenticationToken token) || !(token.getPrincipal() instanceof OidcUser user)) {
            response.sendRedirect("/account/signin?error");
            return;
        }
        boolean emailVerified = Boolean.TRUE.equals(user.getEmailVerified());
        VerifiedIdentity identity = new VerifiedIdentity(token.getAuthorizedClientRegistrationId(), user.getSubject(),
                null, user.getFamilyName(), user.getGivenName(), user.getMiddleName(),
                emailVerified ? user.getEmail() : null, null, false);
        try {
            Account account = accounts.signInExternal(identity, null);
            response.sendRedirect(signIn.signIn(account, request, response));
        } catch (Refusal e) { // the identity belongs to another account
            response.sendRedirect("/account/signin?error");
        }
    }
}
