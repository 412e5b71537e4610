package ua.viche.problems.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Categories of the current community. */
public interface ProblemCategoryRepository extends JpaRepository<ProblemCategory, Long> {

    List<ProblemCategory> findAllByOrderByNameUk();

    Optional<ProblemCategory> findByCode(String code);
}
