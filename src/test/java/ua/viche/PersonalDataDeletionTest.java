package ua.viche;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.appeals.domain.Appeal;
import ua.viche.appeals.domain.AppealRegistration;
import ua.viche.appeals.domain.AppealService;
import ua.viche.budget.domain.BudgetService;
import ua.viche.budget.domain.BudgetVoting;
import ua.viche.budget.domain.CostLine;
import ua.viche.budget.domain.Cycle;
import ua.viche.budget.domain.CycleAdministration;
import ua.viche.budget.domain.Project;
import ua.viche.budget.domain.ProjectAuthoring;
import ua.viche.budget.domain.ProjectImplementation;
import ua.viche.budget.results.Method;
import ua.viche.civic.domain.CivicEvents;
import ua.viche.civic.domain.Courses;
import ua.viche.civic.domain.Edrpou;
import ua.viche.civic.domain.Field;
import ua.viche.civic.domain.Initiatives;
import ua.viche.civic.domain.LegalForm;
import ua.viche.civic.domain.Organisation;
import ua.viche.civic.domain.OrganisationRegister;
import ua.viche.consultations.domain.ConsultationDiscussion;
import ua.viche.consultations.domain.ConsultationPublishing;
import ua.viche.consultations.domain.ConsultationService;
import ua.viche.consultations.domain.DraftSections;
import ua.viche.identity.Identity;
import ua.viche.identity.PersonalData;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.domain.Account;
import ua.viche.identity.domain.AccountService;
import ua.viche.identity.domain.TaxNumberHasher;
import ua.viche.identity.domain.VerifiedIdentity;
import ua.viche.notifications.bot.Bot;
import ua.viche.notifications.bot.Incoming;
import ua.viche.notifications.channel.ChannelKind;
import ua.viche.notifications.domain.Subscriptions;
import ua.viche.notifications.domain.Topic;
import ua.viche.petitions.domain.PetitionDrafting;
import ua.viche.petitions.domain.PetitionModeration;
import ua.viche.petitions.domain.PetitionSigning;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.FileStore;
import ua.viche.platform.ThreadClock;
import ua.viche.queue.domain.Bookings;
import ua.viche.queue.domain.Catalogue;
import ua.viche.queue.domain.OfficeHours;

/**
 * A person with content in every module (a petition, a draft and a signature; an appeal; a problem
 * report and a follow by e-mail; a budget project, a draft, a support and a vote; a CNAP booking; an
 * archive certificate order; an amendment in a consultation; an organisation registered and a place at an event) sees all of it in their data export, then deletes their account:
 * afterwards no text column of any table holds their name or e-mail, except the official records the
 * law makes the council keep (registered appeals and archive certificate orders, unlinked from the
 * account).
 */
@IntegrationTest
class PersonalDataDeletionTest {

    /** Records the council must keep whole: the appeals law and the archive's record-keeping rules. */
    private static final List<String> KEPT_RECORDS = List.of("appeal", "certificate_order");

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired AccountService accountService;
    @Autowired TaxNumberHasher hasher;
    @Autowired Identity identity;
    @Autowired Communities communities;
    @Autowired ThreadClock clock;
    @Autowired PetitionDrafting drafting;
    @Autowired PetitionModeration moderation;
    @Autowired PetitionSigning signing;
    @Autowired BudgetService budget;
    @Autowired CycleAdministration administration;
    @Autowired ProjectAuthoring authoring;
    @Autowired BudgetVoting voting;
    @Autowired ProjectImplementation implementation;
    @Autowired FileStore files;
    @Autowired AppealService appeals;
    @Autowired AppealRegistration registration;
    @Autowired Catalogue catalogue;
    @Autowired Bookings bookings;
    @Autowired List<PersonalData> personalData;
    @Autowired ConsultationPublishing consultationPublishing;
    @Autowired ConsultationDiscussion consultationDiscussion;
    @Autowired ConsultationService consultationService;
    @Autowired OrganisationRegister organisations;
    @Autowired CivicEvents civicEvents;
    @Autowired Initiatives initiatives;
    @Autowired Courses courses;
    @Autowired Subscriptions subscriptions;
    @Autowired Bot bot;

