package ua.viche.identity.demo;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.identity.domain.Account;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.identity.domain.AccountService;
import ua.viche.identity.domain.TaxNumberHasher;
import ua.viche.identity.domain.VerifiedIdentity;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.VicheSettings;

/**
 * Verified demo residents, so that demo petitions and votes have real signers: the demo ID.GOV.UA
 * people, and for each demo community {@value #PER_COMMUNITY} made-up residents
 * ({@code resident-001@<slug>.demo} …) with no password. Created once, when the demo is on.
 */
@Component
@Order(21)
public class DemoResidents implements ApplicationRunner {

    public static final int PER_COMMUNITY = 480;

    private static final String[] SURNAMES = {"Коваль", "Бондар", "Ткачук", "Шевчук", "Кравчук", "Мельник", "Марченко",
            "Петренко", "Савченко", "Руденко", "Гончар", "Олійник", "Поліщук", "Лисенко", "Мороз", "Павленко", "Кравець",
            "Левченко", "Бойко", "Литвин", "Сидоренко", "Гнатюк", "Білик", "Тарасенко"};
    private static final String[] NAMES = {"Олена", "Андрій", "Марія", "Іван", "Наталія", "Олег", "Тетяна", "Сергій",
            "Ганна", "Микола", "Ірина", "Василь", "Оксана", "Дмитро", "Людмила", "Петро", "Юлія", "Богдан", "Світлана",
            "Тарас"};

    private final VicheSettings settings;
    private final Communities communities;
    private final AccountRepository accounts;
    private final AccountService accountService;
    private final TaxNumberHasher hasher;
    private final TransactionTemplate tx;

    DemoResidents(VicheSettings settings, Communities communities, AccountRepository accounts, AccountService accountService,
                  TaxNumberHasher hasher, TransactionTemplate tx) {
        this.settings = settings;
        this.communities = communities;
        this.accounts = accounts;
        this.accountService = accountService;
        this.hasher = hasher;
        this.tx = tx;
    }

    /** E-mail of the n-th (from 1) demo resident of a community. */
    public static String email(String slug, int n) {
        return String.format("resident-%03d@%s.demo", n, slug);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.demoEnabled()) {
            return;
        }
        for (DemoPersons.DemoPerson p : DemoPersons.ALL) {
            if (accounts.findByEmail(p.email()).isEmpty()) {
                tx.executeWithoutResult(s -> accountService.signInExternal(identity(p.taxNumber(), p.lastName(),
                        p.givenName(), p.middleName(), p.email(), p.address(),
                        TaxNumberHasher.birthDate(p.taxNumber(), java.time.LocalDate.now()).orElse(null)), null));
            }
        }
        List<Community> all = communities.all();
        for (int c = 0; c < all.size(); c++) {
            Community community = all.get(c);
            if (accounts.findByEmail(email(community.slug(), PER_COMMUNITY)).isPresent()) {
                continue;
            }
            int communityIndex = c;
            for (int from = 1; from <= PER_COMMUNITY; from += 60) {
                List<Integer> batch = new ArrayList<>();
                for (int n = from; n < from + 60 && n <= PER_COMMUNITY; n++) {
                    batch.add(n);
                }
                createResidents(community, communityIndex, batch);
            }
        }
    }

    /** One transaction per batch: few disk flushes, small persistence contexts. */
    private void createResidents(Community community, int communityIndex, List<Integer> numbers) {
            tx.executeWithoutResult(s -> {
                for (int n : numbers) {
                    String email = email(community.slug(), n);
                    if (accounts.findByEmail(email).isPresent()) {
                        continue;
                    }
                    String tax = String.format("9%d%08d", communityIndex % 10, n);
                    String address = community.setting("identity.addressKeywords", community.nameUk());
                    // Ages spread from 16 to 85, so that age rules have residents on both sides
                    java.time.LocalDate born = java.time.LocalDate.of(2010, 6, 1).minusDays((n * 7919L) % (69 * 365));
                    Account a = accountService.signInExternal(identity(tax, SURNAMES[(n * 7 + communityIndex) % SURNAMES.length],
                            NAMES[n % NAMES.length], "", email, "м. " + address, born), null);
                    a.confirmEmail(java.time.Instant.now());
                }
            });
    }

    private VerifiedIdentity identity(String tax, String last, String given, String middle, String email, String address,
                                      java.time.@org.jspecify.annotations.Nullable LocalDate born) {
        String hash = hasher.hash(tax);
        return new VerifiedIdentity("idgovua", hash, hash, last, given, middle, email, address, true, born);
    }
}
