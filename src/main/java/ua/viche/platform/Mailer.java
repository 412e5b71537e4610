package ua.viche.platform;

import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import ua.viche.platform.mail.MailMessage;
import ua.viche.platform.mail.MailMessageRepository;

/**
 * Outgoing e-mail. A message is written to the outbox in the caller's transaction and sent after
 * commit by the dispatcher (SMTP when configured, else kept for the demo mailbox), so a rolled-back
 * action sends nothing and a crash loses nothing.
 */
@Service
public class Mailer {

    /** Session attribute: the random key that marks the mail a browser session caused (demo mailbox). */
    private static final String MAILBOX_KEY = "viche.mailboxKey";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MailMessageRepository mail;
    private final MessageSource messages;
    private final Clock clock;
    private final VicheSettings settings;

    Mailer(MailMessageRepository mail, MessageSource messages, Clock clock, VicheSettings settings) {
        this.mail = mail;
        this.messages = messages;
        this.clock = clock;
        this.settings = settings;
    }

    /** Queues a message whose subject and body come from the bundles ({@code key.subject}, {@code key.body}). */
    @Transactional(propagation = Propagation.REQUIRED)
    public void send(String recipient, Locale locale, String key, Object... args) {
        String subject = messages.getMessage(key + ".subject", args, locale);
        String body = messages.getMessage(key + ".body", args, locale)
                + "\n\n-- \n" + messages.getMessage("mail.signature", null, locale);
        mail.save(new MailMessage(Instant.now(clock), recipient, subject, body, causingSession()));
    }

    /**
     * In demo mode, the hash of the key of the browser session whose request causes this message
     * (the key is made and kept in the session on first use, so it survives the change of session id
     * at sign-in); else, and outside a request, null.
     */
    private @Nullable String causingSession() {
        if (!settings.demoEnabled()
                || !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)) {
            return null;
        }
        HttpSession session = request.getRequest().getSession(true);
        if (session.getAttribute(MAILBOX_KEY) instanceof String key) {
            return sha256(key);
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String key = HexFormat.of().formatHex(bytes);
        session.setAttribute(MAILBOX_KEY, key);
        return sha256(key);
    }

    /**
     * The latest messages that this browser session caused, all or to one recipient (demo mailbox);
     * none for a visitor whose session caused no mail.
     */
    @Transactional(readOnly = true)
    public List<Message> causedBy(@Nullable HttpSession session, String recipient, int limit) {
        Object key = session == null ? null : session.getAttribute(MAILBOX_KEY);
        if (!(key instanceof String k)) {
            return List.of();
        }
        String hash = sha256(k);
        List<MailMessage> found = recipient.isBlank()
                ? mail.findBySessionHashOrderByIdDesc(hash, PageRequest.of(0, limit))
                : mail.findBySessionHashAndRecipient(hash, recipient.trim(), PageRequest.of(0, limit));
        return found.stream().map(Mailer::message).toList();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The latest messages, all or to one recipient (tests). */
    @Transactional(readOnly = true)
    public List<Message> latest(String recipient, int limit) {
        List<MailMessage> found = recipient.isBlank()
                ? mail.findAllByOrderByIdDesc(PageRequest.of(0, limit))
                : mail.findByRecipient(recipient.trim(), PageRequest.of(0, limit));
        return found.stream().map(Mailer::message).toList();
    }

    private static Message message(MailMessage m) {
        return new Message(m.getId(), m.getCreatedAt(), m.getRecipient(), m.getSubject(), m.getBody(), m.getStatus().name());
    }

    /** Removes every message to an address, sent or not: its owner deleted their account. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void forget(String recipient) {
        mail.deleteByRecipient(recipient.trim());
    }

    public record Message(long id, Instant createdAt, String recipient, String subject, String body, String status) {

        private static final Pattern LINK = Pattern.compile("https?://\\S+");

        /** The body cut into text and links, so that a page can make the links clickable. */
        public List<Part> parts() {
            List<Part> parts = new ArrayList<>();
            Matcher m = LINK.matcher(body);
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
