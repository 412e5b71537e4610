package ua.viche.queue.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Workplaces of the current community. */
public interface WorkplaceRepository extends JpaRepository<Workplace, Long> {
    List<Workplace> findByOfficeIdOrderByIdAsc(long officeId);
    Optional<Workplace> findByCode(String code);
    List<Workplace> findAllByOrderByIdAsc();
}
