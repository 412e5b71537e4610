package ua.viche.identity.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.platform.AccessControl;
import ua.viche.platform.AuditLog;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.Role;

/** Role grants per community and department; the platform's {@link AccessControl} lookup. */
@Service
public class RoleService implements AccessControl {

    private final RoleGrantRepository grants;
    private final AccountRepository accounts;
    private final AuditLog audit;

    RoleService(RoleGrantRepository grants, AccountRepository accounts, AuditLog audit) {
        this.grants = grants;
        this.accounts = accounts;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean hasRole(long accountId, long communityId, Role role) {
        return grants.existsByAccountIdAndCommunityIdAndRole(accountId, communityId, role)
                || accounts.findById(accountId).map(Account::isPlatformAdmin).orElse(false);
    }

    @Override
    @Transactional(readOnly = true)
    public List<@Nullable Long> departmentsWithRole(long accountId, long communityId, Role role) {
        return grants.findDepartments(accountId, communityId, role);
    }

    /** Grants of the current community. */
    @Transactional(readOnly = true)
    public List<RoleGrant> grants() {
        CurrentCommunity.require();
        return grants.findAllByOrderByRoleAscGrantedAtAsc();
    }

    /** Grants a role in the current community; false if the account already holds it there. */
    @Transactional
    public boolean grant(long accountId, Role role, @Nullable Long departmentId, @Nullable Long grantedBy) {
        CurrentCommunity.require();
        boolean exists = departmentId == null
                ? grants.existsByAccountIdAndRoleAndDepartmentIdIsNull(accountId, role)
                : grants.existsByAccountIdAndRoleAndDepartmentId(accountId, role, departmentId);
        if (exists) {
            return false;
        }
        RoleGrant grant = grants.save(new RoleGrant(accountId, role, departmentId, grantedBy));
        audit.record("role.granted", "account", accountId, role + (departmentId == null ? "" : " department " + departmentId)
                + " (grant " + grant.getId() + ")");
        return true;
    }

    /** Revokes a grant of the current community. */
    @Transactional
    public void revoke(long grantId) {
        CurrentCommunity.require();
        RoleGrant grant = grants.findById(grantId).orElseThrow(() -> new NotFoundException("error.404.text"));
        grants.delete(grant);
        audit.record("role.revoked", "account", grant.getAccountId(), grant.getRole() + " (grant " + grantId + ")");
    }

    /** Every grant of an account, in all communities (outside a community) or in the current one. */
    @Transactional(readOnly = true)
    public List<RoleGrant> grantsOf(long accountId) {
        return grants.findByAccountId(accountId);
    }
}
