package ua.viche.identity.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import ua.viche.platform.Role;

/** Role grants (tenant-filtered inside a community). */
public interface RoleGrantRepository extends JpaRepository<RoleGrant, Long> {

    boolean existsByAccountIdAndCommunityIdAndRole(Long accountId, Long communityId, Role role);

    List<RoleGrant> findAllByOrderByRoleAscGrantedAtAsc();

    List<RoleGrant> findByAccountId(Long accountId);

    boolean existsByAccountIdAndRoleAndDepartmentId(Long accountId, Role role, Long departmentId);

    boolean existsByAccountIdAndRoleAndDepartmentIdIsNull(Long accountId, Role role);
}