    @Test
    void deletingAnAccountLeavesNoNameOrAddressInAnyModule() throws Exception {
        String surname = "Забудько" + randomLetters();
        String email = "forget-" + UUID.randomUUID() + "@example.org";
        String taxNumber = "7" + String.format("%09d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L));
        Account account = tx.execute(s -> accountService.signInExternal(new VerifiedIdentity("test", "forget-" + taxNumber,
                hasher.hash(taxNumber), surname, "Марта", "Олегівна", email, "м. Кропивницький", true,
                LocalDate.of(1980, 5, 5), "UA35040000000034705"), null));
        Community k = communities.bySlug("kropyvnytskyi").orElseThrow();
        LocalDate today = CurrentCommunity.callAs(k, budget::today);

        // petitions: a published petition and a draft
        CurrentCommunity.callAs(k, () -> {
            var p = identity.callAs(email, () -> drafting.draft("Петиція, автор якої піде " + UUID.randomUUID(),
                    "Текст петиції, автор якої згодом видалить свій обліковий запис на платформі."));
            identity.callAs(email, () -> drafting.submit(p.getId()));
            identity.callAs("moderator@kropyvnytskyi.demo", () -> moderation.publish(p.getId()));
            return identity.callAs(email, () -> drafting.draft("Чернетка, що зникне " + UUID.randomUUID(),
                    "Чернетка видаляється разом з обліковим записом автора.", List.of(new FileStore.Upload("лист.pdf",
                            "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes()))));
        });
        String draftFile = jdbc.queryForObject("""
                select a.storage_key from attachment a join petition p on p.id = a.owner_id and a.owner_module = 'petitions'
                 where p.author_person_id = ? and p.status = 'DRAFT'""", String.class, account.getPerson().getId());
        assertThat(stored(k, draftFile)).as("the draft's attachment is stored").isTrue();

        // problems: a report signed with the person's name and e-mail, and a follow of another report
        String report = mvc.perform(multipart("/kropyvnytskyi/problems").with(csrf()).with(TestAccounts.as(account))
                        .param("idempotencyKey", UUID.randomUUID().toString())
                        .param("categoryId", String.valueOf(jdbc.queryForObject(
                                "select min(id) from problem_category where community_id = ?", Long.class, k.id())))
                        .param("address", "вул. Велика Перспективна, 41") // no point: the map's markers stay apart
                        .param("description", "Не світить ліхтар біля зупинки.").param("name", surname + " Марта")
                        .param("email", email).param("confirmDuplicates", "true"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(post(report + "/subscribe").with(csrf()).with(TestAccounts.as(account)))
                .andExpect(status().is3xxRedirection());
        // petitions: the person signs a petition, asking for notices by e-mail
        long published = jdbc.queryForObject("select id from petition where author_person_id = ? and status <> 'DRAFT'", Long.class,
                account.getPerson().getId());
        assertThat(CurrentCommunity.callAs(k, () -> identity.callAs(email, () -> signing.sign(published, true)))).isTrue();

        // appeals: an application, registered
        CurrentCommunity.callAs(k, () -> identity.callAs(email, () -> registration.file(new AppealRegistration.Request(
                Appeal.Kind.APPLICATION, appeals.activeCategories().get(0).getId(), "Прохання " + surname,
                "Прошу встановити лавку біля під’їзду нашого будинку, бо літнім мешканцям ніде відпочити.", "вул. Шкільна, 3",
                null, null), List.of())));

        // the CNAP queue: a booking at a test office
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long[] officeAndService = CurrentCommunity.callAs(k, () -> identity.callAs("cnap@kropyvnytskyi.demo", () -> {
            var office = catalogue.createOffice("Офіс " + suffix, "Office " + suffix, "вул. Тестова, 1", "1 Test St", null, null,
                    OfficeHours.parse("mon=08:00-18:00;tue=08:00-18:00;wed=08:00-18:00;thu=08:00-18:00;"
                            + "fri=08:00-18:00;sat=08:00-18:00;sun=08:00-18:00"), false, true);
            var workplace = catalogue.addWorkplace(office.getId(), "D-" + suffix, "1");
            var service = catalogue.saveService("DEL-" + suffix, "Послуга " + suffix, "Service " + suffix, "Тестові", "Tests",
                    "Опис", "Паспорт", "", 15, List.of(workplace.getCode()));
            return new long[] {office.getId(), service.getId()};
        }));
        Instant slot = CurrentCommunity.callAs(k, () -> bookings.freeByDay(officeAndService[0], officeAndService[1]))
                .entrySet().stream().filter(e -> e.getKey().isAfter(today.plusDays(1))).findFirst().orElseThrow().getValue().get(0);
        CurrentCommunity.callAs(k, () -> identity.callAs(email, () -> bookings.book(officeAndService[1], officeAndService[0], slot)));

        // archive certificates: an order of a certificate of service
        mvc.perform(post("/kropyvnytskyi/archive/certificates").with(csrf()).with(TestAccounts.as(account))
                        .param("output", "CERTIFICATE").param("topic", "SERVICE")
                        .param("organisation", "КП «Міськсвітло» Кропивницької міської ради").param("position", "електромонтер")
                        .param("yearFrom", "1990").param("yearTo", "1996").param("delivery", "DOWNLOAD").param("email", email))
                .andExpect(status().is3xxRedirection());

        // budget: a submitted project and a draft, in a cycle open for submissions
        Cycle cycle = at(k, today.minusDays(1), "admin@kropyvnytskyi.demo", () -> administration.createCycle(new Cycle.Rules(
                "Видалення " + UUID.randomUUID(), today.getYear(), Method.GREEDY, 5, false, 0, 16, 16, false, 0,
                today.minusDays(1), today.plusDays(10), today.plusDays(20), today.plusDays(21), today.plusDays(30),
                today.plusDays(31)), List.of(new CycleAdministration.CategoryDraft("Усі", "All", 500_000_00L))));
        long category = CurrentCommunity.callAs(k, () -> budget.categories(cycle.getId())).get(0).getId();
        for (boolean submit : new boolean[] {true, false}) {
            Project p = at(k, today, email, () -> authoring.draft(cycle.getId(), new Project.Draft(category, "Сквер " + submit,
                    "Лавки і світло", "Облаштувати сквер біля школи: лавки, ліхтарі, доріжки та урни для сміття на всій ділянці.",
                    null, null, "вул. Шкільна, 3",
                    List.of(new CostLine.Item("Лава", new BigDecimal("4"), 6_500_00)))));
            if (submit) {
                at(k, today, email, () -> authoring.submit(p.getId()));
                // the project won (as if the cycle had run its course), and its author writes a note on its implementation
                jdbc.update("update budget_project set status = 'WON' where id = ?", p.getId());
                at(k, today, email, () -> implementation.update(p.getId(), null, null, "Лавки вже привезли, чекаємо на ліхтарі."));
            }
        }
        // budget: a vote for a project admitted in the demo's voting cycle
        Project votable = CurrentCommunity.callAs(k, () -> budget.cycles().stream().filter(c -> c.phase(today) == Cycle.Phase.VOTING)
                .flatMap(c -> budget.projects(c.getId()).stream()).filter(Project::votable).findFirst().orElseThrow());
        assertThat(at(k, today, email, () -> voting.vote(votable.getId()))).isTrue();

        // consultations: an amendment signed with the person's name
        long consultation = CurrentCommunity.callAs(k, () -> identity.callAs("official@kropyvnytskyi.demo",
                () -> consultationPublishing.publish(new ConsultationPublishing.Draft("Консультація " + UUID.randomUUID(), "", null,
                        today, today.plusDays(20), false, 0, DraftSections.fromMarkdown("## Розділ\n\nТекст розділу."), List.of())))
                .getId());
        long section = CurrentCommunity.callAs(k, () -> consultationService.sections(consultation, 1).get(0).id());
        CurrentCommunity.callAs(k, () -> identity.callAs(email, () -> consultationDiscussion.propose(consultation, section,
                "Новий текст розділу.", "Так зрозуміліше.")));

        // civic space: an organisation registered with the person's e-mail as its contact, and a place at the forum
        CurrentCommunity.callAs(k, () -> identity.callAs(email, () -> organisations.register(new Organisation.Details(
                "ГО «Забуті " + surname + "»", Edrpou.complete(String.format("%07d", 8_000_000 + new Random().nextInt(999_999))),
                LegalForm.PUBLIC_ORGANISATION, List.of(Field.SOCIAL), email, null, null, null, ""))));
        long forum = jdbc.queryForObject("select min(id) from civic_event where community_id = ? and starts_at > now()", Long.class, k.id());
        CurrentCommunity.callAs(k, () -> identity.callAs(email, () -> civicEvents.register(forum)));
        // and a place in a course group ahead
        long group = jdbc.queryForObject("select max(id) from civic_course_group where community_id = ?", Long.class, k.id());
        CurrentCommunity.callAs(k, () -> identity.callAs(email, () -> courses.register(group, "")));
        // an initiative of their own (awaiting moderation) and support for a published one
        CurrentCommunity.callAs(k, () -> identity.callAs(email, () -> initiatives.propose(new Initiatives.Proposal(
                "Лавки біля ставка", null, "Поставити лавки біля ставка.", null))));
        long supported = jdbc.queryForObject("select min(id) from civic_initiative where community_id = ? and status = 'PUBLISHED'"
                + " and stage in ('PROPOSED', 'UNDER_REVIEW', 'IN_PROGRESS')", Long.class, k.id());
        CurrentCommunity.callAs(k, () -> identity.callAs(email, () -> initiatives.support(supported)));

        // notifications: follows the community's news and their own problem reports by e-mail, a Telegram chat linked
        long personId = account.getPerson().getId();
        subscriptions.save(k, personId, new Subscriptions.Preferences(Set.of(Topic.NEWS, Topic.OWN_PROBLEMS), Set.of(), null, null,
                "uk", true), email);
        subscriptions.redeem(k, ChannelKind.TELEGRAM, subscriptions.newCode(k, personId, ChannelKind.TELEGRAM), "555" + taxNumber)
                .orElseThrow();
        // and, in a linked demo messenger chat, the bot's appeal dialogue holds the address they typed
        String demoChat = "demo-" + taxNumber;
        subscriptions.redeem(k, ChannelKind.DEMO, subscriptions.newCode(k, personId, ChannelKind.DEMO), demoChat).orElseThrow();
        bot.handle(k, new Incoming(ChannelKind.DEMO, demoChat, "", "menu:appeal", null, null, null, Locale.ENGLISH));
        bot.handle(k, Incoming.text(ChannelKind.DEMO, demoChat, "1", Locale.ENGLISH));
        bot.handle(k, Incoming.text(ChannelKind.DEMO, demoChat, "вул. " + surname + "а, 5", Locale.ENGLISH));

        assertThat(tablesHolding(surname, email)).as("the person's data is there before the deletion")
                .contains("notify_subscriber", "notify_bot_chat", "civic_organisation", "civic_place", "petition", "petition_signature", "appeal", "problem_report", "problem_subscriber", "budget_project",
                        "budget_update", "cnap_booking", "certificate_order", "account", "person");

        // the export lists something from every module that holds people's content
        String export = mvc.perform(MockMvcRequestBuilders.get("/account/export.json")
                        .with(TestAccounts.as(account))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        for (String kind : List.of("petition", "signature", "appeal", "problem-report", "problem-subscription", "budget-project",
                "budget-vote", "cnap-booking", "certificate", "consultation.proposal", "civic.organisation", "civic.event", "civic.course",
                "civic.initiative", "civic.initiativeSupport",
                "notifications.subscription", "notifications.messenger")) {
            assertThat(export).as("the export lists a %s", kind).contains("\"kind\":\"" + kind + "\"");
        }
        Identity.PersonRef ref = identity.person(account.getId()).orElseThrow();
        for (PersonalData module : personalData) {
            List<PersonalData.Item> items = module.export(ref, Locale.ENGLISH);
            if (module.getClass().getPackageName().startsWith("ua.viche.archive") || module.getClass().getPackageName().startsWith("ua.viche.geo")
                    || module.getClass().getPackageName().startsWith("ua.viche.monitoring")
                    || module.getClass().getPackageName().startsWith("ua.viche.opendata")) {
                // the programme links only officials' reports to an account (ProgrammeReportingTest covers their export and erasure);
                // the open-data portal holds the council's datasets only
                assertThat(items).as("the archive, the map, the programme and the open-data portal hold nothing a resident makes").isEmpty();
            } else {
                assertThat(items).as("%s exports the person's content", module.getClass().getSimpleName()).isNotEmpty();
            }
        }

        mvc.perform(post("/account/delete").with(csrf()).with(TestAccounts.as(account)).param("confirm", "true"))
                .andExpect(redirectedUrl("/?deleted"));
        assertThat(jdbc.queryForObject("select count(*) from civic_initiative_support where person_id = ?", Long.class, personId))
                .as("the person's supports are gone").isZero();
        assertThat(jdbc.queryForObject("select count(*) from civic_initiative where author_person_id = ?", Long.class, personId))
                .as("no initiative is linked to the person").isZero();

        assertThat(tablesHolding(surname, email)).isSubsetOf(KEPT_RECORDS);
        assertThat(stored(k, draftFile)).as("the deleted draft's attachment is gone from the disk").isFalse();
    }

    private <T> T at(Community c, LocalDate day, String email, Supplier<T> work) {
        return CurrentCommunity.callAs(c, () -> clock.callAt(day.atTime(12, 0).toInstant(ZoneOffset.ofHours(2)),
                () -> identity.callAs(email, work)));
    }

    private boolean stored(Community c, String key) {
        return CurrentCommunity.callAs(c, () -> {
            try (InputStream in = files.open(key)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** The tables of which some text column contains either string (case-insensitive). */
    private List<String> tablesHolding(String name, String email) {
        List<Map<String, Object>> columns = jdbc.queryForList("""
                select table_name, column_name from information_schema.columns
                 where table_schema = 'public' and data_type in ('text', 'character varying')
                 order by table_name, column_name""");
        List<String> tables = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String table = (String) column.get("table_name");
            String sql = "select count(*) from \"" + table + "\" where \"" + column.get("column_name")
                    + "\" ilike ? or \"" + column.get("column_name") + "\" ilike ?";
            Long hits = jdbc.queryForObject(sql, Long.class, "%" + name + "%", "%" + email + "%");
            if (hits != null && hits > 0 && !tables.contains(table)) {
                tables.add(table);
            }
        }
        return tables;
    }

    private static String randomLetters() {
        String letters = "абвгґдежзийклмнопрстуфхцчшщ";
        Random random = new Random();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            out.append(letters.charAt(random.nextInt(letters.length())));
        }
        return out.toString();
    }
}
