package ua.viche.platform.community;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Departments of the current community (filtered by the tenant id). */
public interface DepartmentRepository extends JpaRepository<DepartmentEntity, Long> {

    List<DepartmentEntity> findAllByOrderByNameUk();

    boolean existsByNameUk(String nameUk);
}
