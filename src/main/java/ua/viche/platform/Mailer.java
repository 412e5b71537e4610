package ua.viche.platform;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.platform.mail.MailMessage;
import ua.viche.platform.mail.MailRepository;

/**
 * Outgoing e-mail. A message is written to the outbox in the caller's transaction and sent after
 * commit by the dispatcher (SMTP when configured, else kept for the demo mailbox), so a rolled-back
 * action sends nothing and a crash loses nothing.
 */
@Service
public class Mailer {

    private final MailRepository mail;
    private final MessageSource messages;
    private final Clock clock;

    Mailer(MailRepository mail, MessageSource messages, Clock clock) {
        this.mail = mail;
        this.messages = messages;
        this.clock = clock;
    }

    /** Queues a message whose subject and body come from the bundles ({@code key.subject}, {@code key.body}). */
    @Transactional(propagation = Propagation.REQUIRED)
    public void send(String recipient, Locale locale, String key, Object... args) {
        String subject = messages.getMessage(key + ".subject", args, locale);
        String body = messages.getMessage(key + ".body", args, locale)
                + "\n\n-- \n" + messages.getMessage("mail.signature", null, locale);
        mail.save(new MailMessage(Instant.now(clock), recipient, subject, body));
    }

    /** The latest messages, all or to one recipient (demo mailbox, tests). */
    @Transactional(readOnly = true)
    public List<Message> latest(String recipient, int limit) {
        List<MailMessage> found = recipient.isBlank()
                ? mail.findAllByOrderByIdDesc(PageRequest.of(0, limit))
                : mail.findByRecipient(recipient.trim(), PageRequest.of(0, limit));
        return found.stream().map(m -> new Message(m.getId(), m.getCreatedAt(), m.getRecipient(), m.getSubject(),
                m.getBody(), m.getStatus().name())).toList();
    }

    /** Removes every message to an address, sent or not: its owner deleted their account. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void forget(String recipient) {
        mail.deleteByRecipient(recipient.trim());
    }

    public record Message(long id, Instant createdAt, String recipient, String subject, String body, String status) {

        private static final java.util.regex.Pattern LINK = java.util.regex.Pattern.compile("https?://\\S+");

        /** The body cut into text and links, so that a page can make the links clickable. */
        public List<Part> parts() {
            List<Part> parts = new java.util.ArrayList<>();
            java.util.regex.Matcher m = LINK.matcher(body);
            int at = 0;
            while (m.find()) {
                parts.add(new Part(body.substring(at, m.start()), false));
                parts.add(new Part(m.group(), true));
                at = m.end();
            }
            parts.add(new Part(body.substring(at), false));
            return parts;
        }
    }

    /** A piece of a mail body: plain text or a link. */
    public record Part(String text, boolean link) {}
}
