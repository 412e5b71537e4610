package ua.viche.queue.domain;

import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** Visits of the current community. */
public interface VisitRepository extends JpaRepository<Visit, Long> {
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select v from Visit v where v.id = ?1")
    Optional<Visit> findForUpdate(long id);

    Optional<Visit> findByRateCode(String code);

    Optional<Visit> findFirstByBookingIdOrderByIdDesc(long bookingId);

    List<Visit> findByOfficeIdAndDayAndStatusOrderByQueueAtAscIdAsc(long officeId, LocalDate day, Visit.Status status);

    List<Visit> findByOfficeIdAndDayAndStatusInOrderByCalledAtDesc(long officeId, LocalDate day, List<Visit.Status> statuses);

    long countByOfficeIdAndDay(long officeId, LocalDate day);
}
