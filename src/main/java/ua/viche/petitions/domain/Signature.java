package ua.viche.petitions.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** One person's signature under a petition (unique per petition and person). */
@Entity
@Table(name = "petition_signature")
public class Signature {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private long petitionId;
    private long personId;
    private String signerName;
    private Instant signedAt;
    private boolean notify;
    private @Nullable String notifyEmail;
    /** The signer was a resident by their own declaration of an address, not a verified one. */
    private boolean declaredResidency;

    protected Signature() {}

    public long getPetitionId() { return petitionId; }
    public long getPersonId() { return personId; }
    public String getSignerName() { return signerName; }
    public Instant getSignedAt() { return signedAt; }
    public boolean isNotify() { return notify; }
    public @Nullable String getNotifyEmail() { return notifyEmail; }
    public boolean isDeclaredResidency() { return declaredResidency; }
}
