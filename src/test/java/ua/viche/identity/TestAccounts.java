package ua.viche.identity;

import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ua.viche.identity.domain.Account;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.identity.domain.VicheUser;

/** Signs MockMvc requests in as real accounts of the database (demo staff or accounts a test made). */
public final class TestAccounts {

    private TestAccounts() {}

    public static RequestPostProcessor as(AccountRepository accounts, String email) {
        Account account = accounts.findByEmail(email).orElseThrow(() -> new AssertionError("no account " + email));
        return SecurityMockMvcRequestPostProcessors.user(new VicheUser(account));
    }

    public static RequestPostProcessor as(Account account) {
        return SecurityMockMvcRequestPostProcessors.user(new VicheUser(account));
    }

}
