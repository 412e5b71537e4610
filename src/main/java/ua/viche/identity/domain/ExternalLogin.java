package ua.viche.identity.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An external provider's subject that signs in to an account. */
@Entity
@Table(name = "external_login")
public class ExternalLogin {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long accountId;
    private String provider;
    private String subject;
    private Instant createdAt = Instant.now();

    protected ExternalLogin() {}

    public ExternalLogin(Long accountId, String provider, String subject) {
        this.accountId = accountId;
        this.provider = provider;
        this.subject = subject;
    }

    public Long getAccountId() { return accountId; }
    public String getProvider() { return provider; }
    public Instant getCreatedAt() { return createdAt; }
}
