package ua.viche.identity.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import ua.viche.platform.Role;

/** Role grants (tenant-filtered inside a community). */
public interface RoleGrantRepository extends JpaRepository<RoleGrant, Long> {

    boolean existsByAccountIdAndCommunityIdAndRole(Long accountId, Long communityId, Role role);

    List<RoleGrant> findAllByOrderByRoleAscGrantedAtAsc();

    @Query("select g.departmentId from RoleGrant g where g.accountId = :account"
            + " and g.communityId = :community and g.role = :role")
    List<Long> findDepartments(@Param("account") Long accountId,
                               @Param("community") Long communityId,
                               @Param("role") Role role);

    List<RoleGrant> findByAccountId(Long accountId);

    boolean existsByAccountIdAndRoleAndDepartmentId(Long accountId, Role role, Long departmentId);

    boolean existsByAccountIdAndRoleAndDepartmentIdIsNull(Long accountId, Role role);
}
