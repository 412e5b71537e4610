package ua.viche.appeals.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AppealCategoryRepository extends JpaRepository<AppealCategory, Long> {

    List<AppealCategory> findAllByOrderByPositionAscIdAsc();

    Optional<AppealCategory> findByCode(String code);
}
