package ua.viche.identity.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A one-time link sent by e-mail; only the hash of its secret is stored. */
@Entity
@Table(name = "email_token")
public class EmailToken {

    public enum Purpose { CONFIRM, RESET, CHANGE_EMAIL }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long accountId;

    @Enumerated(EnumType.STRING)
    private Purpose purpose;

    private String tokenHash;
    private @Nullable String newEmail;
    private Instant expiresAt;
    private @Nullable Instant usedAt;
    private Instant createdAt = Instant.now();

    protected EmailToken() {}

    public EmailToken(Long accountId, Purpose purpose, String tokenHash, @Nullable String newEmail, Instant expiresAt) {
        this.accountId = accountId;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.newEmail = newEmail;
        this.expiresAt = expiresAt;
    }

    public boolean usable(Purpose expected, Instant now) {
        return purpose == expected && usedAt == null && now.isBefore(expiresAt);
    }

    public void use(Instant at) { usedAt = at; }

    public Long getAccountId() { return accountId; }
    public @Nullable String getNewEmail() { return newEmail; }
}
