package ua.viche.identity.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.TenantId;

/** One entry of a community's census list: the keyed hash of a resident's tax number. */
@Entity
@Table(name = "census_entry")
public class CensusEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private String taxHash;
    private Instant uploadedAt = Instant.now();

    protected CensusEntry() {}

    public CensusEntry(String taxHash) {
        this.taxHash = taxHash;
    }
}
