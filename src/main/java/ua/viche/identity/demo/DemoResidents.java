package ua.viche.identity.demo;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.identity.domain.Account;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.identity.domain.AccountService;
import ua.viche.identity.domain.ResidencyService;
import ua.viche.identity.domain.TaxNumberHasher;
import ua.viche.identity.domain.VerifiedIdentity;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.VicheSettings;

/**
 * Verified demo residents, so that demo petitions and votes have real signers: the demo ID.GOV.UA
 * people, and for each demo community {@value #PER_COMMUNITY} made-up residents
 * ({@code resident-001@<slug>.demo} …) with no password. Created once, when the demo is on. Where
 * the community's KATOTTG code is known ({@link DemoSettlements}) their verified address carries
 * it; elsewhere they, and the demo people living there, are on the community's census list.
 */
@Component
@Order(21)
public class DemoResidents implements ApplicationRunner {

    public static final int PER_COMMUNITY = 480;

    /** Demo people whose address has no known code, on the census list of the community they live in. */
    private static final Map<String, String> CENSUS_PEOPLE = Map.of("dmytrivka", "mariia",
            "sievierodonetsk", "ihor");

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
    private final ResidencyService residency;
    private final JdbcTemplate jdbc;

    DemoResidents(VicheSettings settings, Communities communities, AccountRepository accounts, AccountService accountService,
                  TaxNumberHasher hasher, TransactionTemplate tx, ResidencyService residency, JdbcTemplate jdbc) {
        this.settings = settings;
        this.communities = communities;
        this.accounts = accounts;
        this.accountService = accountService;
        this.hasher = hasher;
        this.tx = tx;
        this.residency = residency;
        this.jdbc = jdbc;
    }

    /** The made-up tax number of the n-th demo resident of the community at this index. */
    private static String taxNumber(int communityIndex, int n) {
        return String.format("9%d%08d", communityIndex % 10, n);
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
                        TaxNumberHasher.birthDate(p.taxNumber(), LocalDate.now()).orElse(null), p.katottg()), null));
            }
        }
        List<Community> all = communities.all();
        for (int c = 0; c < all.size(); c++) {
            Community community = all.get(c);
            int communityIndex = c;
            String code = DemoSettlements.codeOf(community.slug());
            if (accounts.findByEmail(email(community.slug(), PER_COMMUNITY)).isEmpty()) {
                createResidents(community, communityIndex, code);
            } else if (code != null) {
                // residents made before addresses carried codes
                jdbc.update("update person p set katottg = ? from account a where a.person_id = p.id and a.email like ?"
                        + " and p.verified_at is not null and p.katottg is null", code, "resident-%@" + community.slug() + ".demo");
            }
            if (code == null && !Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from census_entry"
                    + " where community_id = ? and tax_hash = ?)", Boolean.class, community.id(),
                    hasher.hash(taxNumber(communityIndex, PER_COMMUNITY))))) {
                List<String> listed = new ArrayList<>();
                DemoPersons.byKey(CENSUS_PEOPLE.getOrDefault(community.slug(), "")).ifPresent(p -> listed.add(p.taxNumber()));
                for (int n = 1; n <= PER_COMMUNITY; n++) {
                    listed.add(taxNumber(communityIndex, n));
                }
                CurrentCommunity.runAs(community, () -> tx.executeWithoutResult(st -> residency.addToCensus(listed)));
            }
        }
    }

    /**
     * The community's demo residents as the ID.GOV.UA sign-in would record them (a verified person,
     * an account with a confirmed e-mail, the external login), written with batched statements in
     * one transaction: a first start makes 1,440 of them.
     */
    private void createResidents(Community community, int communityIndex, @Nullable String code) {
        tx.executeWithoutResult(s -> {
            Set<String> existing = new HashSet<>(jdbc.queryForList(
                    "select email from account where email like ?", String.class, "resident-%@" + community.slug() + ".demo"));
            List<Object[]> persons = new ArrayList<>();
            List<Object[]> accountRows = new ArrayList<>();
            List<Object[]> logins = new ArrayList<>();
            Timestamp now = Timestamp.from(Instant.now());
            List<Long> personIds = jdbc.queryForList("select nextval('person_id_seq') from generate_series(1, ?)", Long.class,
                    PER_COMMUNITY);
            List<Long> accountIds = jdbc.queryForList("select nextval('account_id_seq') from generate_series(1, ?)", Long.class,
                    PER_COMMUNITY);
            for (int n = 1; n <= PER_COMMUNITY; n++) {
                String email = email(community.slug(), n);
                if (existing.contains(email)) {
                    continue;
                }
                String hash = hasher.hash(taxNumber(communityIndex, n));
                // Ages spread from 16 to 85, so that age rules have residents on both sides
                LocalDate born = LocalDate.of(2010, 6, 1).minusDays((n * 7919L) % (69 * 365));
                String last = SURNAMES[(n * 7 + communityIndex) % SURNAMES.length];
                String given = NAMES[n % NAMES.length];
                long person = personIds.get(n - 1);
                long account = accountIds.get(n - 1);
                persons.add(new Object[] {person, hash, last, given, "", community.nameUk() + ", вул. Демонстраційна, " + n, now,
                    "idgovua", born, code});
                accountRows.add(new Object[] {account, email, given + " " + last, now, person});
                logins.add(new Object[] {account, "idgovua", hash});
            }
            jdbc.batchUpdate("insert into person (id, tax_hash, last_name, given_name, middle_name, address, verified_at, verified_by,"
                    + " birth_date, katottg) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", persons);
            jdbc.batchUpdate("insert into account (id, email, display_name, email_confirmed_at, person_id) values (?, ?, ?, ?, ?)",
                    accountRows);
            jdbc.batchUpdate("insert into external_login (account_id, provider, subject) values (?, ?, ?)", logins);
        });
    }

    private VerifiedIdentity identity(String tax, String last, String given, String middle, String email, String address,
                                      @Nullable LocalDate born, @Nullable String katottg) {
        String hash = hasher.hash(tax);
        return new VerifiedIdentity("idgovua", hash, hash, last, given, middle, email, address, true, born,
                katottg == null || katottg.isEmpty() ? null : katottg);
    }
}
