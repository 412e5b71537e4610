package ua.viche.civic.domain;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface InitiativeRepository extends JpaRepository<Initiative, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Initiative i where i.id = :id")
    Optional<Initiative> lock(@Param("id") long id);

    Page<Initiative> findByStatusOrderByCreatedAtDescIdDesc(Initiative.Status status, Pageable page);

    Page<Initiative> findByStatusAndStageOrderByCreatedAtDescIdDesc(Initiative.Status status, InitiativeStage stage, Pageable page);

    Page<Initiative> findByStatusAndStageInOrderByCreatedAtDescIdDesc(Initiative.Status status, Collection<InitiativeStage> stages, Pageable page);

    List<Initiative> findByStatusOrderByCreatedAtAscIdAsc(Initiative.Status status);

    List<Initiative> findByAuthorPersonIdOrderByCreatedAtDesc(long personId);
}
