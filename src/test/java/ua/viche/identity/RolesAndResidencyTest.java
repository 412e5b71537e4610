package ua.viche.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.IntegrationTest;
import ua.viche.identity.domain.Account;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.identity.domain.AccountService;
import ua.viche.identity.domain.ResidencyService;
import ua.viche.identity.domain.TaxNumberHasher;
import ua.viche.identity.domain.VerifiedIdentity;
import ua.viche.petitions.domain.PetitionDrafting;
import ua.viche.petitions.domain.PetitionModeration;
import ua.viche.petitions.domain.PetitionService;
import ua.viche.petitions.domain.PetitionSigning;
import ua.viche.platform.AccessControl;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Role;

/** Roles per community with audit; residency by declaration, census list and verified address; deletion. */
@IntegrationTest
class RolesAndResidencyTest {

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired AccountService accountService;
    @Autowired ResidencyService residency;
    @Autowired AccessControl access;
    @Autowired Communities communities;
    @Autowired TaxNumberHasher hasher;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate tx;

    @Test
    void communityAdminGrantsAndRevokesRolesAndEveryActionIsAudited() throws Exception {
        Community k = communities.bySlug("kropyvnytskyi").orElseThrow();
        Account resident = newAccount();
        long departmentId = CurrentCommunity.callAs(k, () -> communities.departments().get(0).id());
        mvc.perform(post("/kropyvnytskyi/admin/roles").with(csrf()).with(TestAccounts.as(accounts, "admin@kropyvnytskyi.demo"))
                        .param("email", resident.getEmail()).param("role", "OFFICIAL").param("departmentId", String.valueOf(departmentId)))
                .andExpect(redirectedUrl("/kropyvnytskyi/admin/roles"));
        assertThat(access.hasRole(resident.getId(), k.id(), Role.OFFICIAL)).isTrue();
        Community d = communities.bySlug("dmytrivka").orElseThrow();
        assertThat(CurrentCommunity.callAs(d, () -> access.hasRole(resident.getId(), d.id(), Role.OFFICIAL))).isFalse();

        Long grantId = jdbc.queryForObject("select id from role_grant where account_id = ?", Long.class, resident.getId());
        mvc.perform(post("/kropyvnytskyi/admin/roles/" + grantId + "/revoke").with(csrf())
                        .with(TestAccounts.as(accounts, "admin@kropyvnytskyi.demo")))
                .andExpect(redirectedUrl("/kropyvnytskyi/admin/roles"));
        assertThat(CurrentCommunity.callAs(k, () -> access.hasRole(resident.getId(), k.id(), Role.OFFICIAL))).isFalse();

        mvc.perform(get("/kropyvnytskyi/admin/audit").with(TestAccounts.as(accounts, "admin@kropyvnytskyi.demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("role.granted")))
                .andExpect(content().string(containsString("role.revoked")));
        mvc.perform(get("/dmytrivka/admin/audit").with(TestAccounts.as(accounts, "admin@dmytrivka.demo")))
                .andExpect(content().string(Matchers.not(containsString("grant " + grantId + ")"))));
    }

    @Test
    void badGrantsChangeNothingAndOnlyAdminsOfTheCommunityMayGrant() throws Exception {
        long before = jdbc.queryForObject("select count(*) from role_grant", Long.class);
        mvc.perform(post("/kropyvnytskyi/admin/roles").with(csrf()).with(TestAccounts.as(accounts, "admin@kropyvnytskyi.demo"))
                        .param("email", "nobody-" + UUID.randomUUID() + "@example.org").param("role", "KING").param("departmentId", "abc"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Обліковий запис із такою адресою не знайдено")))
                .andExpect(content().string(containsString("Такого підрозділу в громаді немає")))
                .andExpect(content().string(containsString("Це поле обов’язкове")));
        long foreignDepartment = CurrentCommunity.callAs(communities.bySlug("dmytrivka").orElseThrow(),
                () -> communities.departments().get(0).id());
        mvc.perform(post("/kropyvnytskyi/admin/roles").with(csrf()).with(TestAccounts.as(accounts, "admin@kropyvnytskyi.demo"))
                        .param("email", "official@kropyvnytskyi.demo").param("role", "MODERATOR")
                        .param("departmentId", String.valueOf(foreignDepartment)))
                .andExpect(content().string(containsString("Такого підрозділу в громаді немає")));
        mvc.perform(post("/kropyvnytskyi/admin/roles").with(csrf()).with(TestAccounts.as(accounts, "admin@dmytrivka.demo"))
                        .param("email", "official@kropyvnytskyi.demo").param("role", "MODERATOR"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/kropyvnytskyi/admin/roles").with(TestAccounts.as(accounts, "moderator@kropyvnytskyi.demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/kropyvnytskyi/admin/roles")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/kropyvnytskyi/admin/audit").param("page", "x").with(TestAccounts.as(accounts, "admin@kropyvnytskyi.demo")))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/kropyvnytskyi/admin/roles/999999999/revoke").with(csrf())
                        .with(TestAccounts.as(accounts, "admin@kropyvnytskyi.demo")))
                .andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select count(*) from role_grant", Long.class)).isEqualTo(before);
        mvc.perform(get("/admin/communities").with(TestAccounts.as(accounts, "admin@kropyvnytskyi.demo")))
                .andExpect(status().isForbidden());
    }

    @Test
    void anAccountsSummaryReadWithPlainSqlAgreesWithTheAccount() {
        Account unconfirmed = newAccount();
        AccountService.Summary u = accountService.summary(unconfirmed.getId()).orElseThrow();
        assertThat(u.name()).isEqualTo("Тестова Особа");
        assertThat(u.level()).isEqualTo(AssuranceLevel.NONE).isEqualTo(unconfirmed.assurance());
        assertThat(u.email()).isEqualTo(unconfirmed.getEmail());
        assertThat(u.personId()).isEqualTo(unconfirmed.getPerson().getId());
        assertThat(u.residency().verifiedKatottg()).isNull();

        String taxNumber = "5" + String.format("%09d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L));
        Account verified = tx.execute(s -> accountService.signInExternal(new VerifiedIdentity("test", "s-" + taxNumber,
                hasher.hash(taxNumber), "Гнатюк", "Ірина", "", null, "м. Київ, вул. Хрещатик, 1", true,
                LocalDate.of(1984, 5, 17), "UA99000000000000001"), null));
        AccountService.Summary v = accountService.summary(verified.getId()).orElseThrow();
        assertThat(v.name()).isEqualTo("Гнатюк Ірина").isEqualTo(verified.getPerson().fullName());
        assertThat(v.level()).isEqualTo(AssuranceLevel.VERIFIED);
        assertThat(v.birthDate()).isEqualTo(LocalDate.of(1984, 5, 17));
        assertThat(v.residency()).isEqualTo(new ResidencyService.Claim(verified.getPerson().getId(), hasher.hash(taxNumber),
                "UA99000000000000001"));

        accountService.delete(unconfirmed.getId());
        assertThat(accountService.summary(unconfirmed.getId())).isEmpty();
    }

    /**
     * Whether the account's person is a resident of the community, asked of the person entity, of
     * the person's id and through the account's summary, which must all agree.
     */
    private boolean resident(Community c, Account account) {
        return CurrentCommunity.callAs(c, () -> {
            boolean byEntity = residency.isResident(accounts.findById(account.getId()).orElseThrow().getPerson());
            assertThat(residency.isResident(account.getPerson().getId())).isEqualTo(byEntity);
            assertThat(residency.isResident(accountService.summary(account.getId()).orElseThrow().residency())).isEqualTo(byEntity);
            return byEntity;
        });
    }

    @Test
    void residencyByCensusListByVerifiedAddressAndByDeclaration() throws Exception {
        Community d = communities.bySlug("dmytrivka").orElseThrow();
        String taxNumber = "5" + String.format("%09d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L));
        Account verified = tx.execute(s -> accountService.signInExternal(new VerifiedIdentity("test", "t-" + taxNumber,
                hasher.hash(taxNumber), "Гнатюк", "Ірина", "Олегівна", null, "м. Київ, вул. Хрещатик, 1", true), null));
        assertThat(resident(d, verified)).isFalse();

        mvc.perform(multipart("/dmytrivka/admin/census").file(new MockMultipartFile("file", "census.csv", "text/csv",
                        ("rnokpp,name\n" + taxNumber + ",Гнатюк\nnot-a-number,X\n").getBytes(StandardCharsets.UTF_8)))
                        .with(csrf()).with(TestAccounts.as(accounts, "admin@dmytrivka.demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("нічого не змінено")));
        assertThat(resident(d, verified)).isFalse();

        mvc.perform(multipart("/dmytrivka/admin/census").file(new MockMultipartFile("file", "census.csv", "text/csv",
                        ("rnokpp,name\n" + taxNumber + ",Гнатюк\n1876543219,Бондаренко\n").getBytes(StandardCharsets.UTF_8)))
                        .with(csrf()).with(TestAccounts.as(accounts, "admin@dmytrivka.demo")))
                .andExpect(redirectedUrl("/dmytrivka/admin/census"));
        assertThat(resident(d, verified)).isTrue();
        Integer clear = jdbc.queryForObject("select count(*) from census_entry where tax_hash = ?", Integer.class, taxNumber);
        assertThat(clear).isZero();

        Community k = communities.bySlug("kropyvnytskyi").orElseThrow();
        Account kResident = tx.execute(s -> accountService.signInExternal(new VerifiedIdentity("test", "k-" + taxNumber,
                hasher.hash("6" + taxNumber.substring(1)), "Кравець", "Олег", "", null, "м. Кропивницький, вул. Шевченка, 3", true,
                null, "UA35040000000034705"), null));
        assertThat(resident(k, kResident)).isTrue();
        assertThat(resident(d, kResident)).isFalse();
    }

    @Test
    void deletingAnAccountKeepsSignaturesCountedButNameless(@Autowired PetitionService petitions,
                                                           @Autowired PetitionDrafting drafting,
                                                           @Autowired PetitionModeration moderation,
                                                           @Autowired PetitionSigning signing,
                                                           @Autowired Identity identity) throws Exception {
        String taxNumber = "6" + String.format("%09d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L));
        String email = "leaving-" + UUID.randomUUID() + "@example.org";
        Account leaving = tx.execute(s -> accountService.signInExternal(new VerifiedIdentity("test", "l-" + taxNumber,
                hasher.hash(taxNumber), "Відходько", "Марта", "", email, "м. Кропивницький", true, null, "UA35040000000034705"), null));
        long personId = leaving.getPerson().getId();
        Community k = communities.bySlug("kropyvnytskyi").orElseThrow();
        long petitionId = CurrentCommunity.callAs(k, () -> {
            var p = identity.callAs(email, () -> drafting.draft("Петиція того, хто піде " + UUID.randomUUID(),
                    "Текст петиції, автор якої згодом видалить свій обліковий запис на платформі."));
            identity.callAs(email, () -> drafting.submit(p.getId()));
            identity.callAs("moderator@kropyvnytskyi.demo", () -> moderation.publish(p.getId()));
            identity.callAs(email, () -> signing.sign(p.getId(), true));
            identity.callAs(email, () -> drafting.draft("Чернетка, що зникне", "Чернетка видаляється разом з обліковим записом автора."));
            return p.getId();
        });
        mvc.perform(post("/account/delete").with(csrf()).with(TestAccounts.as(leaving)).param("confirm", "true"))
                .andExpect(redirectedUrl("/?deleted"));
        assertThat(CurrentCommunity.callAs(k, () -> petitions.visible(petitionId).getSignatureCount())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select signer_name from petition_signature where person_id = ?", String.class, personId)).isEmpty();
        assertThat(jdbc.queryForObject("select author_name || coalesce(author_email, '') from petition where id = ?", String.class, petitionId)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from petition where author_person_id = ? and status = 'DRAFT'", Integer.class, personId)).isZero();
        mvc.perform(get("/api/v1/kropyvnytskyi/petitions/" + petitionId + "/signatures"))
                .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void myDataDownloadAndAccountDeletion() throws Exception {
        Account account = newAccount();
        mvc.perform(get("/account/export.json").with(TestAccounts.as(account)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(account.getEmail()))
                .andExpect(jsonPath("$.person.taxNumber").value("not stored (only a keyed hash is kept)"));
        mvc.perform(post("/account/delete").with(csrf()).with(TestAccounts.as(account)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Поставте позначку")));
        assertThat(accounts.findById(account.getId())).isPresent();
        mvc.perform(post("/account/delete").with(csrf()).with(TestAccounts.as(account)).param("confirm", "true"))
                .andExpect(redirectedUrl("/?deleted"));
        assertThat(accounts.findById(account.getId())).isEmpty();
        String name = jdbc.queryForObject("select coalesce(last_name, '') || coalesce(given_name, '') from person where id = ?",
                String.class, account.getPerson().getId());
        assertThat(name).isEmpty();
    }

    private Account newAccount() {
        String email = "person-" + UUID.randomUUID() + "@example.org";
        accountService.register(email, "довгий пароль 2026", "Тестова Особа", Locale.forLanguageTag("uk"), "http://localhost");
        return accounts.findByEmail(email).orElseThrow();
    }
}
