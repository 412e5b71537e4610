package ua.viche.identity.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.TenantId;

/** A person's declared residency in a community (census and verified address are computed). */
@Entity
@Table(name = "residency")
public class Residency {

    public enum Basis { DECLARED, CENSUS, VERIFIED_ADDRESS }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private Long personId;

    @Enumerated(EnumType.STRING)
    private Basis basis;

    private Instant createdAt = Instant.now();

    protected Residency() {}

    public Residency(Long personId, Basis basis) {
        this.personId = personId;
        this.basis = basis;
    }

    public Long getCommunityId() { return communityId; }
    public Basis getBasis() { return basis; }
    public Instant getCreatedAt() { return createdAt; }
}
