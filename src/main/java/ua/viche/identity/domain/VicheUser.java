package ua.viche.identity.domain;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import ua.viche.platform.SignedInUser;

/** The signed-in principal kept in the session (without the password hash, erased after sign-in). */
public final class VicheUser implements UserDetails, CredentialsContainer, SignedInUser, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long accountId;
    private final String username;
    private final String displayName;
    private final boolean platformAdmin;
    private @Nullable String password;

    public VicheUser(Account account) {
        this.accountId = account.getId();
        this.username = account.getEmail() == null ? "account-" + account.getId() : account.getEmail();
        this.displayName = account.getDisplayName();
        this.platformAdmin = account.isPlatformAdmin();
        this.password = account.getPasswordHash();
    }

    @Override public long accountId() { return accountId; }
    @Override public String displayName() { return displayName; }
    @Override public boolean platformAdmin() { return platformAdmin; }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
        if (platformAdmin) {
            authorities.add(new SimpleGrantedAuthority("ROLE_PLATFORM_ADMIN"));
        }
        return authorities;
    }

    @Override public @Nullable String getPassword() { return password; }

    @Override
    public void eraseCredentials() {
        password = null;
    }

    @Override public String getUsername() { return username; }

    @Override
    public boolean equals(Object o) {
        return o instanceof VicheUser u && u.accountId == accountId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(accountId);
    }

    @Override
    public String toString() {
        return "VicheUser[" + accountId + "]";
    }
}
