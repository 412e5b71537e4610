package ua.viche.civic.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A seat in an advisory body: the member's name (a person or an organisation's delegate, as the
 * body's act names them), their role and term; optionally the verified organisation of the register
 * they represent. A member whose term has ended stays in the body's past composition.
 */
@Entity
@Table(name = "civic_body_member")
public class BodyMember {

    public enum Role { CHAIR, DEPUTY, SECRETARY, MEMBER }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private long bodyId;
    private String name;
    @Enumerated(EnumType.STRING)
    private Role role;
    private LocalDate termFrom;
    private @Nullable LocalDate termTo;
    private @Nullable Long organisationId;

    protected BodyMember() {}

    BodyMember(long bodyId, String name, Role role, LocalDate termFrom, @Nullable LocalDate termTo, @Nullable Long organisationId) {
        this.bodyId = bodyId;
        this.name = name;
        this.role = role;
        this.termFrom = termFrom;
        this.termTo = termTo;
        this.organisationId = organisationId;
    }

    void endTerm(LocalDate to) {
        this.termTo = to;
    }

    /** Whether the member sits in the body on that day. */
    public boolean current(LocalDate day) {
        return !termFrom.isAfter(day) && (termTo == null || !termTo.isBefore(day));
    }

    public Long getId() { return id; }
    public long getBodyId() { return bodyId; }
    public String getName() { return name; }
    public Role getRole() { return role; }
    public LocalDate getTermFrom() { return termFrom; }
    public @Nullable LocalDate getTermTo() { return termTo; }
    public @Nullable Long getOrganisationId() { return organisationId; }
}
