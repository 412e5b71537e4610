package ua.viche.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC) so that any node can serve any request. Two
 * changes keep them off the hot path (decision 0023):
 * <ul>
 *   <li>a session's statements run in plain JDBC transactions, not through the JPA transaction
 *       manager, which would open an entity manager for every session read and write;</li>
 *   <li>a request's access is stored only once the stored one is a minute old, so that a request
 *       that changes nothing in its session writes nothing. A session may therefore end up to a
 *       minute before its inactivity timeout is up.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

    /** How stale a session's stored last access may be before a request stores a newer one. */
    static final Duration ACCESS_RESOLUTION = Duration.ofMinutes(1);

    /** Picked up by Spring Session's JDBC configuration by this name. */
    @Bean("springSessionTransactionOperations")
    TransactionOperations sessionTransactions(DataSource dataSource) {
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return tx;
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

    /** A session repository that stores a request's access only once the stored one is old enough. */
    static final class LazyAccess implements SessionRepository<LazyAccess.Stored> {
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
        }

        @Override
        public @Nullable Stored findById(String id) {
            Session found = sessions.findById(id);
            return found == null ? null : new Stored(found, resolution);
        }

        @Override
        public void deleteById(String id) {
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
