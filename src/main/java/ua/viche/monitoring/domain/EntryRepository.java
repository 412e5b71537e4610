package ua.viche.monitoring.domain;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface EntryRepository extends JpaRepository<Entry, Long> {

    Optional<Entry> findByFigureIdAndYearAndQuarterAndCurrentTrue(long figureId, int year, int quarter);

    List<Entry> findByFigureIdOrderByYearDescQuarterDescEnteredAtDesc(long figureId);

    List<Entry> findByFigureIdInAndCurrentTrue(List<Long> figureIds);

    /** The entry, locked until the transaction ends: one decision at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from Entry e where e.id = :id")
    Optional<Entry> lockById(@Param("id") long id);
}
