package ua.viche.platform.mail;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An outgoing e-mail, written in the transaction that caused it and sent afterwards (outbox). */
@Entity
@Table(name = "mail_message")
public class MailMessage {

    public enum Status { PENDING, SENT, KEPT, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Instant createdAt;
    private String recipient;
    private String subject;
    private String body;

    @Enumerated(EnumType.STRING)
    private Status status = Status.PENDING;

    private int attempts;
    private @Nullable Instant sentAt;
    private @Nullable String lastError;
    /** SHA-256 of the key of the browser session that caused the message; null for background work. */
    private @Nullable String sessionHash;

    protected MailMessage() {}

    public MailMessage(Instant createdAt, String recipient, String subject, String body, @Nullable String sessionHash) {
        this.createdAt = createdAt;
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.sessionHash = sessionHash;
    }

    void sent(Instant at) {
        status = Status.SENT;
        sentAt = at;
        attempts++;
    }

    void kept(Instant at) {
        status = Status.KEPT;
        sentAt = at;
    }

    void failed(String error, int maxAttempts) {
        attempts++;
        lastError = error.length() > 1000 ? error.substring(0, 1000) : error;
        if (attempts >= maxAttempts) {
            status = Status.FAILED;
        }
    }

    public Long getId() { return id; }
    public Instant getCreatedAt() { return createdAt; }
    public String getRecipient() { return recipient; }
    public String getSubject() { return subject; }
    public String getBody() { return body; }
    public Status getStatus() { return status; }
}
