package ua.viche.consultations.domain;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** Consultations of the current community (tenant-filtered). */
interface ConsultationRepository extends JpaRepository<Consultation, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Consultation c where c.id = ?1")
    Optional<Consultation> findForUpdate(long id);

    @Query("select c from Consultation c where c.hiddenAt is null and c.status = ua.viche.consultations.domain.Consultation.Status.PUBLISHED"
            + " and c.closesAt >= ?1 order by c.closesAt, c.id")
    Page<Consultation> findOpen(Instant now, Pageable pageable);

    @Query("select c from Consultation c where c.hiddenAt is null and c.status = ua.viche.consultations.domain.Consultation.Status.PUBLISHED"
            + " and c.closesAt < ?1 order by c.reportDueAt, c.id")
    Page<Consultation> findAwaitingReport(Instant now, Pageable pageable);

    @Query("select c from Consultation c where c.hiddenAt is null and c.status = ua.viche.consultations.domain.Consultation.Status.REPORTED"
            + " order by c.reportPublishedAt desc, c.id desc")
    Page<Consultation> findReported(Pageable pageable);

    @Query("select c from Consultation c where c.hiddenAt is null order by c.id")
    List<Consultation> findAllVisible();

    List<Consultation> findByIdIn(List<Long> ids);
}
