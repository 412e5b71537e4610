package ua.viche.platform.mail;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The {@code mail} health component, from what the dispatcher last met rather than a probe of the
 * SMTP server on every health check. An unreachable SMTP server is {@link #DEGRADED}: shown as the
 * component's status, but the application still serves (mail waits in the outbox), so it is not in
 * readiness and the overall status ranks it below UP (decision 0029).
 */
@Component("mailHealthIndicator")
class MailHealth implements HealthIndicator {

    /** The component works in part: the application serves, some of its work waits. */
    static final Status DEGRADED = new Status("DEGRADED");

    private final boolean smtpConfigured;
    private volatile @Nullable Instant unreachableSince;
    private volatile @Nullable String error;

    MailHealth(@Value("${spring.mail.host:}") String host) {
        this.smtpConfigured = !host.isBlank();
    }

    @Override
    public Health health() {
        Instant since = unreachableSince;
        if (since != null) {
            return Health.status(DEGRADED).withDetail("unreachableSince", since.toString()).withDetail("error", String.valueOf(error)).build();
        }
        return smtpConfigured ? Health.up().build()
                : Health.up().withDetail("smtp", "not configured: mail is kept for the demo mailbox").build();
    }

    /** The SMTP server took a message. */
    void reached() {
        unreachableSince = null;
        error = null;
    }

    /** The SMTP server could not be reached (connection refused, timed out, host unknown). */
    void unreachable(Instant at, String reason) {
        if (unreachableSince == null) {
            unreachableSince = at;
        }
        error = reason;
    }
}
