package ua.viche.queue.domain;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** Bookings of the current community. */
public interface BookingRepository extends JpaRepository<Booking, Long> {
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select b from Booking b where b.code = ?1")
    Optional<Booking> findForUpdate(String code);

    Optional<Booking> findByCode(String code);

    List<Booking> findByPersonIdOrderByStartsAtDesc(long personId);

    long countByPersonIdAndCreatedAtBetween(long personId, Instant from, Instant to);

    List<Booking> findByOfficeIdAndStartsAtBetweenOrderByStartsAt(long officeId, Instant from, Instant to);
}
