package ua.viche.problems.domain;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** Reports of the current community. */
public interface ProblemReportRepository extends JpaRepository<ProblemReport, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from ProblemReport r where r.id = ?1")
    Optional<ProblemReport> findForUpdate(long id);

    Optional<ProblemReport> findByIdempotencyKey(String key);

    Optional<ProblemReport> findByToken(String token);

    @Query("""
            select r from ProblemReport r where r.status in ?1 and (?2 = 0 or r.categoryId = ?2)
              and (?3 is null or r.categoryId in (select c.id from ProblemCategory c where c.departmentId = ?3))
            """)
    Page<ProblemReport> findFiltered(Collection<ProblemStatus> statuses, long categoryId, @Nullable Long departmentId,
                                       Pageable pageable);

    @Query("""
            select r from ProblemReport r where r.categoryId = ?1 and r.status in ?2
              and r.latitude between ?3 and ?4 and r.longitude between ?5 and ?6 order by r.createdAt desc
            """)
    List<ProblemReport> findInBox(long categoryId, Collection<ProblemStatus> statuses, double minLat, double maxLat,
                                  double minLon, double maxLon);

    @Query("""
            select r from ProblemReport r where r.status in ?1 and (?2 = true or r.categoryId in ?3)
              and r.createdAt >= ?4 and r.createdAt < ?5 order by r.createdAt desc, r.id desc
            """)
    List<ProblemReport> findForOpen311(Collection<ProblemStatus> statuses, boolean anyCategory, Collection<Long> categoryIds,
                                       Instant from, Instant to, Pageable pageable);

    List<ProblemReport> findByIdIn(Collection<Long> ids);

    List<ProblemReport> findTop20ByReporterAccountIdOrderByIdDesc(Long accountId);

    List<ProblemReport> findAllByOrderById();
}
