package ua.viche.platform.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;

import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import ua.viche.platform.Exclusive;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.springframework.mail.MailAuthenticationException;

/**
 * Sends pending mail through SMTP when it is configured; otherwise keeps it for the demo mailbox.
 * Runs every few seconds under a PostgreSQL advisory lock, so that with several nodes one sends.
 */
@Component
class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    private static final String LOCK = "mail.dispatch";

    private final MailMessageRepository mail;
    private final ObjectProvider<JavaMailSender> sender;
    private final Exclusive exclusive;
    private final Clock clock;
    private final String from;
    private final boolean smtpConfigured;
    private final MailHealth health;

    MailDispatcher(MailMessageRepository mail, ObjectProvider<JavaMailSender> sender, Exclusive exclusive, Clock clock,
                   @Value("${viche.mail.from}") String from, @Value("${spring.mail.host:}") String host, MailHealth health) {
        this.health = health;
        this.mail = mail;
        this.sender = sender;
        this.exclusive = exclusive;
        this.clock = clock;
        this.from = from;
        this.smtpConfigured = !host.isBlank();
    }

    @Scheduled(fixedDelayString = "${viche.mail.interval:2000}")
    public void dispatch() {
        exclusive.run(LOCK, this::sendPending);
    }

    private void sendPending() {
        List<MailMessage> pending = mail.findByStatusOrderById(MailMessage.Status.PENDING, PageRequest.of(0, 50));
        JavaMailSender smtp = smtpConfigured ? sender.getIfAvailable() : null;
        for (MailMessage m : pending) {
            if (smtp == null) {
                m.kept(Instant.now(clock));
                continue;
            }
            try {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(from);
                message.setTo(m.getRecipient());
                message.setSubject(m.getSubject());
                message.setText(m.getBody());
                smtp.send(message);
                m.sent(Instant.now(clock));
                health.reached();
            } catch (RuntimeException e) {
                if (unreachable(e)) { // the rest would wait for the same server: they stay pending for the next round
                    log.warn("SMTP server unreachable; mail waits in the outbox: {}", e.getMessage());
                    health.unreachable(Instant.now(clock), e.getMessage() == null ? e.toString() : e.getMessage());
                    return;
                }
                log.warn("Could not send mail {}: {}", m.getId(), e.getMessage());
                m.failed(e.getMessage() == null ? e.toString() : e.getMessage(), 10);
            }
        }
    }

    /** Whether sending failed because the SMTP server could not be reached or did not answer in time. */
    static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SocketException || t instanceof SocketTimeoutException
                    || t instanceof UnknownHostException) {
                return true;
            }
            if (t instanceof MailAuthenticationException) {
                return false;
            }
        }
        return false;
    }
}
