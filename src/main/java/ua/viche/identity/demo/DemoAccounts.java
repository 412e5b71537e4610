package ua.viche.identity.demo;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.function.SingletonSupplier;
import ua.viche.identity.domain.Account;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.identity.domain.Person;
import ua.viche.identity.domain.PersonRepository;
import ua.viche.identity.domain.RoleService;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Department;
import ua.viche.platform.Role;
import ua.viche.platform.Sessions;
import ua.viche.platform.VicheSettings;

/**
 * Demo staff: for each demo community one account per role ({@code admin@<slug>.demo},
 * {@code moderator@…}, {@code official@…}, {@code operator@…}, {@code cnap@…},
 * {@code archivist@…}) and a platform administrator ({@code platform@viche.demo}), all with the
 * password {@value #PASSWORD}. Created once, only when the demo is on.
 */
@Component
@Order(20)
public class DemoAccounts implements ApplicationRunner {

    public static final String PASSWORD = "viche-demo-2026";
    public static final String PLATFORM_ADMIN = "platform@viche.demo";
    /** Accounts listed on the sign-in page in demo mode. */
    public static final List<String> STAFF_HINTS = List.of(PLATFORM_ADMIN, "admin@kropyvnytskyi.demo",
            "moderator@kropyvnytskyi.demo", "official@kropyvnytskyi.demo", "operator@kropyvnytskyi.demo",
            "cnap@kropyvnytskyi.demo", "archivist@kropyvnytskyi.demo", "admin@dmytrivka.demo",
            "admin@sievierodonetsk.demo");

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private record Staff(String prefix, Role role, String nameUk, String departmentPrefix) {}

    private static final List<Staff> STAFF = List.of(
            new Staff("admin", Role.COMMUNITY_ADMIN, "Адміністратор громади", ""),
            new Staff("moderator", Role.MODERATOR, "Модератор", "Відділ комунікацій"),
            new Staff("official", Role.OFFICIAL, "Посадова особа", "Управління інформаційних"),
            new Staff("appeals", Role.OFFICIAL, "Фахівець відділу звернень громадян", ""),
            new Staff("operator", Role.HOTLINE_OPERATOR, "Оператор контакт-центру", ""),
            new Staff("cnap", Role.CNAP_ADMINISTRATOR, "Адміністратор ЦНАП", "Департамент надання"),
            new Staff("archivist", Role.ARCHIVIST, "Архівіст", "Архівний"));

    private final VicheSettings settings;
    private final Communities communities;
    private final AccountRepository accounts;
    private final PersonRepository persons;
    private final RoleService roles;
    private final PasswordEncoder passwords;
    private final TransactionTemplate tx;
    private final Sessions sessions;

    DemoAccounts(VicheSettings settings, Communities communities, AccountRepository accounts, PersonRepository persons,
                 RoleService roles, PasswordEncoder passwords, TransactionTemplate tx, Sessions sessions) {
        this.sessions = sessions;
        this.settings = settings;
        this.communities = communities;
        this.accounts = accounts;
        this.persons = persons;
        this.roles = roles;
        this.passwords = passwords;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.demoEnabled()) {
            retire();
            return;
        }
        // the password's hash (deliberately slow to compute) only when an account is missing
        Supplier<String> hash = SingletonSupplier.of(() -> passwords.encode(PASSWORD));
        tx.executeWithoutResult(s -> {
            if (accounts.findByEmail(PLATFORM_ADMIN).isEmpty()) {
                Account admin = account(PLATFORM_ADMIN, "Адміністратор платформи", hash);
                admin.makePlatformAdmin();
            }
        });
        for (Community c : communities.all()) {
            CurrentCommunity.runAs(c, () -> tx.executeWithoutResult(s -> {
                for (Staff staff : STAFF) {
                    String email = staff.prefix() + "@" + c.slug() + ".demo";
                    if (accounts.findByEmail(email).isPresent()) {
                        continue;
                    }
                    Account account = account(email, staff.nameUk() + " (" + c.nameUk() + ")", hash);
                    Long department = staff.departmentPrefix().isEmpty() ? null : communities.departments().stream()
                            .filter(d -> d.nameUk().startsWith(staff.departmentPrefix()))
                            .map(Department::id).findFirst().orElse(null);
                    roles.grant(account.getId(), staff.role(), department, null);
                    log.info("Demo account {} ({})", email, staff.role());
                }
            }));
        }
    }

    /**
     * With the demo off, demo accounts left from a demo run cannot sign in (see
     * {@code AccountUserDetailsService}); here they also lose the platform administrator's flag and
     * every session they are signed in with, so that a deployment is never administered by an
     * account whose password is published.
     */
    private void retire() {
        tx.executeWithoutResult(s -> {
            List<Account> demo = accounts.findByEmailEndingWith(Account.DEMO_DOMAIN);
            for (Account account : demo) {
                if (account.isPlatformAdmin()) {
                    account.revokePlatformAdmin();
                    log.warn("The demo is off: demo account {} is no longer a platform administrator", account.getEmail());
                }
            }
            int ended = sessions.endAllOf(demo.stream().map(Account::getId).toList());
            if (ended > 0) {
                log.warn("The demo is off: {} sessions of demo accounts ended", ended);
            }
            if (!demo.isEmpty() && !accounts.existsByPlatformAdminTrue()) {
                log.warn("The demo is off and no account is a platform administrator: demo accounts cannot sign in");
            }
        });
    }

    private Account account(String email, String name, Supplier<String> hash) {
        Person person = persons.save(Person.unverified());
        Account account = accounts.save(new Account(email, hash.get(), name, person));
        account.confirmEmail(Instant.now());
        return account;
    }
}
