package ua.viche.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import ua.viche.IntegrationTest;
import ua.viche.platform.VicheSettings;

/** With the demo off, demo accounts cannot sign in with their published password; other accounts can. */
@IntegrationTest
class DemoSignInTest {

    @Autowired AccountRepository accounts;
    @Autowired AccountService accountService;
    @Autowired Environment environment;

    @Test
    void demoAccountsAnswerAsUnknownWhenTheDemoIsOff() {
        AccountUserDetailsService on = new AccountUserDetailsService(accounts,
                new VicheSettings("target/unused", "", "true", "", true, environment));
        AccountUserDetailsService off = new AccountUserDetailsService(accounts,
                new VicheSettings("target/unused", "", "false", "", true, environment));
        assertThat(on.loadUserByUsername("platform@viche.demo").getUsername()).isEqualTo("platform@viche.demo");
        assertThatThrownBy(() -> off.loadUserByUsername("platform@viche.demo")).isInstanceOf(UsernameNotFoundException.class);
        assertThatThrownBy(() -> off.loadUserByUsername("admin@kropyvnytskyi.demo")).isInstanceOf(UsernameNotFoundException.class);

        String email = "real-" + UUID.randomUUID() + "@example.org";
        accountService.register(email, "довгий пароль 2026", "Справжня Особа", Locale.forLanguageTag("uk"), "http://localhost");
        assertThat(off.loadUserByUsername(email).getUsername()).isEqualTo(email);
    }
}
