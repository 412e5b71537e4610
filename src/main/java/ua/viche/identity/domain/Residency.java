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
import ua.viche.identity.ResidencyBasis;

/**
 * A person's declared residency in a community: the settlement (by its KATOTTG code, one of the
 * community's list) and the address in it. Census and verified address are computed.
 */
@Entity
@Table(name = "residency")
public class Residency {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private Long personId;

    @Enumerated(EnumType.STRING)
    private ResidencyBasis basis;

    private String katottg;
    private String address;

    private Instant createdAt = Instant.now();

    protected Residency() {}

    /** A declaration of an address in the settlement with this code. */
    public static Residency declared(Long personId, String katottg, String address) {
        Residency r = new Residency();
        r.personId = personId;
        r.basis = ResidencyBasis.DECLARED;
        r.katottg = katottg;
        r.address = address.strip();
        return r;
    }

    void redeclare(String katottg, String address) {
        this.katottg = katottg;
        this.address = address.strip();
        this.createdAt = Instant.now();
    }

    public Long getCommunityId() { return communityId; }
    public ResidencyBasis getBasis() { return basis; }
    public Instant getCreatedAt() { return createdAt; }
    public String getKatottg() { return katottg; }
    public String getAddress() { return address; }
}
