package ua.viche.civic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.IntegrationTest;
import ua.viche.civic.domain.CivicEvent;
import ua.viche.civic.domain.CivicEvents;
import ua.viche.civic.domain.EventInput;
import ua.viche.civic.domain.EventReminders;
import ua.viche.civic.domain.Seats;
import ua.viche.identity.Identity;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.domain.Account;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;

/**
 * Events beyond the seats: staff attach the programme and materials as PDFs (nothing else), listed
 * on the page and in the JSON; registered people are reminded by e-mail before the start, once per
 * registration even when the job runs twice at the same moment, in their language; the waiting are not.
 */
@IntegrationTest
class EventRemindersTest {

    private static final String OFFICIAL = "official@kropyvnytskyi.demo";
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired Communities communities;
    @Autowired Identity identity;
    @Autowired CivicEvents events;
    @Autowired EventReminders reminders;
    @Autowired TransactionTemplate tx;

    Community k;

    @BeforeEach
    void setUp() {
        k = communities.bySlug("kropyvnytskyi").orElseThrow();
    }

    private static String resident(int n) {
        return Identity.demoResident("kropyvnytskyi", n);
    }

    private CivicEvent newEvent(String title, long startsInSeconds, int seatCount) {
        Instant start = Instant.now().plusSeconds(startsInSeconds);
        return CurrentCommunity.callAs(k, () -> tx.execute(s -> events.create(new EventInput(title, title + " (en)",
                "Опис", "", start, start.plusSeconds(7200), "Зала", null, seatCount, null, List.of()))));
    }

    private Seats.Place register(CivicEvent e, String email) {
        return CurrentCommunity.callAs(k, () -> identity.callAs(email, () -> events.register(e.getId())));
    }

    private long mails(String recipient, String subjectPart) {
        return jdbc.queryForObject("select count(*) from mail_message where recipient = ? and subject like ?", Long.class, recipient,
                "%" + subjectPart + "%");
    }

    @Test
    void anEventIn23HoursRemindsEachRegisteredPersonOnceEvenWhenTheJobRunsTwiceInParallel() throws Exception {
        String title = "Нагадування " + System.nanoTime();
        CivicEvent soon = newEvent(title, 23 * 3600, 2);
        CivicEvent later = newEvent(title + " пізніше", 30 * 3600, 5);
        Account english = accounts.findByEmail(resident(403)).orElseThrow();
        String localeBefore = english.getLocale();
        english.setLocale("en");
        accounts.saveAndFlush(english);
        try {
            assertThat(register(soon, resident(402)).status()).isEqualTo(Seats.Status.REGISTERED);
            assertThat(register(soon, resident(403)).status()).isEqualTo(Seats.Status.REGISTERED);
            assertThat(register(soon, resident(404)).status()).isEqualTo(Seats.Status.WAITING);
            register(later, resident(402));

            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return CurrentCommunity.callAs(k, () -> reminders.remind());
                }));
            }
            start.countDown();
            for (Future<Integer> f : runs) {
                f.get();
            }
            pool.shutdown();
            CurrentCommunity.callAs(k, () -> reminders.remind()); // and once more, later

            assertThat(mails(resident(402), "«" + title + "»")).isEqualTo(1);
            assertThat(mails(resident(403), "“" + title + " (en)”")).as("in English, the language the person chose").isEqualTo(1);
            assertThat(mails(resident(404), title)).as("waiting: no reminder").isZero();
            assertThat(mails(resident(402), title + " пізніше")).as("30 hours ahead: not yet").isZero();
            assertThat(jdbc.queryForObject("select count(*) from civic_place where roster_id = ? and reminded_at is not null", Long.class,
                    soon.getRosterId())).isEqualTo(2);
        } finally {
            english.setLocale(localeBefore);
            accounts.saveAndFlush(accounts.findByEmail(resident(403)).map(a -> { a.setLocale(localeBefore); return a; }).orElseThrow());
        }
    }

    @Test
    void staffAttachPdfsToAnEventAndNothingElse() throws Exception {
        CivicEvent e = newEvent("Матеріали " + System.nanoTime(), 10 * 86_400, 20);
        String base = "/kropyvnytskyi/events/" + e.getId();
        // not a PDF: refused, nothing kept
        mvc.perform(multipart(base + "/materials").file(new MockMultipartFile("materials", "programa.pdf", "application/pdf",
                        "просто текст".getBytes(StandardCharsets.UTF_8))).with(csrf()).with(TestAccounts.as(accounts, OFFICIAL)))
                .andExpect(status().is3xxRedirection());
        // a resident may not attach
        mvc.perform(multipart(base + "/materials").file(new MockMultipartFile("materials", "programa.pdf", "application/pdf", PDF))
                .with(csrf()).with(TestAccounts.as(accounts, resident(9)))).andExpect(status().isForbidden());
        assertThat(files(e)).isZero();

        mvc.perform(multipart(base + "/materials").file(new MockMultipartFile("materials", "programa.pdf", "application/pdf", PDF))
                .file(new MockMultipartFile("materials", "materialy.pdf", "application/pdf", PDF))
                .with(csrf()).with(TestAccounts.as(accounts, OFFICIAL))).andExpect(status().is3xxRedirection());
        assertThat(files(e)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'civic.event.materialsAdded' and object_id = ?",
                Long.class, String.valueOf(e.getId()))).isEqualTo(1);

        String page = mvc.perform(get(base)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("programa.pdf (PDF, 1 КБ)", "materialy.pdf");
        String json = mvc.perform(get("/api/v1/kropyvnytskyi/events/" + e.getId())).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(json, "$.materials[0].name")).isEqualTo("programa.pdf");
        String url = JsonPath.read(json, "$.materials[0].url");
        assertThat(mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentType()).isEqualTo("application/pdf");
        // the file of one event is not served under another
        CivicEvent other = newEvent("Інша " + System.nanoTime(), 10 * 86_400, 20);
        mvc.perform(get("/kropyvnytskyi/events/" + other.getId() + url.substring(url.indexOf("/files/")))).andExpect(status().isNotFound());

        long fileId = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
        mvc.perform(post(base + "/materials/" + fileId + "/delete").with(csrf()).with(TestAccounts.as(accounts, OFFICIAL)))
                .andExpect(status().is3xxRedirection());
        assertThat(files(e)).isEqualTo(1);
        mvc.perform(get(url)).andExpect(status().isNotFound());
    }

    private long files(CivicEvent e) {
        return jdbc.queryForObject("select count(*) from attachment where owner_module = 'civic' and owner_kind = 'event-material'"
                + " and owner_id = ?", Long.class, e.getId());
    }
}
