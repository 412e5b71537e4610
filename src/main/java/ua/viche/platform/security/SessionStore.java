package ua.viche.platform.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import ua.viche.platform.DatabaseUnavailable;
import ua.viche.platform.PlainTransactions;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC) so that any node can serve any request. These
 * changes keep them off the hot path (decision 0023):
 * <ul>
 *   <li>a session's writes run in plain JDBC transactions of their own, not through the JPA
 *       transaction manager, which would open an entity manager for every session read and write;
 *       its reads run without a transaction;</li>
 *   <li>a request's access is stored only once the stored one is a minute old, so that a request
 *       that changes nothing in its session writes nothing. A session may therefore end up to a
 *       minute before its inactivity timeout is up;</li>
 *   <li>a session this request has saved is not read again by the same request. Spring Session
 *       commits a session twice when the response is committed early (a redirect, a page larger
 *       than the buffer): the second commit looks the requested session up again, which was a
 *       second read and deserialisation of the session for nearly every form sent;</li>
 *   <li>an attribute is stored by an upsert, and only while its session exists: two requests of one
 *       session served at once may both add the same attribute (a CSRF token, a flash message), and
 *       a request may save its session after another one ended it (sign-out); with Spring Session's
 *       plain insert the later one failed on the primary or foreign key after its work was done.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

    /** How stale a session's stored last access may be before a request stores a newer one. */
    static final Duration ACCESS_RESOLUTION = Duration.ofMinutes(1);

    /** Adds an attribute, or replaces it when a concurrent request of the same session added it first. */
    static final String UPSERT_ATTRIBUTE = """
            INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            SELECT S.PRIMARY_ID, A.NAME, A.BYTES
            FROM (VALUES (CAST(? AS CHAR(36)), CAST(? AS VARCHAR(200)), CAST(? AS BYTEA))) AS A (ID, NAME, BYTES)
            JOIN %TABLE_NAME% S ON S.PRIMARY_ID = A.ID
            ON CONFLICT (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) DO UPDATE SET ATTRIBUTE_BYTES = EXCLUDED.ATTRIBUTE_BYTES
            """;

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> attributeUpserts() {
        return repository -> repository.setCreateSessionAttributeQuery(UPSERT_ATTRIBUTE);
    }

    /** Picked up by Spring Session's JDBC configuration by this name. */
    @Bean("springSessionTransactionOperations")
    TransactionOperations sessionTransactions(PlainTransactions plain) {
        return new SessionTransactions(plain.separate());
    }

    /**
     * The session store's transactions: a write runs in a plain JDBC transaction of its own; a read
     * (one statement, and a delete if the session has expired) runs without one, which spares a
     * commit's round trip on every request that brings a session cookie.
     */
    static final class SessionTransactions implements TransactionOperations {
        /** Set while the session store looks a session up on this thread. */
        static final ThreadLocal<@Nullable Boolean> READING = new ThreadLocal<>();

        private final TransactionOperations writes;

        SessionTransactions(TransactionOperations writes) {
            this.writes = writes;
        }

        @Override
        public <T extends @Nullable Object> T execute(TransactionCallback<T> work) {
            return READING.get() != null ? TransactionOperations.withoutTransaction().execute(work) : writes.execute(work);
        }

        /** Looks the session up as a read. */
        static <T> T read(Supplier<T> lookup) {
            READING.set(Boolean.TRUE);
            try {
                return lookup.get();
            } finally {
                READING.remove();
            }
        }
    }

    /** Opens, around Spring Session's filter, the request's memory of the sessions it saved. */
    @Bean
    FilterRegistrationBean<RequestScope> sessionRequestScope() {
        FilterRegistrationBean<RequestScope> bean = new FilterRegistrationBean<>(new RequestScope());
        bean.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        bean.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
        return bean;
    }

    /**
     * Remembers the sessions saved while a request is served, and forgets them when it ends. The
     * error page shown because the database cannot be reached looks no session up: it would fail
     * the same way, and the container would then answer with its own bare page.
     */
    static final class RequestScope implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
            if (LazyAccess.SAVED.get() != null) {
                chain.doFilter(request, response);
                return;
            }
            LazyAccess.SAVED.set(new HashMap<>(2));
            boolean databaseAway = request.getDispatcherType() == DispatcherType.ERROR
                    && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable e
                    && DatabaseUnavailable.causedBy(e);
            if (databaseAway) {
                LazyAccess.DATABASE_AWAY.set(Boolean.TRUE);
            }
            try {
                chain.doFilter(request, response);
            } finally {
                LazyAccess.SAVED.remove();
                LazyAccess.DATABASE_AWAY.remove();
            }
        }
    }

    @Bean
    static BeanPostProcessor lazySessionAccess() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof JdbcIndexedSessionRepository jdbc ? new LazyAccess(jdbc, ACCESS_RESOLUTION) : bean;
            }
        };
    }

    /**
     * A session repository that stores a request's access only once the stored one is old enough,
     * and that answers a lookup of a session the current request has saved with that session.
     */
    static final class LazyAccess implements SessionRepository<LazyAccess.Stored> {
        /** What Spring Session's ids look like (random UUIDs). */
        static final Pattern SESSION_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

        /** The sessions saved by the request this thread serves, by id; null outside a request. */
        static final ThreadLocal<@Nullable Map<String, Stored>> SAVED = new ThreadLocal<>();
        /** Set while the page saying that the database cannot be reached is shown: no session is looked up. */
        static final ThreadLocal<@Nullable Boolean> DATABASE_AWAY = new ThreadLocal<>();

        private final SessionRepository<Session> sessions;
        private final Duration resolution;

        @SuppressWarnings("unchecked")
        LazyAccess(SessionRepository<? extends Session> sessions, Duration resolution) {
            this.sessions = (SessionRepository<Session>) sessions;
            this.resolution = resolution;
        }

        @Override
        public Stored createSession() {
            return new Stored(sessions.createSession(), resolution);
        }

        @Override
        public void save(Stored session) {
            sessions.save(session.session);
            Map<String, Stored> saved = SAVED.get();
            if (saved != null) {
                saved.put(session.getId(), session);
            }
        }

        @Override
        public @Nullable Stored findById(String id) {
            if (!SESSION_ID.matcher(id).matches()) {
                return null; // a cookie no session of ours was ever named by (garbage, or a NUL PostgreSQL refuses)
            }
            Map<String, Stored> saved = SAVED.get();
            Stored mine = saved == null ? null : saved.get(id);
            if (mine != null) {
                return mine;
            }
            if (DATABASE_AWAY.get() != null) {
                return null;
            }
            @Nullable Session found = SessionTransactions.read(() -> sessions.findById(id));
            return found == null ? null : new Stored(found, resolution);
        }

        @Override
        public void deleteById(String id) {
            Map<String, Stored> saved = SAVED.get();
            if (saved != null) {
                saved.remove(id);
            }
            sessions.deleteById(id);
        }

        /** A stored session whose last access moves only in steps of the resolution. */
        static final class Stored implements Session {
            private final Session session;
            private final Duration resolution;

            Stored(Session session, Duration resolution) {
                this.session = session;
                this.resolution = resolution;
            }

            @Override
            public void setLastAccessedTime(Instant time) {
                if (!time.isBefore(session.getLastAccessedTime().plus(resolution))) {
                    session.setLastAccessedTime(time);
                }
            }

            @Override
            public String getId() {
                return session.getId();
            }

            @Override
            public String changeSessionId() {
                return session.changeSessionId();
            }

            @Override
            public <T> @Nullable T getAttribute(String name) {
                return session.getAttribute(name);
            }

            @Override
            public Set<String> getAttributeNames() {
                return session.getAttributeNames();
            }

            @Override
            public void setAttribute(String name, Object value) {
                session.setAttribute(name, value);
            }

            @Override
            public void removeAttribute(String name) {
                session.removeAttribute(name);
            }

            @Override
            public Instant getCreationTime() {
                return session.getCreationTime();
            }

            @Override
            public Instant getLastAccessedTime() {
                return session.getLastAccessedTime();
            }

            @Override
            public void setMaxInactiveInterval(Duration interval) {
                session.setMaxInactiveInterval(interval);
            }

            @Override
            public Duration getMaxInactiveInterval() {
                return session.getMaxInactiveInterval();
            }

            @Override
            public boolean isExpired() {
                return session.isExpired();
            }
        }
    }
}
