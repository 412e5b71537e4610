package ua.viche.monitoring.domain;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface FigureRepository extends JpaRepository<Figure, Long> {

    List<Figure> findByProgrammeIdOrderByPositionAscIdAsc(long programmeId);

    /** The figure, locked until the transaction ends: entries for it are made one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select f from Figure f where f.id = :id")
    Optional<Figure> lockById(@Param("id") long id);
}
