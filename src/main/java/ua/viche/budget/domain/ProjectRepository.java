package ua.viche.budget.domain;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ProjectRepository extends JpaRepository<Project, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Project p where p.id = :id")
    Optional<Project> findForUpdate(@Param("id") Long id);

    List<Project> findByCycleIdAndStatusInOrderBySubmittedAtAscIdAsc(long cycleId, Collection<Project.Status> statuses);


    long countByCycleIdAndStatusIn(long cycleId, Collection<Project.Status> statuses);
}
