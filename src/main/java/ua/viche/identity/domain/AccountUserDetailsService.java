package ua.viche.identity.domain;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.platform.VicheSettings;

/**
 * Loads accounts for e-mail and password sign-in. With the demo off, demo accounts cannot sign in:
 * they answer as an unknown address does.
 */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;
    private final VicheSettings settings;

    AccountUserDetailsService(AccountRepository accounts, VicheSettings settings) {
        this.accounts = accounts;
        this.settings = settings;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String email) {
        return accounts.findByEmail(Account.normalise(email))
                .filter(a -> a.getPasswordHash() != null)
                .filter(a -> settings.demoEnabled() || !a.isDemo())
                .map(VicheUser::new)
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
    }
}
