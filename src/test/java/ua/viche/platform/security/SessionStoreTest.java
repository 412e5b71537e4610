package ua.viche.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.SessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import ua.viche.IntegrationTest;
import ua.viche.WebSession;
import ua.viche.identity.demo.DemoAccounts;

/**
 * Sessions in PostgreSQL: a request that changes nothing writes nothing; a minute-old access moves on;
 * a request reads its session once, without a transaction.
 */
@IntegrationTest
class SessionStoreTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired @Qualifier("springSessionTransactionOperations")
    TransactionOperations sessionTransactions;

    @Test
    void aSessionIsReadWithoutATransactionAndWrittenInOne() {
        TransactionCallback<Boolean> inTransaction =
                s -> TransactionSynchronizationManager.isActualTransactionActive();
        boolean read = SessionStore.SessionTransactions.read(() -> sessionTransactions.execute(inTransaction));
        boolean written = Boolean.TRUE.equals(sessionTransactions.execute(inTransaction));
        assertThat(read).as("a read runs without a transaction").isFalse();
        assertThat(written).as("a write runs in one").isTrue();
    }

    @Test
    void accessMovesOnlyInStepsOfTheResolution() {
        MapSession stored = new MapSession();
        Instant t0 = Instant.parse("2026-12-03T10:00:00Z");
        stored.setLastAccessedTime(t0);
        SessionStore.LazyAccess.Stored session = new SessionStore.LazyAccess.Stored(stored, Duration.ofMinutes(1));

        session.setLastAccessedTime(t0.plusSeconds(59));
        assertThat(session.getLastAccessedTime()).isEqualTo(t0);
        session.setLastAccessedTime(t0.plusSeconds(60));
        assertThat(session.getLastAccessedTime()).isEqualTo(t0.plusSeconds(60));
    }

    /**
     * Spring Session commits a session when the response is committed (here by a redirect) and again
     * when its filter ends; the second commit looks the requested session up anew. Inside a request
     * the store answers that lookup with the session the request saved: one read per request.
     */
    @Test
    void aRedirectedRequestReadsItsSessionOnce() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        MapSessionRepository map = new MapSessionRepository(new ConcurrentHashMap<>()) {
            @Override
            public MapSession findById(String id) {
                reads.incrementAndGet();
                return super.findById(id);
            }
        };
        MapSession existing = map.createSession();
        existing.setAttribute("user", "resident");
        map.save(existing);
        SessionStore.LazyAccess store = new SessionStore.LazyAccess(map, Duration.ofMinutes(1));
        SessionRepositoryFilter<SessionStore.LazyAccess.Stored> sessions = new SessionRepositoryFilter<>(store);
        FilterChain redirecting = (req, res) -> {
            assertThat(((HttpServletRequest) req).getSession().getAttribute("user")).isEqualTo("resident");
            ((HttpServletResponse) res).sendRedirect("/done");
        };
        FilterChain chain = (req, res) -> sessions.doFilter(req, res, redirecting);

        new SessionStore.RequestScope().doFilter(withSessionCookie(existing.getId()), new MockHttpServletResponse(), chain);
        assertThat(reads).as("inside a request, a session it saved is not read again").hasValue(1);
        assertThat(SessionStore.LazyAccess.SAVED.get()).as("the memory ends with the request").isNull();

        // outside a request (no scope) every lookup reads the store, as before
        reads.set(0);
        sessions.doFilter(withSessionCookie(existing.getId()), new MockHttpServletResponse(), redirecting);
        assertThat(reads).hasValue(2);
        assertThat(store.findById(existing.getId())).isNotNull();
        assertThat(reads).hasValue(3);
    }

    private static MockHttpServletRequest withSessionCookie(String id) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/kropyvnytskyi/petitions/1/sign");
        request.setCookies(new Cookie("SESSION", Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.UTF_8))));
        return request;
    }

    @Test
    void requestsThatChangeNothingWriteNothingAndStaleAccessIsStored() throws Exception {
        WebSession browser = new WebSession(mvc);
        browser.perform(get("/account/signin")).andExpect(status().isOk());
        String email = "moderator@kropyvnytskyi.demo";
        browser.perform(post("/account/signin").with(csrf()).param("email", email).param("password", DemoAccounts.PASSWORD))
                .andExpect(redirectedUrl("/account"));
        browser.perform(get("/account")).andExpect(status().isOk());
        long stored = lastAccess(browser);

        Thread.sleep(20);
        browser.perform(get("/account")).andExpect(status().isOk());
        browser.perform(get("/kropyvnytskyi/petitions")).andExpect(status().isOk());
        assertThat(lastAccess(browser)).as("pages that change nothing leave the stored session alone").isEqualTo(stored);

        // the stored access is two minutes old: the next request stores a new one, and the session lives on
        jdbc.update("update spring_session set last_access_time = last_access_time - 120000 where session_id = ?", browser.sessionId());
        long before = System.currentTimeMillis();
        browser.perform(get("/account")).andExpect(status().isOk());
        assertThat(lastAccess(browser)).isGreaterThanOrEqualTo(before);
    }

    /**
     * Two requests of one session served at once both add the same attribute, and a request saves its
     * session after another one ended it: neither fails (each was a 500 after the work was committed).
     */
    @Test
    void concurrentRequestsOfOneSessionSaveWithoutConflict(@Autowired SessionRepository<?> repository) {
        SessionStore.LazyAccess store = (SessionStore.LazyAccess) repository;
        SessionStore.LazyAccess.Stored created = store.createSession();
        created.setAttribute("lang", "uk");
        store.save(created);
        String id = created.getId();

        SessionStore.LazyAccess.Stored first = store.findById(id);
        SessionStore.LazyAccess.Stored second = store.findById(id);
        first.setAttribute("org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository.CSRF_TOKEN", "one");
        second.setAttribute("org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository.CSRF_TOKEN", "two");
        store.save(first);
        store.save(second);
        assertThat((String) store.findById(id).getAttribute("org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository.CSRF_TOKEN"))
                .isEqualTo("two");

        SessionStore.LazyAccess.Stored late = store.findById(id);
        store.deleteById(id);
        late.setAttribute("flash", "saved after sign-out");
        store.save(late);
        assertThat(store.findById(id)).as("a session once ended is not brought back").isNull();
        assertThat(jdbc.queryForObject("select count(*) from spring_session_attributes a left join spring_session s"
                + " on s.primary_id = a.session_primary_id where s.primary_id is null", Integer.class)).isZero();
    }

    private long lastAccess(WebSession browser) {
        List<Long> times = jdbc.queryForList("select last_access_time from spring_session where session_id = ?", Long.class, browser.sessionId());
        assertThat(times).hasSize(1);
        return times.get(0);
    }
}
