package ua.viche.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serial;
import java.util.Collection;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import ua.viche.platform.Sessions;
import ua.viche.platform.SignedInUser;

/**
 * Security contexts in the session, kept small: a signed-in user's authentication is stored as
 * the principal alone ({@link SignedIn}), not as the token the sign-in produced with its list of
 * authorities, request details and credentials. Every request that reads the sign-in deserialises
 * it, so its size and the number of classes in it are paid on every page and every signature.
 */
final class SessionContexts implements SecurityContextRepository {

    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        return sessions.loadDeferredContext(request);
    }

    @Override
    @Deprecated
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return sessions.loadContext(holder);
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        sessions.saveContext(compact(context), request, response);
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return sessions.containsContext(request);
    }

    /** The context as the session keeps it: a signed-in user as {@link SignedIn}, anything else as it is. */
    static SecurityContext compact(SecurityContext context) {
        Authentication a = context.getAuthentication();
        if (a == null || a instanceof SignedIn || !a.isAuthenticated()
                || !(a.getPrincipal() instanceof SignedInUser) || !(a.getPrincipal() instanceof UserDetails user)) {
            return context;
        }
        SecurityContext stored = SecurityContextHolder.createEmptyContext();
        stored.setAuthentication(new SignedIn(user));
        return stored;
    }

    /**
     * A signed-in user's authentication: the principal (a {@link SignedInUser} that is also the
     * {@link UserDetails} it signed in with), whose authorities it reports. No credentials, no
     * request details.
     */
    static final class SignedIn implements Authentication {
        @Serial
        private static final long serialVersionUID = 1L;

        private final UserDetails user;
        private boolean authenticated = true;

        SignedIn(UserDetails user) {
            this.user = user;
        }

        @Override
        public Collection<? extends GrantedAuthority> getAuthorities() {
            return user.getAuthorities();
        }

        @Override
        public @Nullable Object getCredentials() {
            return null;
        }

        @Override
        public @Nullable Object getDetails() {
            return null;
        }

        @Override
        public Object getPrincipal() {
            return user;
        }

        @Override
        public boolean isAuthenticated() {
            return authenticated;
        }

        @Override
        public void setAuthenticated(boolean authenticated) {
            this.authenticated = authenticated;
        }

        @Override
        public String getName() {
            // the name the session is indexed by (Spring Session's principal_name): the account, not its e-mail
            return Sessions.principalName(((SignedInUser) user).accountId());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SignedIn s && s.user.equals(user);
        }

        @Override
        public int hashCode() {
            return user.hashCode();
        }

        @Override
        public String toString() {
            return "SignedIn[" + user + "]";
        }
    }
}
