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
import org.jspecify.annotations.Nullable;
import ua.viche.platform.Role;

/** A role held by an account in a community, optionally limited to one department. */
@Entity
@Table(name = "role_grant")
public class RoleGrant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private Long accountId;

    @Enumerated(EnumType.STRING)
    private Role role;

    private @Nullable Long departmentId;
    private @Nullable Long grantedBy;
    private Instant grantedAt = Instant.now();

    protected RoleGrant() {}

    public RoleGrant(Long accountId, Role role, @Nullable Long departmentId, @Nullable Long grantedBy) {
        this.accountId = accountId;
        this.role = role;
        this.departmentId = departmentId;
        this.grantedBy = grantedBy;
    }

    public Long getId() { return id; }
    public Long getCommunityId() { return communityId; }
    public Long getAccountId() { return accountId; }
    public Role getRole() { return role; }
    public @Nullable Long getDepartmentId() { return departmentId; }
    public Instant getGrantedAt() { return grantedAt; }
}
