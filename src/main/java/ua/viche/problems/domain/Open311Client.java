package ua.viche.problems.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** An Open311 client of the community: its name and the SHA-256 hash of its API key. */
@Entity
@Table(name = "open311_client")
public class Open311Client {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private String name;
    private String keyHash;
    private Instant createdAt;
    private @Nullable Instant revokedAt;

    protected Open311Client() {}

    public Open311Client(String name, String keyHash, Instant createdAt) {
        this.name = name;
        this.keyHash = keyHash;
        this.createdAt = createdAt;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public boolean active() {
        return revokedAt == null;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public Instant getCreatedAt() { return createdAt; }
    public @Nullable Instant getRevokedAt() { return revokedAt; }
}
